using System.Globalization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// Checks a repeat-purchase model against a holdout period: each customer's E[Y(t) | x, t_x, T] over the holdout
/// length against the purchases they actually made, grouped by calibration frequency as in Fader, Hardie &amp; Lee
/// (2005, figure 4), with per-customer MAE and RMSE.
/// </summary>
public static class HoldoutValidation
{
    /// <summary>Compares the model's predictions with a <see cref="CalibrationHoldoutSummary"/>.</summary>
    /// <param name="model">A model fitted on <see cref="CalibrationHoldoutSummary.Calibration"/> (same time unit).</param>
    /// <param name="summary">The split transactions.</param>
    /// <param name="options">The bucketing; <see langword="null"/> for <see cref="HoldoutValidationOptions.Default"/>.</param>
    /// <returns>The comparison.</returns>
    public static HoldoutValidationResult Compare(IRepeatPurchaseModel model, CalibrationHoldoutSummary summary, HoldoutValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Compare(model, summary.Calibration.Span, summary.HoldoutPurchases.Span, summary.HoldoutDuration, options);
    }

    /// <summary>Compares the model's predictions over <paramref name="holdoutDuration"/> with the actual purchases.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="calibration">The calibration-period RFM rows.</param>
    /// <param name="actualPurchases">Each customer's purchases in the holdout period, ≥ 0, parallel to <paramref name="calibration"/>.</param>
    /// <param name="holdoutDuration">The holdout length, in the unit of the data.</param>
    /// <param name="options">The bucketing; <see langword="null"/> for the default.</param>
    /// <returns>The comparison; for no customers, empty buckets and <see langword="null"/> errors.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, a count is negative, or a row is invalid (named).</exception>
    public static HoldoutValidationResult Compare(IRepeatPurchaseModel model, ReadOnlySpan<RfmRecord> calibration, ReadOnlySpan<int> actualPurchases, double holdoutDuration, HoldoutValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        HoldoutValidationOptions settings = (options ?? HoldoutValidationOptions.Default).Validate();
        LifetimeFitting.Horizon(holdoutDuration, nameof(holdoutDuration));
        if (actualPurchases.Length != calibration.Length)
        {
            ThrowHelper.LengthMismatch(nameof(actualPurchases), calibration.Length, actualPurchases.Length);
        }

        for (int i = 0; i < calibration.Length; i++)
        {
            RfmTable.Validate(calibration[i], i, nameof(calibration));
            if (actualPurchases[i] < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{nameof(actualPurchases)}[{i}] (customer '{calibration[i].CustomerId}') is {actualPurchases[i]}; purchase counts cannot be negative."),
                    nameof(actualPurchases));
            }
        }

        int k = settings.OpenBucketFrequency;
        int[] counts = new int[k + 1];
        double[] actualSums = new double[k + 1];
        double[] predictedSums = new double[k + 1];
        double totalActual = 0, totalPredicted = 0, absolute = 0, squared = 0;
        for (int i = 0; i < calibration.Length; i++)
        {
            double predicted = model.ConditionalExpectedPurchases(holdoutDuration, calibration[i]);
            double actual = actualPurchases[i];
            int bucket = Math.Min(calibration[i].Frequency, k);
            counts[bucket]++;
            actualSums[bucket] += actual;
            predictedSums[bucket] += predicted;
            totalActual += actual;
            totalPredicted += predicted;
            absolute += Math.Abs(predicted - actual);
            squared += (predicted - actual) * (predicted - actual);
        }

        var buckets = new HoldoutBucket[k + 1];
        double bucketError = 0;
        int nonEmpty = 0;
        for (int b = 0; b <= k; b++)
        {
            int n = counts[b];
            double? meanActual = n > 0 ? actualSums[b] / n : null;
            double? meanPredicted = n > 0 ? predictedSums[b] / n : null;
            buckets[b] = new HoldoutBucket(b, b == k, n, meanActual, meanPredicted);
            if (n > 0)
            {
                bucketError += Math.Abs(meanPredicted!.Value - meanActual!.Value);
                nonEmpty++;
            }
        }

        int customers = calibration.Length;
        return customers == 0
            ? new HoldoutValidationResult(buckets, 0, 0, 0, null, null, null)
            : new HoldoutValidationResult(buckets, customers, totalActual, totalPredicted, absolute / customers, Math.Sqrt(squared / customers), bucketError / nonEmpty);
    }
}
