using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Surveys;

/// <summary>A Customer Effort Score (CES) result: the mean score with a t interval, the share "easy" and the distribution.</summary>
/// <remarks>
/// <c>Score</c> is the (weighted) mean on the survey's scale, with standard error s/√n and a Student-t interval on
/// n − 1 degrees of freedom (n_eff for weighted data). <c>EasyShare</c> is the share in the easy band on 0..100 with a
/// Wilson interval. Without responses <see cref="HasValue"/> is false and values are null.
/// </remarks>
public readonly struct CesResult : IEquatable<CesResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="distribution">The distribution of scores.</param>
    /// <param name="easyThreshold">The boundary of the easy band, on the distribution's scale.</param>
    /// <param name="lowerIsEasier">Whether low scores mean low effort.</param>
    /// <param name="confidenceLevel">The level of the reported intervals.</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is off the scale or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public CesResult(ScoreDistribution distribution, int easyThreshold, bool lowerIsEasier, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(easyThreshold, distribution.Minimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(easyThreshold, distribution.Maximum);
        Distribution = distribution;
        EasyThreshold = easyThreshold;
        LowerIsEasier = lowerIsEasier;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The full distribution of scores.</summary>
    public ScoreDistribution Distribution { get; }

    /// <summary>The boundary of the easy band.</summary>
    public int EasyThreshold { get; }

    /// <summary>Whether low scores mean low effort (legacy 1–5 effort scale).</summary>
    public bool LowerIsEasier { get; }

    /// <summary>The confidence level of the reported intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The number of responses.</summary>
    public long Count => Distribution.Count;

    /// <summary>Whether there is at least one response with positive weight.</summary>
    public bool HasValue => Distribution.HasValue;

    /// <summary>The CES: the mean score on the survey's scale.</summary>
    public double? Score => Distribution.Mean;

    /// <summary>The standard error of the mean.</summary>
    public double? StandardError => Distribution.MeanStandardError;

    /// <summary>The Student-t interval of the mean at <see cref="ConfidenceLevel"/>.</summary>
    public Interval? ConfidenceInterval => Distribution.MeanConfidenceInterval(ConfidenceLevel);

    /// <summary>The share of responses in the easy band, on 0..100.</summary>
    public double? EasyShare => Distribution.ShareBetween(EasyLow, EasyHigh) * 100;

    /// <summary>The Wilson interval of <see cref="EasyShare"/> on 0..100.</summary>
    public Interval? EasyShareConfidenceInterval => Distribution.ShareConfidenceInterval(EasyLow, EasyHigh, ConfidenceLevel)?.Scale(100);

    private int EasyLow => LowerIsEasier ? Distribution.Minimum : EasyThreshold;

    private int EasyHigh => LowerIsEasier ? EasyThreshold : Distribution.Maximum;

    internal static CesResult From(ScoreTally tally, CesOptions options) =>
        new(ScoreDistribution.From(tally, options.Minimum, options.Maximum), options.EasyThreshold, options.LowerIsEasier, options.ConfidenceLevel);

    /// <inheritdoc />
    public bool Equals(CesResult other) =>
        Distribution.Equals(other.Distribution) && EasyThreshold == other.EasyThreshold
        && LowerIsEasier == other.LowerIsEasier && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CesResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Distribution, EasyThreshold, LowerIsEasier, ConfidenceLevel);

    /// <summary>Formats as <c>CES 5.40 (n = 50, ...)</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => HasValue
        ? string.Create(CultureInfo.InvariantCulture, $"CES {Score:F2} (n = {Count}, {ConfidenceInterval}; easy {EasyShare:F1}%)")
        : string.Create(CultureInfo.InvariantCulture, $"CES — (n = {Count})");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether distribution and settings are equal.</returns>
    public static bool operator ==(CesResult left, CesResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(CesResult left, CesResult right) => !left.Equals(right);
}
