using Engagement.Metrics.Social.Reviews;

namespace Engagement.Metrics.Social.Reputation;

/// <summary>The reputation score (0–1000) from review and social results, with each component's contribution, and the comparison of two periods.</summary>
/// <remarks>
/// The score is a transparent weighted sum, not a statistical estimate: <c>Score = 1000 × Σ wᵢ·vᵢ / Σ wᵢ</c> over the
/// components with data. Component values are defined on <see cref="ReputationComponent"/>; weights and constants
/// on <see cref="ReputationOptions"/>; docs/metrics/reputation.md has a worked example.
/// </remarks>
public static class ReputationScoring
{
    /// <summary>Computes the reputation score of one period.</summary>
    /// <param name="reviews">The period's review result.</param>
    /// <param name="social">The period's social result, or null to leave the engagement component out.</param>
    /// <param name="asOf">The date recency is measured at (typically the end of the period); a newest review after it counts as age 0.</param>
    /// <param name="options">Weights and constants; <see cref="ReputationOptions.Default"/> when null.</param>
    /// <returns>The score with one contribution per component; no value without reviews.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static ReputationScore Calculate(ReviewResult reviews, SocialResult? social, DateTimeOffset asOf, ReputationOptions? options = null)
    {
        options = (options ?? ReputationOptions.Default).Validate();
        bool any = reviews.HasValue;
        int scale = reviews.Options.ScaleMaximum;

        Span<double?> values =
        [
            any ? Clamp01((reviews.BayesianAverage!.Value - 1) / (scale - 1)) : null,
            any ? Math.Min(1, Math.Log(1 + reviews.Count) / Math.Log(1 + options.VolumeTarget)) : null,
            any && reviews.LatestPublishedAt is { } latest ? Decay(Math.Max(0, (asOf - latest).TotalDays), options.RecencyHalfLife.TotalDays) : null,
            any ? reviews.ResponseRate : null,
            any && reviews.MedianResponseMinutes is { } minutes ? Decay(minutes, options.ResponseSpeedHalfLife.TotalMinutes) : null,
            any && reviews.MeanSentiment is { } sentiment ? Clamp01((sentiment + 1) / 2) : null,
            any && social?.Rate(options.EngagementDenominator).Rate is { } rate ? Math.Min(1, rate / options.EngagementTarget) : null,
        ];

        double available = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].HasValue)
            {
                available += options.Weight((ReputationComponent)i);
            }
        }

        var contributions = new ReputationContribution[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            var component = (ReputationComponent)i;
            double weight = options.Weight(component);
            double effective = values[i].HasValue && available > 0 ? weight / available : 0;
            contributions[i] = new ReputationContribution(component, values[i], weight, effective);
        }

        return new ReputationScore(asOf, contributions);
    }

    /// <summary>Compares two periods' scores component by component.</summary>
    /// <param name="before">The earlier period's score.</param>
    /// <param name="after">The later period's score.</param>
    /// <returns>The change of the score and of every component's value and points.</returns>
    public static ReputationChange Compare(ReputationScore before, ReputationScore after) => new(before, after);

    private static double Decay(double age, double halfLife) => Math.Pow(0.5, age / halfLife);

    private static double Clamp01(double value) => Math.Clamp(value, 0, 1);
}
