using Engagement.Metrics.Statistics;
using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The Pareto/NBD log-likelihood of one (x, t_x, T) pattern and its analytic gradient in (r, α, s, β), after Fader &amp;
/// Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions", eq. (22)–(24):
/// <code>
/// L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ]
/// A₀ = G(t_x) − G(T),  G(t) = ₂F₁(r+s+x, b; r+s+x+1; z(t)) / (m + t)^(r+s+x)
/// α ≥ β:  m = α, b = s + 1, z(t) = (α − β)/(α + t);   α &lt; β:  m = β, b = r + x, z(t) = (β − α)/(β + t)
/// </code>
/// Everything is in logs and rescaled by the larger of the two exponents before the difference G(t_x) − G(T) is
/// taken, so no power overflows. ₂F₁ and its derivatives come from <see cref="Hypergeometric.LogUnitGap"/>.
/// </summary>
internal sealed class ParetoNbdLikelihood : IObjective
{
    private readonly RfmTable _table;
    private readonly double[] _logGammaRatio;
    private readonly double[] _digammaDifference;
    private readonly LogG[] _atZero;

    public ParetoNbdLikelihood(RfmTable table)
    {
        _table = table;
        int maxX = 0;
        foreach (double x in table.Frequency)
        {
            maxX = Math.Max(maxX, (int)x);
        }

        _logGammaRatio = new double[maxX + 1];
        _digammaDifference = new double[maxX + 1];
        _atZero = new LogG[maxX + 1];
    }

    public int Dimension => 4;

    /// <summary>−Σ count·ln L over the patterns at θ = exp(u), with the gradient in u.</summary>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var p = new Parameters(Math.Exp(x[0]), Math.Exp(x[1]), Math.Exp(x[2]), Math.Exp(x[3]));
        PrepareFrequencyTerms(p.R);
        Span<double> g = stackalloc double[4];
        double total = 0, gr = 0, ga = 0, gs = 0, gb = 0;
        double[] frequency = _table.Frequency, recency = _table.Recency, age = _table.Age, count = _table.Count;
        for (int i = 0; i < frequency.Length; i++)
        {
            double n = count[i];
            total += n * Pattern(p, (int)frequency[i], recency[i], age[i], g);
            gr += n * g[0];
            ga += n * g[1];
            gs += n * g[2];
            gb += n * g[3];
        }

