using System.Globalization;

namespace Engagement.Metrics.Social.Reviews;

/// <summary>The running totals behind <see cref="ReviewResult"/>, shared by the static calculator and the accumulator.</summary>
internal sealed class ReviewSums
{
    private readonly long[] _distribution;

    public ReviewSums(ReviewOptions options)
    {
        Options = options;
        _distribution = new long[options.ScaleMaximum];
    }

    public ReviewOptions Options { get; }

    public long Count { get; private set; }

    public double RatingSum { get; private set; }

    public double RatingSumOfSquares { get; private set; }

    public long Negative { get; private set; }

    public long Responded { get; private set; }

    public long NegativeResponded { get; private set; }

    public long RespondedWithinTarget { get; private set; }

    public long SentimentCount { get; private set; }

    public double SentimentSum { get; private set; }

    public DateTimeOffset? LatestPublishedAt { get; private set; }

    public static ReviewSums From(in ReviewResult r)
    {
        var sums = new ReviewSums(r.Options)
        {
            Count = r.Count,
            RatingSum = r.RatingSum,
            RatingSumOfSquares = r.RatingSumOfSquares,
            Negative = r.Negative,
            Responded = r.Responded,
            NegativeResponded = r.NegativeResponded,
            RespondedWithinTarget = r.RespondedWithinTarget,
            SentimentCount = r.SentimentCount,
            SentimentSum = r.SentimentSum,
            LatestPublishedAt = r.LatestPublishedAt,
        };
        for (int i = 0; i < sums._distribution.Length; i++)
        {
            sums._distribution[i] = r.Distribution[i];
        }

        return sums;
    }

    /// <summary>The rating rescaled linearly from 1..review scale onto 1..reporting scale.</summary>
    public double Rescale(in Review review) =>
        review.ScaleMaximum == Options.ScaleMaximum
            ? review.Rating
            : 1 + ((review.Rating - 1) * (Options.ScaleMaximum - 1) / (review.ScaleMaximum - 1));

    /// <summary>Adds a review that <see cref="Validate"/> accepted; returns its response time in minutes, or −1 without a response.</summary>
    public double Add(in Review review)
    {
        double rating = Rescale(review);
        int star = (int)Math.Round(rating, MidpointRounding.AwayFromZero);
        bool negative = rating <= Options.NegativeThreshold;
        Count++;
        RatingSum += rating;
        RatingSumOfSquares += rating * rating;
        _distribution[Math.Clamp(star, 1, Options.ScaleMaximum) - 1]++;
        if (negative)
        {
            Negative++;
        }

        if (review.Sentiment is { } sentiment)
        {
            SentimentCount++;
            SentimentSum += sentiment;
        }

        if (LatestPublishedAt is not { } latest || review.PublishedAt > latest)
        {
            LatestPublishedAt = review.PublishedAt;
        }

        if (review.RespondedAt is not { } responded)
        {
            return -1;
        }

        TimeSpan wait = responded - review.PublishedAt;
        Responded++;
        if (negative)
        {
            NegativeResponded++;
        }

        if (wait <= Options.ResponseTarget)
        {
            RespondedWithinTarget++;
        }

        return wait.TotalMinutes;
    }

    public void Merge(ReviewSums other)
    {
        Count += other.Count;
        RatingSum += other.RatingSum;
        RatingSumOfSquares += other.RatingSumOfSquares;
        for (int i = 0; i < _distribution.Length; i++)
        {
            _distribution[i] += other._distribution[i];
        }

        Negative += other.Negative;
        Responded += other.Responded;
        NegativeResponded += other.NegativeResponded;
        RespondedWithinTarget += other.RespondedWithinTarget;
        SentimentCount += other.SentimentCount;
        SentimentSum += other.SentimentSum;
        if (other.LatestPublishedAt is { } theirs && (LatestPublishedAt is not { } ours || theirs > ours))
        {
            LatestPublishedAt = theirs;
        }
    }

    public ReviewResult ToResult(double? medianResponseMinutes) => new(
        Options, Count, RatingSum, RatingSumOfSquares, _distribution, Negative, Responded, NegativeResponded,
        RespondedWithinTarget, medianResponseMinutes, SentimentCount, SentimentSum, LatestPublishedAt);

    /// <summary>Checks one review; the message names the position, the review id, the field and the value.</summary>
    public static void Validate(in Review review, string paramName, int index)
    {
        if (review.ScaleMaximum is < 2 or > 100)
        {
            Throw(review, paramName, index, review.ScaleMaximum, $"ScaleMaximum is {review.ScaleMaximum}; a rating scale 1..ScaleMaximum needs 2 <= ScaleMaximum <= 100.");
        }

        if (!(review.Rating >= 1 && review.Rating <= review.ScaleMaximum))
        {
            Throw(review, paramName, index, review.Rating, $"Rating is {review.Rating}, off the scale 1..{review.ScaleMaximum}. Check the scale column or clean the input.");
        }

        if (review.RespondedAt is { } responded && responded < review.PublishedAt)
        {
            Throw(review, paramName, index, responded, $"RespondedAt {responded:O} is before PublishedAt {review.PublishedAt:O}; a response cannot precede the review. Check the time zones of the two columns.");
        }

        if (review.Sentiment is { } sentiment && !(sentiment >= -1 && sentiment <= 1))
        {
            Throw(review, paramName, index, sentiment, $"Sentiment is {sentiment}; a sentiment score must lie in [-1, 1].");
        }
    }

    private static void Throw(in Review review, string paramName, int index, object value, string problem)
    {
        string where = index >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] (review '{review.ReviewId}')")
            : string.Create(CultureInfo.InvariantCulture, $"{paramName} (review '{review.ReviewId}')");
        throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{where}: {problem}{(index >= 0 ? " Nothing from this batch was added." : "")}"));
    }
}
