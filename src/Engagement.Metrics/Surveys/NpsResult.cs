using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// A Net Promoter Score with the counts it came from and its uncertainty.
/// </summary>
/// <remarks>
/// <para>
/// <c>Score = 100 × (P − D) / N</c> where P, D and N are the (weighted) numbers of promoters, detractors and
/// responses; it lies in −100..100. The standard error is the trinomial one,
/// <c>100 × √((p + d − (p − d)²) / n)</c> with shares p, d and n the effective sample size.
/// </para>
/// <para>
/// With weights, the shares are weighted and n is Kish's effective sample size (Σw)²/Σw²; without weights
/// n is the number of responses. With no responses (or zero total weight) <see cref="HasValue"/> is false and
/// every derived value is <see langword="null"/>.
/// </para>
/// </remarks>
public readonly struct NpsResult : IEquatable<NpsResult>
{
    /// <summary>Creates a result from its counts (also the JSON constructor).</summary>
    /// <param name="count">The number of responses.</param>
    /// <param name="promoters">The (weighted) number of promoters.</param>
    /// <param name="passives">The (weighted) number of passives.</param>
    /// <param name="detractors">The (weighted) number of detractors.</param>
    /// <param name="effectiveSampleSize">Kish's effective sample size; equal to <paramref name="count"/> for unweighted data.</param>
    /// <param name="confidenceLevel">The level of <see cref="ConfidenceInterval"/>.</param>
    /// <param name="intervalMethod">How <see cref="ConfidenceInterval"/> is built.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or not finite, or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public NpsResult(long count, double promoters, double passives, double detractors, double effectiveSampleSize, double confidenceLevel, NpsIntervalMethod intervalMethod)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Promoters = Guard.NonNegative(promoters);
        Passives = Guard.NonNegative(passives);
        Detractors = Guard.NonNegative(detractors);
        EffectiveSampleSize = Guard.NonNegative(effectiveSampleSize);
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
        IntervalMethod = intervalMethod;
    }

    /// <summary>The number of responses.</summary>
    public long Count { get; }

    /// <summary>The (weighted) number of promoters.</summary>
    public double Promoters { get; }

    /// <summary>The (weighted) number of passives.</summary>
    public double Passives { get; }

    /// <summary>The (weighted) number of detractors.</summary>
    public double Detractors { get; }

    /// <summary>Kish's effective sample size (Σw)²/Σw²; the number of responses when unweighted.</summary>
    public double EffectiveSampleSize { get; }

    /// <summary>The confidence level of <see cref="ConfidenceInterval"/>.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>How <see cref="ConfidenceInterval"/> is built.</summary>
    public NpsIntervalMethod IntervalMethod { get; }

    /// <summary>The total weight of all responses (the number of responses when unweighted).</summary>
    [JsonIgnore]
    public double TotalWeight => Promoters + Passives + Detractors;

    /// <summary>Whether there is a score: at least one response with positive weight.</summary>
    public bool HasValue => Count > 0 && TotalWeight > 0 && EffectiveSampleSize > 0;

    /// <summary>The share of promoters, 0..1.</summary>
    public double? PromoterShare => HasValue ? Promoters / TotalWeight : null;

    /// <summary>The share of passives, 0..1.</summary>
    public double? PassiveShare => HasValue ? Passives / TotalWeight : null;

    /// <summary>The share of detractors, 0..1.</summary>
    public double? DetractorShare => HasValue ? Detractors / TotalWeight : null;

    /// <summary>The Net Promoter Score, −100..100: 100 × (promoter share − detractor share).</summary>
    public double? Score => HasValue ? 100 * (Promoters - Detractors) / TotalWeight : null;

    /// <summary>The trinomial standard error in NPS points, <c>100 × √((p + d − (p − d)²) / n)</c>.</summary>
    public double? StandardError => HasValue ? 100 * Math.Sqrt(TrinomialVariance(Promoters / TotalWeight, Detractors / TotalWeight) / EffectiveSampleSize) : null;

    /// <summary>The confidence interval at <see cref="ConfidenceLevel"/> by <see cref="IntervalMethod"/>, in NPS points, clipped to −100..100.</summary>
    public Interval? ConfidenceInterval => GetConfidenceInterval(ConfidenceLevel, IntervalMethod);

    /// <summary>Builds a confidence interval at any level and by either method.</summary>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <param name="method">The interval method.</param>
    /// <returns>The interval in NPS points clipped to −100..100, or <see langword="null"/> without a score.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <remarks>
    /// Wald: <c>S ± z·SE</c>. Adjusted Wald (Rocks 2016): with n' = n + 3, p' = (np + 3/4)/n', d' = (nd + 3/4)/n',
    /// the interval is <c>100 × ((p' − d') ± z √((p' + d' − (p' − d')²)/n'))</c>.
    /// </remarks>
    public Interval? GetConfidenceInterval(double level, NpsIntervalMethod method)
    {
        Guard.ConfidenceLevel(level);
        if (!HasValue)
        {
            return null;
        }

        double n = EffectiveSampleSize;
        double p = Promoters / TotalWeight;
        double d = Detractors / TotalWeight;
        if (method == NpsIntervalMethod.AdjustedWald)
        {
            double adjustedN = n + 3;
            p = ((n * p) + 0.75) / adjustedN;
            d = ((n * d) + 0.75) / adjustedN;
            n = adjustedN;
        }

        double half = StandardNormal.TwoSidedCriticalValue(level) * Math.Sqrt(TrinomialVariance(p, d) / n);
        double centre = p - d;
        return new Interval(level, 100 * Math.Max(-1, centre - half), 100 * Math.Min(1, centre + half));
    }

    // Var(1[promoter] − 1[detractor]) for one response; clamped because rounding can make it a hair negative.
    private static double TrinomialVariance(double p, double d) => Math.Max(0, p + d - ((p - d) * (p - d)));

    internal static NpsResult From(ScoreTally tally, NpsOptions options) =>
        new(
            tally.Count,
            tally.SumRange(options.PromoterMinimum, NpsOptions.ScaleMaximum),
            tally.SumRange(options.DetractorMaximum + 1, options.PromoterMinimum - 1),
            tally.SumRange(NpsOptions.ScaleMinimum, options.DetractorMaximum),
            tally.EffectiveSampleSize,
            options.ConfidenceLevel,
            options.IntervalMethod);

    /// <inheritdoc />
    public bool Equals(NpsResult other) =>
        Count == other.Count && Promoters.Equals(other.Promoters) && Passives.Equals(other.Passives)
        && Detractors.Equals(other.Detractors) && EffectiveSampleSize.Equals(other.EffectiveSampleSize)
        && ConfidenceLevel.Equals(other.ConfidenceLevel) && IntervalMethod == other.IntervalMethod;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NpsResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Promoters, Passives, Detractors, EffectiveSampleSize, ConfidenceLevel, IntervalMethod);

    /// <summary>Formats as <c>NPS 25.0 (n = 40, 95% [..])</c>, or <c>NPS — (n = 0)</c> without a value.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => HasValue
        ? string.Create(CultureInfo.InvariantCulture, $"NPS {Score:F1} (n = {Count}, {ConfidenceInterval})")
        : string.Create(CultureInfo.InvariantCulture, $"NPS — (n = {Count})");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether all counts and settings are equal.</returns>
    public static bool operator ==(NpsResult left, NpsResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any count or setting differs.</returns>
    public static bool operator !=(NpsResult left, NpsResult right) => !left.Equals(right);
}
