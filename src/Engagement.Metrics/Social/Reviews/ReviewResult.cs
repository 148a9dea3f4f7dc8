using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Social.Reviews;

/// <summary>Review metrics over a set of reviews: average and Bayesian average rating, distribution, response rates, response time and sentiment.</summary>
/// <remarks>
/// Ratings are on the reporting scale 1..<see cref="ReviewOptions.ScaleMaximum"/>.
/// <list type="bullet">
/// <item><c>AverageRating = Σ r / n</c> with a Student-t interval;</item>
/// <item><c>BayesianAverage = (Σ r + m·C) / (n + m)</c> (see <see cref="ReviewOptions"/>);</item>
/// <item><c>ResponseRate = responded / n</c>, <c>NegativeResponseRate = responded negatives / negatives</c>, both with Wilson intervals;</item>
/// <item><c>MedianResponseMinutes</c> over responded reviews (exact from the static calculator, within the sketch's relative accuracy from the accumulator), and <c>ShareRespondedWithinTarget = responses within the target / responses</c>;</item>
/// <item><c>MeanSentiment</c> over reviews with a sentiment score, on −1..1.</item>
/// </list>
/// Every value is null, never 0 or NaN, when its denominator is empty.
/// </remarks>
public readonly struct ReviewResult : IEquatable<ReviewResult>
{
    private readonly long[]? _distribution;
    private readonly ReviewOptions? _options;

    /// <summary>Creates a result from its totals (also the JSON constructor).</summary>
    /// <param name="options">The options the totals were computed with.</param>
    /// <param name="count">The number of reviews.</param>
    /// <param name="ratingSum">Σ ratings on the reporting scale.</param>
    /// <param name="ratingSumOfSquares">Σ ratings² on the reporting scale.</param>
    /// <param name="distribution">Reviews per star 1..ScaleMaximum (ratings rounded half away from zero).</param>
    /// <param name="negative">Reviews at or below the negative threshold.</param>
    /// <param name="responded">Reviews with a response.</param>
    /// <param name="negativeResponded">Negative reviews with a response.</param>
    /// <param name="respondedWithinTarget">Responses within the response target.</param>
    /// <param name="medianResponseMinutes">The median response time in minutes, or null without responses.</param>
    /// <param name="sentimentCount">Reviews with a sentiment score.</param>
    /// <param name="sentimentSum">Σ sentiment scores.</param>
    /// <param name="latestPublishedAt">The newest review's publication time, or null without reviews.</param>
    /// <exception cref="ArgumentException">The distribution's length is not the options' scale, or the counts are inconsistent.</exception>
    [JsonConstructor]
    public ReviewResult(
        ReviewOptions options, long count, double ratingSum, double ratingSumOfSquares, IReadOnlyList<long> distribution,
        long negative, long responded, long negativeResponded, long respondedWithinTarget, double? medianResponseMinutes,
        long sentimentCount, double sentimentSum, DateTimeOffset? latestPublishedAt)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(distribution);
        _options = options.Validate();
        if (distribution.Count != options.ScaleMaximum)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"distribution has {distribution.Count} entries; the scale 1..{options.ScaleMaximum} needs {options.ScaleMaximum}."), nameof(distribution));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(negative);
        ArgumentOutOfRangeException.ThrowIfNegative(sentimentCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(negative, count);
        ArgumentOutOfRangeException.ThrowIfNegative(responded);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(responded, count);
        ArgumentOutOfRangeException.ThrowIfNegative(negativeResponded);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(negativeResponded, Math.Min(negative, responded));
        ArgumentOutOfRangeException.ThrowIfNegative(respondedWithinTarget);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(respondedWithinTarget, responded);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sentimentCount, count);
        _distribution = [.. distribution];
        Count = count;
        RatingSum = ratingSum;
        RatingSumOfSquares = ratingSumOfSquares;
        Negative = negative;
        Responded = responded;
        NegativeResponded = negativeResponded;
        RespondedWithinTarget = respondedWithinTarget;
        MedianResponseMinutes = responded > 0 ? medianResponseMinutes : null;
        SentimentCount = sentimentCount;
        SentimentSum = sentimentSum;
        LatestPublishedAt = count > 0 ? latestPublishedAt : null;
    }

    /// <summary>The options the result was computed with (scale, threshold, prior, target, level).</summary>
    public ReviewOptions Options => _options ?? ReviewOptions.Default;

    /// <summary>The number of reviews.</summary>
    public long Count { get; }

    /// <summary>Σ ratings on the reporting scale.</summary>
    public double RatingSum { get; }

    /// <summary>Σ ratings² on the reporting scale.</summary>
    public double RatingSumOfSquares { get; }

    /// <summary>Reviews per star: element <c>k − 1</c> counts ratings that round to <c>k</c> on the reporting scale.</summary>
    public IReadOnlyList<long> Distribution => _distribution ?? [];

    /// <summary>Reviews at or below the negative threshold.</summary>
    public long Negative { get; }

    /// <summary>Reviews with a response.</summary>
    public long Responded { get; }

    /// <summary>Negative reviews with a response.</summary>
    public long NegativeResponded { get; }

    /// <summary>Responses given within <see cref="ReviewOptions.ResponseTarget"/> of publication.</summary>
    public long RespondedWithinTarget { get; }

    /// <summary>The median time from publication to response, in minutes; null without responses.</summary>
    public double? MedianResponseMinutes { get; }

    /// <summary>Reviews with a sentiment score.</summary>
    public long SentimentCount { get; }

    /// <summary>Σ sentiment scores.</summary>
    public double SentimentSum { get; }

    /// <summary>The newest review's publication time; null without reviews.</summary>
    public DateTimeOffset? LatestPublishedAt { get; }

    /// <summary>Whether there is at least one review.</summary>
    public bool HasValue => Count > 0;

    /// <summary>The mean rating on the reporting scale; null without reviews.</summary>
    public double? AverageRating => Count > 0 ? RatingSum / Count : null;

    /// <summary>The Student-t interval of <see cref="AverageRating"/>; null with fewer than 2 reviews.</summary>
    public Interval? AverageRatingInterval
    {
        get
        {
            if (Count < 2)
            {
                return null;
            }

            double mean = RatingSum / Count;
            double variance = Math.Max(0, (RatingSumOfSquares - (RatingSum * mean)) / (Count - 1));
            return ConfidenceIntervals.StudentT(mean, Math.Sqrt(variance / Count), Count - 1, Options.ConfidenceLevel);
        }
    }

    /// <summary>The prior-weighted average <c>(Σ r + m·C) / (n + m)</c>; null without reviews.</summary>
    public double? BayesianAverage => Count > 0 ? (RatingSum + (Options.PriorWeight * Options.EffectivePriorMean)) / (Count + Options.PriorWeight) : null;

    /// <summary>The prior mean C actually used (the configured one or the scale midpoint).</summary>
    public double PriorMean => Options.EffectivePriorMean;

    /// <summary>The share of reviews that are negative, in [0, 1]; null without reviews.</summary>
    public double? NegativeShare => Share(Negative, Count);

    /// <summary>The share of reviews with a response, in [0, 1]; null without reviews.</summary>
    public double? ResponseRate => Share(Responded, Count);

    /// <summary>The Wilson interval of <see cref="ResponseRate"/>; null without reviews.</summary>
    public Interval? ResponseRateInterval => Count > 0 ? ConfidenceIntervals.Wilson(Responded, Count, Options.ConfidenceLevel) : null;

    /// <summary>The share of negative reviews with a response, in [0, 1]; null without negative reviews.</summary>
    public double? NegativeResponseRate => Share(NegativeResponded, Negative);

    /// <summary>The Wilson interval of <see cref="NegativeResponseRate"/>; null without negative reviews.</summary>
    public Interval? NegativeResponseRateInterval => Negative > 0 ? ConfidenceIntervals.Wilson(NegativeResponded, Negative, Options.ConfidenceLevel) : null;

    /// <summary>The share of responses given within the target, in [0, 1]; null without responses.</summary>
    public double? ShareRespondedWithinTarget => Share(RespondedWithinTarget, Responded);

    /// <summary>The mean sentiment on −1..1 over reviews with a score; null when none has one.</summary>
    public double? MeanSentiment => SentimentCount > 0 ? SentimentSum / SentimentCount : null;

    private static double? Share(long part, long whole) => whole > 0 ? (double)part / whole : null;

    /// <inheritdoc />
    public bool Equals(ReviewResult other) =>
        Equals(Options, other.Options) && Count == other.Count && RatingSum.Equals(other.RatingSum) &&
        RatingSumOfSquares.Equals(other.RatingSumOfSquares) && Distribution.SequenceEqual(other.Distribution) &&
        Negative == other.Negative && Responded == other.Responded && NegativeResponded == other.NegativeResponded &&
        RespondedWithinTarget == other.RespondedWithinTarget && MedianResponseMinutes.Equals(other.MedianResponseMinutes) &&
        SentimentCount == other.SentimentCount && SentimentSum.Equals(other.SentimentSum) && LatestPublishedAt.Equals(other.LatestPublishedAt);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReviewResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(HashCode.Combine(Options, Count, RatingSum, RatingSumOfSquares, Negative, Responded, NegativeResponded), RespondedWithinTarget, MedianResponseMinutes, SentimentCount, SentimentSum, LatestPublishedAt);

    /// <summary>Formats as <c>4.21 ★ (Bayesian 4.05, n = 24), 63% responded</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => HasValue
        ? string.Create(CultureInfo.InvariantCulture, $"{AverageRating:F2} of {Options.ScaleMaximum} (Bayesian {BayesianAverage:F2}, n = {Count}), {ResponseRate:P0} responded")
        : "no reviews";

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every total and setting is equal.</returns>
    public static bool operator ==(ReviewResult left, ReviewResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(ReviewResult left, ReviewResult right) => !left.Equals(right);
}
