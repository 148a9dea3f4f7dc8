using System.Buffers;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Social.Reviews;

/// <summary>Review metrics: average and Bayesian average rating, rating distribution, response rate (overall and for negative reviews), response time and sentiment.</summary>
/// <remarks>See <see cref="ReviewResult"/> for the formulas and docs/metrics/reviews.md for worked examples.</remarks>
public static class ReviewMetrics
{
    /// <summary>Computes every review metric over <paramref name="reviews"/>, with the exact median response time.</summary>
    /// <param name="reviews">The reviews; empty gives a result without values.</param>
    /// <param name="options">Scale, threshold, prior and target; <see cref="ReviewOptions.Default"/> when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rating is off its scale, a response precedes its review, or a sentiment is outside −1..1; the message names the index, review id, field and value.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static ReviewResult Calculate(ReadOnlySpan<Review> reviews, ReviewOptions? options = null)
    {
        options = (options ?? ReviewOptions.Default).Validate();
        for (int i = 0; i < reviews.Length; i++)
        {
            ReviewSums.Validate(reviews[i], nameof(reviews), i);
        }

        var sums = new ReviewSums(options);
        double[] minutes = ArrayPool<double>.Shared.Rent(Math.Max(1, reviews.Length));
        try
        {
            int responses = 0;
            for (int i = 0; i < reviews.Length; i++)
            {
                double wait = sums.Add(reviews[i]);
                if (wait >= 0)
                {
                    minutes[responses++] = wait;
                }
            }

            double? median = responses > 0 ? Quantiles.QuantileInPlace(minutes.AsSpan(0, responses), 0.5) : null;
            return sums.ToResult(median);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(minutes);
        }
    }
}
