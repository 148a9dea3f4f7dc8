using System.Globalization;
using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Lifetime;

/// <summary>What every lifetime-value fit does around the shared optimiser: run it, then honour <see cref="LifetimeFitOptions.RequireConvergence"/>.</summary>
internal static class LifetimeFitting
{
    /// <summary>Fits <paramref name="objective"/> from <paramref name="start"/> and checks convergence as the options ask.</summary>
    public static MaximumLikelihoodFit Fit(IObjective objective, ReadOnlySpan<double> start, LifetimeFitOptions options, string model)
    {
        MaximumLikelihoodFit fit = MaximumLikelihood.FitPositive(objective, start, options.Fit);
        if (options.RequireConvergence && !fit.Diagnostics.Converged)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The {model} fit did not converge ({fit.Diagnostics}); the estimates are not a maximum of the likelihood. Check the data (time unit, outliers) or raise LifetimeFitOptions.Fit.MaxIterations."));
        }

        return fit;
    }

    /// <summary>Throws when there is nothing to fit: a model needs at least one customer.</summary>
    public static void RequireCustomers(int count, string paramName, string model)
    {
        if (count == 0)
        {
            throw new ArgumentException($"{paramName} is empty; {model} needs at least one customer to fit.", paramName);
        }
    }

    /// <summary>Throws when a parameter passed to build a model from fixed values is not a finite number &gt; 0.</summary>
    public static double Parameter(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; model parameters must be finite numbers > 0.");
        }

        return value;
    }

    /// <summary>Throws when a forecast horizon is negative or not finite.</summary>
    public static void Horizon(double t, string name)
    {
        if (!(t >= 0 && double.IsFinite(t)))
        {
            throw new ArgumentOutOfRangeException(name, t, $"{name} is {t}; the horizon must be a finite time >= 0 in the unit of the data.");
        }
    }
}
