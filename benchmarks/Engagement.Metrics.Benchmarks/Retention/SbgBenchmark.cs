using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Retention;

namespace Engagement.Metrics.Benchmarks.Retention;

/// <summary>
/// Fitting the sBG model to Fader &amp; Hardie's (2007) Regular cohort, years 0–7: BFGS on the analytic gradient
/// (plus the Hessian for standard errors) against a naive 200 × 200 log-spaced grid search of the log-likelihood in
/// its beta-function form (log-gamma per term), which reaches only ~2 significant figures. Target (issue 7): &lt; 1 ms.
/// </summary>
[MemoryDiagnoser]
public class SbgBenchmark
{
    private static readonly long[] Regular = [1000, 631, 468, 382, 326, 289, 262, 241];

    [Benchmark(Baseline = true)]
    public double NaiveGridSearch()
    {
        double best = double.NegativeInfinity, bestAlpha = 0;
        for (int i = 0; i < 200; i++)
        {
            double alpha = Math.Exp(-3 + (6.0 * i / 199));
            for (int j = 0; j < 200; j++)
            {
                double beta = Math.Exp(-3 + (6.0 * j / 199));
                double ll = 0;
                for (int t = 1; t < Regular.Length; t++)
                {
                    ll += (Regular[t - 1] - Regular[t]) * (LogBeta(alpha + 1, beta + t - 1) - LogBeta(alpha, beta));
                }

                ll += Regular[^1] * (LogBeta(alpha, beta + Regular.Length - 1) - LogBeta(alpha, beta));
                if (ll > best)
                {
                    best = ll;
                    bestAlpha = alpha;
                }
            }
        }

        return bestAlpha;
    }

    [Benchmark]
    public double Fit() => ShiftedBetaGeometric.Fit(Regular).Alpha.Value;

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    // Lanczos (g = 7, n = 9) with reflection, as a textbook implementation would write it.
    private static double LogGamma(double x)
    {
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++)
        {
            sum += c[i] / (x + i);
        }

        double t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
