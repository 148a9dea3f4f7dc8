using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Social.Reviews;

/// <summary>One customer review from a review platform (Google, Trustpilot, an app store, a marketplace…).</summary>
/// <remarks>
/// <para>
/// Ratings run from 1 to <see cref="ScaleMaximum"/> (1–5 stars, 1–10 points); reviews on different scales are
/// rescaled linearly onto the reporting scale of <see cref="ReviewOptions"/>. Decimal ratings are allowed.
/// </para>
/// <para>
/// <see cref="Sentiment"/> is the review text's sentiment on −1..1: supplied with the data, or filled from
/// <see cref="Text"/> by any <see cref="Metrics.Sentiment.ISentimentScorer"/> through
/// <see cref="WithSentiment(Metrics.Sentiment.ISentimentScorer)"/> (the CLI uses the default English/Spanish lexicon
/// scorer for reviews that have text and no sentiment value).
/// </para>
/// <para>
/// The constructor does not check values; calculators and accumulators do, naming the review id, field and value.
/// </para>
/// </remarks>
public readonly struct Review : IEquatable<Review>
{
    /// <summary>Creates a review (also the JSON constructor).</summary>
    /// <param name="reviewId">The review's identifier, used in error messages.</param>
    /// <param name="source">The platform, for example <c>google</c>.</param>
    /// <param name="rating">The rating, 1..<paramref name="scaleMaximum"/>.</param>
    /// <param name="scaleMaximum">The top of the platform's scale (5 for stars), at least 2.</param>
    /// <param name="publishedAt">When the review was published.</param>
    [JsonConstructor]
    public Review(string reviewId, string source, double rating, int scaleMaximum, DateTimeOffset publishedAt)
    {
        ReviewId = reviewId;
        Source = source;
        Rating = rating;
        ScaleMaximum = scaleMaximum;
        PublishedAt = publishedAt;
    }

    /// <summary>The review's identifier.</summary>
    public string ReviewId { get; }

    /// <summary>The platform the review was published on.</summary>
    public string Source { get; }

    /// <summary>The rating, 1..<see cref="ScaleMaximum"/>.</summary>
    public double Rating { get; }

    /// <summary>The top of the platform's rating scale (the bottom is 1).</summary>
    public int ScaleMaximum { get; }

    /// <summary>When the review was published.</summary>
    public DateTimeOffset PublishedAt { get; }

    /// <summary>When the business first responded publicly, or null when it has not.</summary>
    public DateTimeOffset? RespondedAt { get; init; }

    /// <summary>The review text, or null.</summary>
    public string? Text { get; init; }

    /// <summary>The text's sentiment on −1 (negative) .. 1 (positive), or null when not scored.</summary>
    public double? Sentiment { get; init; }

    /// <summary>Returns this review with a sentiment score attached: where a sentiment scorer plugs in.</summary>
    /// <param name="sentiment">The compound sentiment of <see cref="Text"/> on −1..1 (checked when the review is added).</param>
    /// <returns>A copy with <see cref="Sentiment"/> set.</returns>
    public Review WithSentiment(double sentiment) => this with { Sentiment = sentiment };

    /// <summary>Returns this review with <see cref="Text"/> scored by <paramref name="scorer"/> (its compound score).</summary>
    /// <param name="scorer">Any scorer, for example the default <see cref="Sentiment.LexiconSentimentScorer"/> (English and Spanish).</param>
    /// <returns>A copy with <see cref="Sentiment"/> set; this review unchanged when it has no text or already has a sentiment.</returns>
    /// <remarks>A sentiment supplied with the data wins: scoring fills gaps, it never overwrites a provided value.</remarks>
    public Review WithSentiment(Sentiment.ISentimentScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return Sentiment is not null || string.IsNullOrEmpty(Text) ? this : WithSentiment(scorer.Score(Text).Compound);
    }

    /// <inheritdoc />
    public bool Equals(Review other) =>
        string.Equals(ReviewId, other.ReviewId, StringComparison.Ordinal) &&
        string.Equals(Source, other.Source, StringComparison.Ordinal) &&
        Rating.Equals(other.Rating) && ScaleMaximum == other.ScaleMaximum && PublishedAt.Equals(other.PublishedAt) &&
        RespondedAt.Equals(other.RespondedAt) && string.Equals(Text, other.Text, StringComparison.Ordinal) &&
        Sentiment.Equals(other.Sentiment);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Review other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(ReviewId, StringComparer.Ordinal);
        hash.Add(Source, StringComparer.Ordinal);
        hash.Add(Rating);
        hash.Add(ScaleMaximum);
        hash.Add(PublishedAt);
        hash.Add(RespondedAt);
        hash.Add(Text, StringComparer.Ordinal);
        hash.Add(Sentiment);
        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>r1 (google): 4/5</c>.</summary>
    /// <returns>The formatted review.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ReviewId} ({Source}): {Rating}/{ScaleMaximum}");

    /// <summary>Compares two reviews for equality.</summary>
    /// <param name="left">The first review.</param>
    /// <param name="right">The second review.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(Review left, Review right) => left.Equals(right);

    /// <summary>Compares two reviews for inequality.</summary>
    /// <param name="left">The first review.</param>
    /// <param name="right">The second review.</param>
    /// <returns><see langword="true"/> when any field differs.</returns>
    public static bool operator !=(Review left, Review right) => !left.Equals(right);
}
