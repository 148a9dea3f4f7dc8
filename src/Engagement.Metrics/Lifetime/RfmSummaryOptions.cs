using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Lifetime;

/// <summary>How <see cref="RfmSummary"/> turns transactions into RFM rows.</summary>
public sealed record RfmSummaryOptions
{
    /// <summary>The standard options: times in days.</summary>
    public static RfmSummaryOptions Default { get; } = new();

    /// <summary>The unit of recency and T. Fit and predict in this unit too (a horizon of 39 means 39 weeks when it is <see cref="RfmTimeUnit.Weeks"/>).</summary>
    /// <value>The default is <see cref="RfmTimeUnit.Days"/>, as in lifetimes.</value>
    public RfmTimeUnit TimeUnit { get; init; } = RfmTimeUnit.Days;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public RfmSummaryOptions Validate()
    {
        new OptionsValidation(nameof(RfmSummaryOptions))
            .Require(Enum.IsDefined(TimeUnit), $"TimeUnit {TimeUnit} is not a known unit (Days or Weeks).")
            .ThrowIfInvalid();
        return this;
    }
}
