using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Social;

/// <summary>Weights of the interaction types in weighted interactions, and the confidence level of rate intervals.</summary>
/// <remarks>
/// Weighted interactions = <c>LikeWeight·likes + CommentWeight·comments + ShareWeight·shares + SaveWeight·saves</c>.
/// The defaults (like 1, comment 2, share 3, save 2) are <em>our</em> defaults, not a published standard: they encode
/// the ordering the source material gives (a like is good, but comments and shares show more intent, and a share
/// also carries the post to a new audience). Set them to what your team agrees on; all-ones gives plain interactions.
/// </remarks>
public sealed record SocialOptions
{
    /// <summary>The default options: like 1, comment 2, share 3, save 2, 95% intervals.</summary>
    public static SocialOptions Default { get; } = new();

    /// <summary>The weight of one like.</summary>
    /// <value>The default is 1.</value>
    public double LikeWeight { get; init; } = 1;

    /// <summary>The weight of one comment.</summary>
    /// <value>The default is 2.</value>
    public double CommentWeight { get; init; } = 2;

    /// <summary>The weight of one share.</summary>
    /// <value>The default is 3.</value>
    public double ShareWeight { get; init; } = 3;

    /// <summary>The weight of one save.</summary>
    /// <value>The default is 2.</value>
    public double SaveWeight { get; init; } = 2;

    /// <summary>The confidence level of the reported intervals.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public SocialOptions Validate()
    {
        new OptionsValidation(nameof(SocialOptions))
            .Require(LikeWeight >= 0 && double.IsFinite(LikeWeight), $"LikeWeight is {LikeWeight}; weights must be finite and >= 0.")
            .Require(CommentWeight >= 0 && double.IsFinite(CommentWeight), $"CommentWeight is {CommentWeight}; weights must be finite and >= 0.")
            .Require(ShareWeight >= 0 && double.IsFinite(ShareWeight), $"ShareWeight is {ShareWeight}; weights must be finite and >= 0.")
            .Require(SaveWeight >= 0 && double.IsFinite(SaveWeight), $"SaveWeight is {SaveWeight}; weights must be finite and >= 0.")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }
}
