using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Benchmarks.Lifetime;

/// <summary>
/// Gamma-Gamma fit on the 946 CDNOW repeat buyers (and 10⁵ simulated ones): the library (ln Γ/ψ once per distinct x,
/// running sums, one logarithm per customer) against the per-customer average-spend likelihood with three ln Γ and
/// three ψ per customer, through the same optimiser. Target (issue 8): CDNOW &lt; 3 ms.
/// </summary>
[MemoryDiagnoser]
public class GammaGammaBenchmark
{
    private RfmRecord[] _customers = [];

    [Params(0, 100_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup() => _customers = Customers == 0 ? LifetimeBenchmarkData.Cdnow() : LifetimeBenchmarkData.Synthetic(Customers);

    [Benchmark(Baseline = true)]
    public double NaivePerCustomer()
    {
        RfmRecord[] buyers = Array.FindAll(_customers, c => c.Frequency > 0);
        double mean = 0;
        foreach (RfmRecord c in buyers)
        {
            mean += c.MonetaryValue / buyers.Length;
        }

        return MaximumLikelihood.FitPositive(new NaiveObjective(buyers), [1, 2, mean], FitOptions.Default).LogLikelihood;
    }

    [Benchmark]
    public double Library() => GammaGamma.Fit(_customers).LogLikelihood;

    private sealed class NaiveObjective(RfmRecord[] buyers) : IObjective
    {
        public int Dimension => 3;

        public double Evaluate(ReadOnlySpan<double> u, Span<double> gradient)
        {
            double p = Math.Exp(u[0]), q = Math.Exp(u[1]), v = Math.Exp(u[2]);
            double ll = 0, gp = 0, gq = 0, gv = 0;
            foreach (RfmRecord c in buyers)
            {
                double x = c.Frequency, m = c.MonetaryValue, px = p * x;
                double log = Math.Log((x * m) + v);
                ll += SpecialFunctions.LogGamma(px + q) - SpecialFunctions.LogGamma(px) - SpecialFunctions.LogGamma(q)
                    + (q * Math.Log(v)) + ((px - 1) * Math.Log(m)) + (px * Math.Log(x)) - ((px + q) * log);
                double psi = SpecialFunctions.Digamma(px + q);
                gp += (x * (psi - SpecialFunctions.Digamma(px))) + (x * Math.Log(m)) + (x * Math.Log(x)) - (x * log);
                gq += psi - SpecialFunctions.Digamma(q) + Math.Log(v) - log;
                gv += (q / v) - ((px + q) / ((x * m) + v));
            }

            gradient[0] = -gp * p;
            gradient[1] = -gq * q;
            gradient[2] = -gv * v;
            return -ll;
        }
    }
}
