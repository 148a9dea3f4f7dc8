using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Benchmarks.Service;

/// <summary>
/// Erlang C: the overflow-free Erlang B recursion against the textbook formula
/// C = (Aᴺ/N! · N/(N − A)) / (Σ_{k&lt;N} Aᵏ/k! + Aᴺ/N! · N/(N − A)) evaluated with Math.Pow and a factorial in doubles.
/// The naive form overflows (NaN) once Aᴺ or N! passes 1.8 × 10³⁰⁸ (N ≈ 171), so it only answers for small centres;
/// the sizes show growth from a 10-erlang team to a 10⁴-erlang operation. RequiredAgents is the full search;
/// ErlangAServiceLevel is Erlang A (patience = AHT) with its two positive series.
/// </summary>
[MemoryDiagnoser]
public class ErlangCBenchmark
{
    private static readonly TimeSpan Aht = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(20);

    [Params(10, 100, 1_000, 10_000)]
    public int Load { get; set; }

    private int Agents => Load + (int)Math.Ceiling(Math.Sqrt(Load)) + 1;

    [Benchmark(Baseline = true)]
    public double NaivePowerSum()
    {
        double a = Load;
        int n = Agents;
        double sum = 0;
        double factorial = 1;
        for (int k = 0; k < n; k++)
        {
            if (k > 0)
            {
                factorial *= k;
            }

            sum += Math.Pow(a, k) / factorial;
        }

        double top = Math.Pow(a, n) / (factorial * n) * n / (n - a);
        return top / (sum + top);
    }

    [Benchmark]
    public double? Recursion() => new ErlangCResult(Agents, Load, Aht, Threshold).ProbabilityOfWaiting;

    [Benchmark]
    public double ErlangAServiceLevel() => new ErlangAResult(Agents, Load, Aht, Aht, Threshold).ServiceLevel;

    [Benchmark]
    public int RequiredAgents() => ErlangC.RequiredAgents(Load * 10, TimeSpan.FromMinutes(30), Aht).Agents;
}
