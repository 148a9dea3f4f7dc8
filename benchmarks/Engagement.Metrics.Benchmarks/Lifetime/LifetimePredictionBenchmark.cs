using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.Benchmarks.Lifetime;

/// <summary>
/// Per-customer predictions for 10⁴–10⁶ simulated customers (days, horizon 30): E[Y(t) | x, t_x, T] and P(alive) with
/// the batch span overloads, against the single-customer calls through <see cref="IRepeatPurchaseModel"/> in a loop
/// (validation and interface dispatch per call). Target (issue 8): 10⁶ customers &lt; 1 s.
/// </summary>
[MemoryDiagnoser]
public class LifetimePredictionBenchmark
{
    private readonly BgNbdModel _model = new(0.243, 4.414 * 7, 0.793, 2.426);
    private RfmRecord[] _customers = [];
    private double[] _expected = [];
    private double[] _alive = [];

    [Params(10_000, 1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _customers = LifetimeBenchmarkData.Synthetic(Customers);
        _expected = new double[Customers];
        _alive = new double[Customers];
    }

    [Benchmark(Baseline = true)]
    public double PerCustomerInterfaceCalls()
    {
        IRepeatPurchaseModel model = _model;
        for (int i = 0; i < _customers.Length; i++)
        {
            _expected[i] = model.ConditionalExpectedPurchases(30, _customers[i]);
            _alive[i] = model.ProbabilityAlive(_customers[i]);
        }

        return _expected[^1] + _alive[^1];
    }

    [Benchmark]
    public double BatchSpans()
    {
        _model.ConditionalExpectedPurchases(30, _customers, _expected);
        _model.ProbabilityAlive(_customers, _alive);
        return _expected[^1] + _alive[^1];
    }
}
