using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Social.Reviews;

/// <summary>A mergeable, JSON-serializable streaming accumulator of reviews.</summary>
/// <remarks>
/// The state is the totals of <see cref="ReviewResult"/> plus a <see cref="QuantileSketch"/> of response times, so
/// the median response time is within <see cref="ReviewOptions.ResponseTimeAccuracy"/> (relative) of the exact one;
/// every other value is exact. Keep one per source or period with <see cref="SegmentedAccumulator{TKey, TAccumulator}"/>
/// and <see cref="ReviewSegments"/>. Every batch is validated completely before anything is applied.
/// </remarks>
/// <threadsafety>Not thread-safe: give each thread its own accumulator and merge them.</threadsafety>
public sealed class ReviewAccumulator : IMergeableAccumulator<ReviewAccumulator>
{
    private readonly ReviewSums _sums;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Scale, threshold, prior and target; <see cref="ReviewOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ReviewAccumulator(ReviewOptions? options = null)
    {
        ReviewOptions valid = (options ?? ReviewOptions.Default).Validate();
        _sums = new ReviewSums(valid);
        ResponseMinutes = new QuantileSketch(valid.ResponseTimeAccuracy);
    }

    /// <summary>Restores an accumulator from its state (also the JSON constructor).</summary>
    /// <param name="totals">The accumulated totals (they carry the options).</param>
    /// <param name="responseMinutes">The sketch of response times in minutes.</param>
    /// <exception cref="ArgumentException">The sketch's accuracy differs from the options' or its count from the responses'.</exception>
    [JsonConstructor]
    public ReviewAccumulator(ReviewResult totals, QuantileSketch responseMinutes)
    {
        ArgumentNullException.ThrowIfNull(responseMinutes);
        if (responseMinutes.Count != totals.Responded || !responseMinutes.RelativeAccuracy.Equals(totals.Options.ResponseTimeAccuracy))
        {
            throw new ArgumentException("The response-time sketch does not match the totals (count or accuracy differ).", nameof(responseMinutes));
        }

        _sums = ReviewSums.From(totals);
        ResponseMinutes = responseMinutes;
    }

    /// <summary>The options every result is computed with.</summary>
    [JsonIgnore]
    public ReviewOptions Options => _sums.Options;

    /// <summary>The accumulated totals (the same as <see cref="ToResult"/>).</summary>
    public ReviewResult Totals => ToResult();

    /// <summary>The sketch of response times in minutes.</summary>
    public QuantileSketch ResponseMinutes { get; }

    /// <summary>The number of reviews added.</summary>
    [JsonIgnore]
    public long Count => _sums.Count;

    /// <summary>Adds one review.</summary>
    /// <param name="review">The review.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is off the scale, the response precedes the review, or the sentiment is outside −1..1; the message names the review id, field and value, and nothing is added.</exception>
    public void Add(in Review review)
    {
        ReviewSums.Validate(review, nameof(review), -1);
        Apply(review);
    }

    /// <summary>Adds a batch of reviews; a batch with any invalid review is rejected whole.</summary>
    /// <param name="reviews">The reviews.</param>
    /// <exception cref="ArgumentOutOfRangeException">A review is invalid; the message names its index, id, field and value.</exception>
    public void AddRange(ReadOnlySpan<Review> reviews)
    {
        for (int i = 0; i < reviews.Length; i++)
        {
            ReviewSums.Validate(reviews[i], nameof(reviews), i);
        }

        for (int i = 0; i < reviews.Length; i++)
        {
            Apply(reviews[i]);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(ReviewAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException($"Cannot merge review accumulators with different options ({other.Options} into {Options}).", nameof(other));
        }

        _sums.Merge(other._sums);
        ResponseMinutes.Merge(other.ResponseMinutes);
    }

    /// <inheritdoc />
    public ReviewAccumulator CreateEmpty() => new(Options);

    /// <summary>The result over every review added so far.</summary>
    /// <returns>The result; the median response time comes from the sketch.</returns>
    public ReviewResult ToResult() => _sums.ToResult(ResponseMinutes.Quantile(0.5));

    private void Apply(in Review review)
    {
        double minutes = _sums.Add(review);
        if (minutes >= 0)
        {
            ResponseMinutes.Add(minutes);
        }
    }
}
