using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Tests.Lifetime;

/// <summary>Checks a model's analytic gradient (in u = log θ) against central differences of its value.</summary>
internal static class GradientAssert
{
    public static void MatchesCentralDifferences(IObjective objective, double[] theta, double relativeTolerance = 1e-5)
    {
        double[] u = theta.Select(v => Math.Log(v)).ToArray();
        double[] gradient = new double[u.Length];
        objective.Evaluate(u, gradient);
        for (int j = 0; j < u.Length; j++)
        {
            const double h = 1e-6;
            double[] plus = (double[])u.Clone();
            double[] minus = (double[])u.Clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (objective.Evaluate(plus, new double[u.Length]) - objective.Evaluate(minus, new double[u.Length])) / (2 * h);
            Assert.True(
                Math.Abs(gradient[j] - numeric) <= relativeTolerance * Math.Max(1, Math.Abs(numeric)),
                $"θ = ({string.Join(", ", theta)}), component {j}: analytic {gradient[j]}, numeric {numeric}");
        }
    }
}
