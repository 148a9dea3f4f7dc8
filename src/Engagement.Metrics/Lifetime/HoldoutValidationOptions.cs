using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Lifetime;

/// <summary>How <see cref="HoldoutValidation"/> groups customers.</summary>
public sealed record HoldoutValidationOptions
{
    /// <summary>The standard options: buckets 0, 1, …, 6 and "7 or more" calibration purchases (the grouping of Fader, Hardie &amp; Lee 2005, figure 4).</summary>
    public static HoldoutValidationOptions Default { get; } = new();

    /// <summary>The calibration frequency from which customers share one open-ended bucket.</summary>
    /// <value>The default is 7.</value>
    public int OpenBucketFrequency { get; init; } = 7;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public HoldoutValidationOptions Validate()
    {
        new OptionsValidation(nameof(HoldoutValidationOptions))
            .Require(OpenBucketFrequency is >= 1 and <= 1000, $"OpenBucketFrequency is {OpenBucketFrequency}; it must be between 1 and 1000, for example 7.")
            .ThrowIfInvalid();
        return this;
    }
}
