using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Statistics.Optimization;
using Engagement.Metrics.Tests.Statistics;

namespace Engagement.Metrics.Tests.Lifetime;

/// <summary>The analytic gradients the optimiser relies on, against central differences of the objective's own value.</summary>
public class LikelihoodGradientTests
{
    public static TheoryData<int> Shifts => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(Shifts))]
    public void Beta_geometric_gradient_matches_finite_differences(int shift)
    {
        var table = RfmTable.Build(LifetimeData.CdnowSummary, "customers");
        var objective = new BetaGeometricFamily.Objective(table, shift);
        AssertGradient(objective, [Math.Log(0.4), Math.Log(5), Math.Log(0.9), Math.Log(2.1)]);
    }

    [Fact]
    public void Beta_geometric_value_equals_the_per_customer_likelihood()
    {
        var table = RfmTable.Build(LifetimeData.CdnowSummary, "customers");
        double[] u = [Math.Log(0.3), Math.Log(4), Math.Log(0.7), Math.Log(2.5)];
        double fromTable = -new BetaGeometricFamily.Objective(table, 0).Evaluate(u, new double[4]);
        double direct = LifetimeData.CdnowSummary.Sum(c => BetaGeometricFamily.LogLikelihood(0.3, 4, 0.7, 2.5, c.Frequency, c.Recency, c.Age, 0));
        NumericAssert.Close(direct, fromTable, 1e-11);
    }

    [Fact]
    public void Gamma_gamma_gradient_matches_finite_differences()
    {
        RfmRecord[] data = LifetimeData.CdnowSummary;
        int used = data.Count(c => c.Frequency > 0);
        var objective = new GammaGamma.Objective(data, used, data.Max(c => c.Frequency));
        AssertGradient(objective, [Math.Log(5), Math.Log(3), Math.Log(12)]);
    }

    private static void AssertGradient(IObjective objective, double[] u)
    {
        int n = objective.Dimension;
        double[] gradient = new double[n];
        objective.Evaluate(u, gradient);
        double[] scratch = new double[n];
        for (int i = 0; i < n; i++)
        {
            const double h = 1e-5;
            double[] plus = (double[])u.Clone(), minus = (double[])u.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / (2 * h);
            NumericAssert.Close(numeric, gradient[i], 1e-5, 1e-4);
        }
    }
}
