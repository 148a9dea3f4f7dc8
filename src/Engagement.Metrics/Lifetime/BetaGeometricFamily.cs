using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The maths BG/NBD (Fader, Hardie &amp; Lee 2005) and the modified BG/NBD (Batislam, Denizel &amp; Filiztekin 2007)
/// share. They differ only in where a customer may drop out: after each repeat purchase (BG/NBD) or also right after
/// the first purchase (MBG/NBD). Writing s = 0 for BG/NBD and s = 1 for MBG/NBD and m = x + s, every formula below
/// is the same expression: the Beta terms shift by m, and the "dropped out after the last purchase" branch exists when
/// m &gt; 0 (BG/NBD: only for repeat buyers).
/// </summary>
/// <remarks>
/// x is an integer, so every gamma-function ratio with an integer offset is a finite product:
/// ln Γ(r + x) − ln Γ(r) = Σₖ₌₀^{x−1} ln(r + k) and ψ(r + x) − ψ(r) = Σₖ 1/(r + k). The likelihood therefore needs no
/// special function at all: one pass of prefix sums up to the largest x, then two logarithms and one exponential per
/// (x, t_x, T) pattern.
/// </remarks>
internal static class BetaGeometricFamily
{
    /// <summary>Relative accuracy at which the hypergeometric series stops.</summary>
    private const double SeriesTolerance = 1e-16;

    /// <summary>Terms after which the hypergeometric series gives up (z ≤ 1 − 1e-4 converges well before).</summary>
    private const int MaxSeriesTerms = 2_000_000;

    /// <summary>ln L for one customer (the likelihood of FHL 2005 eq. 6; Batislam et al. 2007 eq. 4 when modified).</summary>
    public static double LogLikelihood(double r, double alpha, double a, double b, int x, double tx, double age, int shift)
    {
        int m = x + shift;
        double logBeta = 0;
        double logGamma = 0;
        for (int k = 0; k < m; k++)
        {
            logBeta += Math.Log(b + k) - Math.Log(a + b + k);
        }

        for (int k = 0; k < x; k++)
        {
            logGamma += Math.Log(r + k);
        }

        double a3 = -(r + x) * Math.Log(alpha + age);
        double value = logGamma + (r * Math.Log(alpha)) + logBeta + a3;
        if (m > 0)
        {
            double d = Math.Log(a) - Math.Log(b + m - 1) + ((r + x) * (Math.Log(alpha + age) - Math.Log(alpha + tx)));
            value += Softplus(d);
        }

        return value;
    }

    /// <summary>ln(1 + eᵈ) without overflow.</summary>
    internal static double Softplus(double d) => d > 0 ? d + Math.Log(1 + Math.Exp(-d)) : Math.Log(1 + Math.Exp(d));

    /// <summary>P(alive | x, t_x, T) = 1 / (1 + [m &gt; 0]·a/(b + m − 1)·((α + T)/(α + t_x))^{r+x}).</summary>
    public static double ProbabilityAlive(double r, double alpha, double a, double b, int x, double tx, double age, int shift)
    {
        int m = x + shift;
        if (m == 0)
        {
            return 1;
        }

        double d = Math.Log(a) - Math.Log(b + m - 1) + ((r + x) * (Math.Log(alpha + age) - Math.Log(alpha + tx)));
        return 1 / (1 + Math.Exp(d));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] = (a + b + m − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^{r+x} ₂F₁(r + x, b + m; a + b + m − 1; t/(α + T + t))] · P(alive)
    /// (FHL 2005 eq. 10; Batislam et al. 2007 eq. 6). With x = t_x = T = 0 it is E[X(t)] (FHL eq. 7).
    /// </summary>
    public static double ConditionalExpectedPurchases(double t, double r, double alpha, double a, double b, int x, double tx, double age, int shift)
    {
        if (t == 0)
        {
            return 0;
        }

        int m = x + shift;
        double c = a + b + m - 1;
        double z = t / (alpha + age + t);
        double hyper = Hypergeometric2F1(r + x, b + m, c, z);
        double power = Math.Exp((r + x) * Math.Log((alpha + age) / (alpha + age + t)));
        double expected = c / (a - 1) * (1 - (power * hyper));
        return expected * ProbabilityAlive(r, alpha, a, b, x, tx, age, shift);
    }