        gradient[0] = -gr * p.R;
        gradient[1] = -ga * p.Alpha;
        gradient[2] = -gs * p.S;
        gradient[3] = -gb * p.Beta;
        return -total;
    }

    /// <summary>Fills the per-x tables: ln Γ(r+x) − ln Γ(r), ψ(r+x) − ψ(r), and marks the cached G(0) values stale.</summary>
    private void PrepareFrequencyTerms(double r)
    {
        double logSum = 0, inverseSum = 0;
        for (int k = 0; k < _logGammaRatio.Length; k++)
        {
            _logGammaRatio[k] = logSum;
            _digammaDifference[k] = inverseSum;
            logSum += Math.Log(r + k);
            inverseSum += 1 / (r + k);
            _atZero[k].Valid = false;
        }
    }

    /// <summary>ln L of one pattern; writes ∂ ln L/∂(r, α, s, β) into <paramref name="gradient"/>.</summary>
    private double Pattern(in Parameters p, int x, double tx, double age, Span<double> gradient)
    {
        double r = p.R, alpha = p.Alpha, s = p.S, beta = p.Beta;
        double a = r + s + x;
        double logAlphaT = Math.Log(alpha + age), logBetaT = Math.Log(beta + age);

        // ln C = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β
        double logC = _logGammaRatio[x] + (r * p.LogAlpha) + (s * p.LogBeta);

        // ln E1 = −(r+x) ln(α+T) − s ln(β+T)
        double logE1 = (-(r + x) * logAlphaT) - (s * logBetaT);

        LogG gx = tx == 0 ? AtZero(p, x) : Compute(p, x, tx);
        LogG gt = tx == age ? gx : Compute(p, x, age);

        double k = Math.Max(logE1, gx.Value);
        double e1 = Math.Exp(logE1 - k), ex = Math.Exp(gx.Value - k), et = Math.Exp(gt.Value - k);
        double w = s / a;
        double difference = ex - et;
        double bracket = e1 + (w * difference);

        // ∂w/∂r = −s/a², ∂w/∂s = 1/a − s/a²
        double wr = -w / a;
        double ws = (1 / a) + wr;
        gradient[0] = _digammaDifference[x] + p.LogAlpha
            + (((e1 * -logAlphaT) + (w * ((ex * gx.R) - (et * gt.R))) + (wr * difference)) / bracket);
        gradient[1] = (r / alpha)
            + (((e1 * (-(r + x) / (alpha + age))) + (w * ((ex * gx.Alpha) - (et * gt.Alpha)))) / bracket);
        gradient[2] = p.LogBeta
            + (((e1 * -logBetaT) + (w * ((ex * gx.S) - (et * gt.S))) + (ws * difference)) / bracket);
        gradient[3] = (s / beta)
            + (((e1 * (-s / (beta + age))) + (w * ((ex * gx.Beta) - (et * gt.Beta)))) / bracket);
        return logC + k + Math.Log(bracket);
    }

    /// <summary>ln L of one customer, and P(alive | x, t_x, T) (see <see cref="LogBracket"/>).</summary>
    internal static double LogLikelihood(in Parameters p, int x, double tx, double age, out double probabilityAlive) =>
        SpecialFunctions.LogGamma(p.R + x) - SpecialFunctions.LogGamma(p.R) + (p.R * p.LogAlpha) + (p.S * p.LogBeta)
        + LogBracket(p, x, tx, age, out probabilityAlive);

    /// <summary>
    /// ln{E1 + s/(r+s+x)·A₀}, the part of ln L after ln C, and P(alive | x, t_x, T) = E1 / [E1 + s/(r+s+x)·A₀]
    /// (Fader &amp; Hardie 2005 note, eq. 29).
    /// </summary>
    internal static double LogBracket(in Parameters p, int x, double tx, double age, out double probabilityAlive)
    {
        double r = p.R, s = p.S;
        double logE1 = (-(r + x) * Math.Log(p.Alpha + age)) - (s * Math.Log(p.Beta + age));
        double gx = LogG0(p, x, tx);
        double gt = tx == age ? gx : LogG0(p, x, age);
        double k = Math.Max(logE1, gx);
        double e1 = Math.Exp(logE1 - k);
        double bracket = e1 + (s / (r + s + x) * (Math.Exp(gx - k) - Math.Exp(gt - k)));
        probabilityAlive = Math.Clamp(e1 / bracket, 0, 1);
        return k + Math.Log(bracket);
    }

    /// <summary>ln G(t) without derivatives.</summary>
    private static double LogG0(in Parameters p, int x, double t)
    {
        double a = p.R + p.S + x;
        return p.Alpha >= p.Beta
            ? Hypergeometric.LogUnitGapValue(a, p.S + 1, (p.Alpha - p.Beta) / (p.Alpha + t)) - (a * Math.Log(p.Alpha + t))
            : Hypergeometric.LogUnitGapValue(a, p.R + x, (p.Beta - p.Alpha) / (p.Beta + t)) - (a * Math.Log(p.Beta + t));
    }

    private LogG AtZero(in Parameters p, int x)
    {
        ref LogG cached = ref _atZero[x];
        if (!cached.Valid)
        {
            cached = Compute(p, x, 0);
            cached.Valid = true;
        }

        return cached;
    }

    /// <summary>ln G(t) and its derivatives in (r, α, s, β).</summary>
    internal static LogG Compute(in Parameters p, int x, double t)
    {
        double r = p.R, alpha = p.Alpha, s = p.S, beta = p.Beta;
        double a = r + s + x;
        LogG g = default;
        if (alpha >= beta)
        {
            double mt = alpha + t;
            double z = (alpha - beta) / mt;
            double logF = Hypergeometric.LogUnitGap(a, s + 1, z, out double dA, out double dB, out double dZ);
            double logM = Math.Log(mt);
            g.Value = logF - (a * logM);
            g.R = dA - logM;
            g.S = dA + dB - logM;
            g.Alpha = (dZ * (beta + t) / (mt * mt)) - (a / mt);
            g.Beta = -dZ / mt;
        }
        else
        {
            double mt = beta + t;
            double z = (beta - alpha) / mt;
            double logF = Hypergeometric.LogUnitGap(a, r + x, z, out double dA, out double dB, out double dZ);
            double logM = Math.Log(mt);
            g.Value = logF - (a * logM);
            g.R = dA + dB - logM;
            g.S = dA - logM;
            g.Alpha = -dZ / mt;
            g.Beta = (dZ * (alpha + t) / (mt * mt)) - (a / mt);
        }

        return g;
    }

    /// <summary>The parameters and their logs, computed once per evaluation.</summary>
    internal readonly struct Parameters
    {
        public Parameters(double r, double alpha, double s, double beta)
        {
            R = r;
            Alpha = alpha;
            S = s;
            Beta = beta;
            LogAlpha = Math.Log(alpha);
            LogBeta = Math.Log(beta);
        }

        public double R { get; }

        public double Alpha { get; }

        public double S { get; }

        public double Beta { get; }

        public double LogAlpha { get; }

        public double LogBeta { get; }
    }

    /// <summary>ln G(t) and ∂ ln G/∂(r, α, s, β).</summary>
    internal struct LogG
    {
        public double Value;
        public double R;
        public double Alpha;
        public double S;
        public double Beta;
        public bool Valid;
    }
}
