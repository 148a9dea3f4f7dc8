using System.Text.Json.Serialization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// A transaction log split at a calibration end (<see cref="RfmSummary.CalibrationAndHoldout"/>): the calibration RFM
/// rows to fit on, and each customer's purchases in the holdout period to validate predictions against
/// (see <see cref="HoldoutValidation"/>).
/// </summary>
public sealed class CalibrationHoldoutSummary
{
    /// <summary>Creates the summary; the three per-customer sequences are parallel.</summary>
    /// <param name="calibration">The calibration-period RFM rows.</param>
    /// <param name="holdoutPurchases">Purchase days of each customer in the holdout period (all purchases count here, there is no "first" one).</param>
    /// <param name="holdoutMonetaryValue">The mean amount per holdout purchase day; 0 when there was none.</param>
    /// <param name="holdoutDuration">The length of the holdout period in <paramref name="timeUnit"/>.</param>
    /// <param name="timeUnit">The unit of every time in the summary.</param>
    /// <exception cref="ArgumentException">The sequences differ in length, or the duration is not a finite number &gt; 0.</exception>
    [JsonConstructor]
    public CalibrationHoldoutSummary(ReadOnlyMemory<RfmRecord> calibration, ReadOnlyMemory<int> holdoutPurchases, ReadOnlyMemory<double> holdoutMonetaryValue, double holdoutDuration, RfmTimeUnit timeUnit)
    {
        if (holdoutPurchases.Length != calibration.Length || holdoutMonetaryValue.Length != calibration.Length)
        {
            throw new ArgumentException($"calibration ({calibration.Length}), holdoutPurchases ({holdoutPurchases.Length}) and holdoutMonetaryValue ({holdoutMonetaryValue.Length}) must have one entry per customer.", nameof(holdoutPurchases));
        }

        if (!(holdoutDuration >= 0 && double.IsFinite(holdoutDuration)))
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutDuration), holdoutDuration, "The holdout duration must be a finite time >= 0.");
        }

        Calibration = calibration;
        HoldoutPurchases = holdoutPurchases;
        HoldoutMonetaryValue = holdoutMonetaryValue;
        HoldoutDuration = holdoutDuration;
        TimeUnit = timeUnit;
    }

    /// <summary>The calibration-period RFM rows, one per customer whose first purchase is in the calibration period.</summary>
    public ReadOnlyMemory<RfmRecord> Calibration { get; }

    /// <summary>Each customer's number of purchase days in the holdout period.</summary>
    public ReadOnlyMemory<int> HoldoutPurchases { get; }

    /// <summary>Each customer's mean amount per holdout purchase day (0 when none).</summary>
    public ReadOnlyMemory<double> HoldoutMonetaryValue { get; }

    /// <summary>The length of the holdout period, in <see cref="TimeUnit"/>: the horizon to predict over.</summary>
    public double HoldoutDuration { get; }

    /// <summary>The unit of recency, T and <see cref="HoldoutDuration"/>.</summary>
    public RfmTimeUnit TimeUnit { get; }

    /// <summary>The calibration rows as an array (what <see cref="RfmSummary.FromTransactions"/> returns).</summary>
    internal RfmRecord[] CalibrationArray => Calibration.ToArray();
}