    /// <summary>
    /// P(X(t) = n) for a new customer: B(a, b + n + s)/B(a, b) · NBD(n) + [n + s &gt; 0]·B(a + 1, b + n + s − 1)/B(a, b) · P(NBD ≥ n),
    /// NBD(j) = Γ(r + j)/(Γ(r) j!) (α/(α + t))^r (t/(α + t))^j (FHL 2005 eq. 8; the MBG/NBD form adds the drop-out at time 0).
    /// </summary>
    public static double ProbabilityOfPurchases(int n, double t, double r, double alpha, double a, double b, int shift)
    {
        int m = n + shift;
        double logBeta = 0;
        for (int k = 0; k < m; k++)
        {
            logBeta += Math.Log(b + k) - Math.Log(a + b + k);
        }

        double logP0 = r * Math.Log(alpha / (alpha + t));
        double logRatio = t > 0 ? Math.Log(t / (alpha + t)) : double.NegativeInfinity;

        // NBD(j) built up term by term: NBD(j + 1) = NBD(j)·(r + j)/(j + 1)·t/(α + t).
        double logTerm = logP0;
        double below = 0;
        for (int j = 0; j < n; j++)
        {
            below += Math.Exp(logTerm);
            logTerm += Math.Log(r + j) - Math.Log(j + 1) + logRatio;
        }

        double probability = Math.Exp(logBeta + logTerm);
        if (m > 0)
        {
            double atLeast = Math.Max(0, 1 - below);
            probability += Math.Exp(Math.Log(a) - Math.Log(b + m - 1) + logBeta) * atLeast;
        }

        return probability;
    }

