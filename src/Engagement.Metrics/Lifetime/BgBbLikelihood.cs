using System.Globalization;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The BG/BB log-likelihood (Fader, Hardie &amp; Shang 2010, eq. 5) over weighted (x, t_x, n) patterns, with its
/// analytic gradient:
/// <code>
/// L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σᵢ₌₀…ₙ₋ₜₓ₋₁ B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)
/// </code>
/// Every beta-function ratio shifts its arguments by whole numbers, so ln Γ(a+k) − ln Γ(a) = Σⱼ₍ⱼ₌₀…ₖ₋₁₎ ln(a+j) and
/// ψ(a+k) − ψ(a) = Σⱼ 1/(a+j): the prefix-sum tables of <see cref="BgBbTables"/>, filled once per evaluation, make each
/// term O(1) and need no digamma.
/// The terms are added by a running log-sum-exp.
/// </summary>
internal sealed class BgBbLikelihood : IObjective
{
    private readonly int[] _x, _tx, _n;
    private readonly double[] _weight;
    private readonly BgBbTables _tables;

    public BgBbLikelihood(ReadOnlySpan<BgBbRecord> rows, string paramName)
    {
        var index = new Dictionary<(int, int, int), int>();
        var x = new List<int>();
        var tx = new List<int>();
        var n = new List<int>();
        var weight = new List<double>();
        int maxN = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            BgBbRecord row = rows[i];
            Validate(row, i, paramName);
            Customers += row.Weight;
            if (row.Weight == 0)
            {
                continue;
            }

            var key = (row.Frequency, row.Recency, row.Periods);
            if (index.TryGetValue(key, out int slot))
            {
                weight[slot] += row.Weight;
                continue;
            }

            index.Add(key, weight.Count);
            x.Add(row.Frequency);
            tx.Add(row.Recency);
            n.Add(row.Periods);
            weight.Add(row.Weight);
            maxN = Math.Max(maxN, row.Periods);
        }

        _x = [.. x];
        _tx = [.. tx];
        _n = [.. n];
        _weight = [.. weight];
        _tables = new BgBbTables(maxN + 2);
    }

    public int Dimension => 4;

    /// <summary>The total weight (number of customers).</summary>
    public double Customers { get; }

    /// <summary>The number of distinct patterns.</summary>
    public int Patterns => _weight.Length;

    /// <summary>−Σ weight·ln L at θ = exp(u), with the gradient in u.</summary>
    public double Evaluate(ReadOnlySpan<double> u, Span<double> gradient)
    {
        double alpha = Math.Exp(u[0]), beta = Math.Exp(u[1]), gamma = Math.Exp(u[2]), delta = Math.Exp(u[3]);
        BgBbTables t = _tables.Fill(alpha, beta, gamma, delta);
        BgBbTables.Prefix a = t.A, b = t.B, ab = t.AB, d = t.D, gdt = t.GD;
        double logGamma = t.LogGamma, inverseGamma = 1 / gamma;
        double total = 0, ga = 0, gb = 0, gg = 0, gd = 0;
        for (int p = 0; p < _weight.Length; p++)
        {
            int x = _x[p], tx = _tx[p], n = _n[p];

            // The "alive through n" term.
            var sum = new LogSum(
                a.Log[x] + b.Log[n - x] - ab.Log[n] + d.Log[n] - gdt.Log[n],
                a.Inverse[x] - ab.Inverse[n],
                b.Inverse[n - x] - ab.Inverse[n],
                -gdt.Inverse[n],
                d.Inverse[n] - gdt.Inverse[n]);

            // "Died at the start of opportunity t_x + i + 1."
            for (int k = tx; k < n; k++)
            {
                int y = k - x;
                sum.Add(
                    a.Log[x] + b.Log[y] - ab.Log[k] + logGamma + d.Log[k] - gdt.Log[k + 1],
                    a.Inverse[x] - ab.Inverse[k],
                    b.Inverse[y] - ab.Inverse[k],
                    inverseGamma - gdt.Inverse[k + 1],
                    d.Inverse[k] - gdt.Inverse[k + 1]);
            }

            double w = _weight[p];
            total += w * sum.Log;
            ga += w * sum.GradientAlpha;
            gb += w * sum.GradientBeta;
            gg += w * sum.GradientGamma;
            gd += w * sum.GradientDelta;
        }

        gradient[0] = -ga * alpha;
        gradient[1] = -gb * beta;
        gradient[2] = -gg * gamma;
        gradient[3] = -gd * delta;
        return -total;
    }

    /// <summary>ln[B(a + i, b + j) / B(a, b)].</summary>
    internal static double LogBetaRatio(double a, double b, double i, double j) =>
        SpecialFunctions.LogGamma(a + i) + SpecialFunctions.LogGamma(b + j) - SpecialFunctions.LogGamma(a + b + i + j)
        - SpecialFunctions.LogGamma(a) - SpecialFunctions.LogGamma(b) + SpecialFunctions.LogGamma(a + b);

    /// <summary>The rules: 0 ≤ x ≤ t_x ≤ n, t_x = 0 when x = 0, weight finite and ≥ 0.</summary>
    /// <exception cref="ArgumentException">A rule is broken; the message names the row, the field and the value.</exception>
    internal static void Validate(in BgBbRecord row, int position, string paramName)
    {
        string? problem =
            row.Frequency < 0 ? $"frequency is {row.Frequency}; repeat transactions cannot be negative"
            : row.Periods < 0 ? $"periods (n) is {row.Periods}; the number of opportunities cannot be negative"
            : row.Recency < 0 ? $"recency is {row.Recency}; it must be an opportunity number >= 0"
            : row.Recency > row.Periods ? $"recency {row.Recency} is greater than periods (n) {row.Periods}; the last transaction cannot come after the last opportunity"
            : row.Frequency == 0 && row.Recency != 0 ? $"recency is {row.Recency} with frequency 0; a customer without repeat transactions has recency 0"
            : row.Frequency > row.Recency ? $"frequency {row.Frequency} is greater than recency {row.Recency}; x transactions need at least x opportunities up to the last one"
            : !(row.Weight >= 0 && double.IsFinite(row.Weight)) ? $"weight is {row.Weight}; it must be a finite count >= 0"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName}[{position}] ({row}): {problem}. Fix the recency/frequency summary (opportunities numbered 1..n after the first transaction)."),
                paramName);
        }
    }

    /// <summary>A running log-sum-exp of terms with their gradients: ln Σ eᵗ and Σ eᵗ∇t / Σ eᵗ.</summary>
    private struct LogSum
    {
        private double _max, _sum, _a, _b, _g, _d;

        public LogSum(double term, double a, double b, double g, double d)
        {
            _max = term;
            _sum = 1;
            _a = a;
            _b = b;
            _g = g;
            _d = d;
        }

        public readonly double Log => _max + Math.Log(_sum);

        public readonly double GradientAlpha => _a / _sum;

        public readonly double GradientBeta => _b / _sum;

        public readonly double GradientGamma => _g / _sum;

        public readonly double GradientDelta => _d / _sum;

        public void Add(double term, double a, double b, double g, double d)
        {
            if (term <= _max)
            {
                double e = Math.Exp(term - _max);
                _sum += e;
                _a += e * a;
                _b += e * b;
                _g += e * g;
                _d += e * d;
                return;
            }

            double f = Math.Exp(_max - term);
            _sum = (_sum * f) + 1;
            _a = (_a * f) + a;
            _b = (_b * f) + b;
            _g = (_g * f) + g;
            _d = (_d * f) + d;
            _max = term;
        }
    }
}
