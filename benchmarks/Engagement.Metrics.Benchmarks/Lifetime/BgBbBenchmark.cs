using System.Globalization;
using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.Benchmarks.Lifetime;

/// <summary>
/// BG/BB fit on the donations data (Fader, Hardie &amp; Shang 2010: 11,104 donors, 6 opportunities):
/// <see cref="BgBb.Fit"/> on the 22 weighted rows and on the 11,104 one-donor rows (collapsed internally to the same
/// 22 patterns), against Nelder–Mead over a per-donor likelihood loop. All land on α = 1.204, β = 0.750, γ = 0.657,
/// δ = 2.783.
/// </summary>
[MemoryDiagnoser]
public class BgBbBenchmark
{
    private BgBbRecord[] _weighted = [];
    private BgBbRecord[] _perDonor = [];

    [GlobalSetup]
    public void Setup()
    {
        _weighted = File.ReadAllLines(ParetoNbdBenchmark.DataFile("donations.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new BgBbRecord(int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToArray();
        _perDonor = _weighted.SelectMany(r => Enumerable.Repeat(new BgBbRecord(r.Frequency, r.Recency, r.Periods), (int)r.Weight)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double[] NaiveNelderMeadPerDonor() =>
        NaiveFitting.NelderMead(
            u =>
            {
                double a = Math.Exp(u[0]), b = Math.Exp(u[1]), g = Math.Exp(u[2]), d = Math.Exp(u[3]);
                double sum = 0;
                foreach (BgBbRecord row in _perDonor)
                {
                    sum += Math.Log(NaiveLikelihood(a, b, g, d, row.Frequency, row.Recency, row.Periods));
                }

                return -sum;
            },
            4);

    [Benchmark]
    public BgBbModel FitWeightedRows() => BgBb.Fit(_weighted);

    [Benchmark]
    public BgBbModel FitOneRowPerDonor() => BgBb.Fit(_perDonor);

    /// <summary>FHS (2010) eq. 5 term by term, each beta ratio as a product over its integer shift.</summary>
    private static double NaiveLikelihood(double a, double b, double g, double d, int x, int tx, int n)
    {
        double sum = BetaRatio(a, b, x, n - x) * BetaRatio(g, d, 0, n);
        for (int i = 0; i < n - tx; i++)
        {
            sum += BetaRatio(a, b, x, tx - x + i) * BetaRatio(g, d, 1, tx + i);
        }

        return sum;
    }

    /// <summary>B(p + i, q + j) / B(p, q) for whole i, j.</summary>
    private static double BetaRatio(double p, double q, int i, int j)
    {
        double ratio = 1;
        for (int k = 0; k < i; k++)
        {
            ratio *= (p + k) / (p + q + k);
        }

        for (int k = 0; k < j; k++)
        {
            ratio *= (q + k) / (p + q + i + k);
        }

        return ratio;
    }
}