    /// <summary>
    /// The Gauss hypergeometric function ₂F₁(a, b; c; z) for a, b, c &gt; 0 and 0 ≤ z &lt; 1 by its power series. All terms
    /// are positive there, so the sum has no cancellation; it stops when a term no longer changes the sum.
    /// </summary>
    public static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MaxSeriesTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (term <= SeriesTolerance * sum)
            {
                return sum;
            }
        }

        return double.NaN;
    }

    /// <summary>Checks that the closed forms of E[Y(t)] apply: a ≠ 1 and a + b − 1 + s &gt; 0.</summary>
    public static void RequirePredictable(double a, double b, int shift, string model)
    {
        if (a == 1 || !(a + b - 1 + shift > 0))
        {
            throw new InvalidOperationException(
                $"{model} expected purchases need a != 1 and a + b{(shift == 0 ? " - 1" : string.Empty)} > 0 (closed form of Fader, Hardie & Lee 2005 eq. 7/10); the parameters are a = {a}, b = {b}.");
        }
    }

    /// <summary>
    /// −log L of the whole table as a function of u = (ln r, ln α, ln a, ln b), with its analytic gradient.
    /// Gradient in θ, per pattern with weights w = P(branch "dropped out after the last purchase"):
    /// ∂/∂r = Σₖ 1/(r + k) + ln α − ln(α + T) + w·[ln(α + T) − ln(α + t_x)];
    /// ∂/∂α = r/α − (r + x)/(α + T) + w·(r + x)·[1/(α + T) − 1/(α + t_x)];
    /// ∂/∂a = −Σₖ₌₀^{m−1} 1/(a + b + k) + w/a; ∂/∂b = Σₖ [1/(b + k) − 1/(a + b + k)] − w/(b + m − 1); then ∂/∂u = θ·∂/∂θ.
    /// </summary>
    public sealed class Objective : IObjective
    {
        private readonly RfmTable _table;
        private readonly int _shift;
        private readonly int[] _frequency;
        private readonly double[] _logGammaR;
        private readonly double[] _digammaR;
        private readonly double[] _logBeta;
        private readonly double[] _invB;
        private readonly double[] _invAb;
        private readonly double[] _logBm1;
        private readonly double[] _times;
        private readonly int[] _ageIndex;
        private readonly int[] _recencyIndex;
        private readonly double[] _logTime;
        private readonly double[] _invTime;

        public Objective(RfmTable table, int shift)
        {
            _table = table;
            _shift = shift;
            int maxX = 0;
            _frequency = new int[table.Length];
            for (int i = 0; i < table.Length; i++)
            {
                _frequency[i] = (int)table.Frequency[i];
                maxX = Math.Max(maxX, _frequency[i]);
            }

            // Ages and recencies take few distinct values (whole days, or days/7): ln(α + t) and 1/(α + t) are
            // computed once per distinct time and evaluation, and patterns look them up.
            var index = new Dictionary<double, int>();
            _ageIndex = new int[table.Length];
            _recencyIndex = new int[table.Length];
            for (int i = 0; i < table.Length; i++)
            {
                _ageIndex[i] = Slot(index, table.Age[i]);
                _recencyIndex[i] = Slot(index, table.Recency[i]);
            }

            _times = new double[index.Count];
            foreach (KeyValuePair<double, int> pair in index)
            {
                _times[pair.Value] = pair.Key;
            }

            _logTime = new double[_times.Length];
            _invTime = new double[_times.Length];

            int size = maxX + shift + 1;
            _logGammaR = new double[size];
            _digammaR = new double[size];
            _logBeta = new double[size];
            _invB = new double[size];
            _invAb = new double[size];
            _logBm1 = new double[size];
        }

        private static int Slot(Dictionary<double, int> index, double time)
        {
            if (!index.TryGetValue(time, out int slot))
            {
                slot = index.Count;
                index.Add(time, slot);
            }

            return slot;
        }

        public int Dimension => 4;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double r = Math.Exp(x[0]);
            double alpha = Math.Exp(x[1]);
            double a = Math.Exp(x[2]);
            double b = Math.Exp(x[3]);
            if (!(double.IsFinite(r) && double.IsFinite(alpha) && double.IsFinite(a) && double.IsFinite(b) && r > 0 && alpha > 0 && a > 0 && b > 0))
            {
                gradient.Clear();
                return double.NaN;
            }

            // Prefix sums over k < j of the integer-offset gamma ratios.
            int size = _logGammaR.Length;
            _logGammaR[0] = _digammaR[0] = _logBeta[0] = _invB[0] = _invAb[0] = 0;
            for (int j = 1; j < size; j++)
            {
                int k = j - 1;
                _logGammaR[j] = _logGammaR[k] + Math.Log(r + k);
                _digammaR[j] = _digammaR[k] + (1 / (r + k));
                _logBeta[j] = _logBeta[k] + Math.Log((b + k) / (a + b + k));
                _invB[j] = _invB[k] + (1 / (b + k));
                _invAb[j] = _invAb[k] + (1 / (a + b + k));
                _logBm1[j] = Math.Log(b + j - 1);
            }

            for (int j = 0; j < _times.Length; j++)
            {
                _logTime[j] = Math.Log(alpha + _times[j]);
                _invTime[j] = 1 / (alpha + _times[j]);
            }

            double logAlpha = Math.Log(alpha);
            double logA = Math.Log(a);
            double[] count = _table.Count;
            double ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
            for (int i = 0; i < count.Length; i++)
            {
                int xi = _frequency[i];
                int m = xi + _shift;
                double n = count[i];
                double rx = r + xi;
                double logAgeTerm = _logTime[_ageIndex[i]];
                double invAge = _invTime[_ageIndex[i]];
                double value = _logGammaR[xi] + (r * logAlpha) + _logBeta[m] - (rx * logAgeTerm);
                double dr = _digammaR[xi] + logAlpha - logAgeTerm;
                double dAlpha = (r / alpha) - (rx * invAge);
                double da = -_invAb[m];
                double db = _invB[m] - _invAb[m];
                if (m > 0)
                {
                    double logRecencyTerm = _logTime[_recencyIndex[i]];
                    double d = logA - _logBm1[m] + (rx * (logAgeTerm - logRecencyTerm));
                    double w;
                    if (d > 0)
                    {
                        double e = Math.Exp(-d);
                        value += d + Math.Log(1 + e);
                        w = 1 / (1 + e);
                    }
                    else
                    {
                        double e = Math.Exp(d);
                        value += Math.Log(1 + e);
                        w = e / (1 + e);
                    }

                    dr += w * (logAgeTerm - logRecencyTerm);
                    dAlpha += w * rx * (invAge - _invTime[_recencyIndex[i]]);
                    da += w / a;
                    db -= w / (b + m - 1);
                }

                ll += n * value;
                gr += n * dr;
                gAlpha += n * dAlpha;
                ga += n * da;
                gb += n * db;
            }

            gradient[0] = -gr * r;
            gradient[1] = -gAlpha * alpha;
            gradient[2] = -ga * a;
            gradient[3] = -gb * b;
            return -ll;
        }
    }
}
