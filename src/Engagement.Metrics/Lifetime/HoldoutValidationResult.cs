using System.Text.Json.Serialization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// Predicted against actual holdout purchases (<see cref="HoldoutValidation"/>): per calibration-frequency bucket and
/// overall, with per-customer error metrics. Values that need at least one customer are <see langword="null"/> without.
/// </summary>
public sealed class HoldoutValidationResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="buckets">The buckets by calibration frequency, in order.</param>
    /// <param name="customers">The number of customers compared.</param>
    /// <param name="totalActual">Σ actual holdout purchases.</param>
    /// <param name="totalPredicted">Σ predicted holdout purchases.</param>
    /// <param name="meanAbsoluteError">Per-customer MAE; <see langword="null"/> without customers.</param>
    /// <param name="rootMeanSquaredError">Per-customer RMSE; <see langword="null"/> without customers.</param>
    /// <param name="bucketMeanAbsoluteError">Mean over non-empty buckets of |mean predicted − mean actual|; <see langword="null"/> without customers.</param>
    [JsonConstructor]
    public HoldoutValidationResult(IReadOnlyList<HoldoutBucket> buckets, int customers, double totalActual, double totalPredicted, double? meanAbsoluteError, double? rootMeanSquaredError, double? bucketMeanAbsoluteError)
    {
        Buckets = buckets;
        Customers = customers;
        TotalActual = totalActual;
        TotalPredicted = totalPredicted;
        MeanAbsoluteError = meanAbsoluteError;
        RootMeanSquaredError = rootMeanSquaredError;
        BucketMeanAbsoluteError = bucketMeanAbsoluteError;
    }

    /// <summary>The buckets 0, 1, …, k − 1 and "k or more" (k = <see cref="HoldoutValidationOptions.OpenBucketFrequency"/>).</summary>
    public IReadOnlyList<HoldoutBucket> Buckets { get; }

    /// <summary>The number of customers compared.</summary>
    public int Customers { get; }

    /// <summary>Σ actual holdout purchases over all customers.</summary>
    public double TotalActual { get; }

    /// <summary>Σ predicted holdout purchases E[Y(t) | x, t_x, T] over all customers.</summary>
    public double TotalPredicted { get; }

    /// <summary>Mean over customers of |predicted − actual|.</summary>
    public double? MeanAbsoluteError { get; }

    /// <summary>√(mean over customers of (predicted − actual)²).</summary>
    public double? RootMeanSquaredError { get; }

    /// <summary>Mean over non-empty buckets of |mean predicted − mean actual|: how well the model tracks the conditional-expectation curve (FHL 2005, figure 4).</summary>
    public double? BucketMeanAbsoluteError { get; }
}
