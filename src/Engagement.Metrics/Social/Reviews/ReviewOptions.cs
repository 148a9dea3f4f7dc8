using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Social.Reviews;

/// <summary>The reporting scale, negative-review threshold, Bayesian prior and response-time target of review metrics.</summary>
/// <remarks>
/// <para>
/// Bayesian average <c>= (Σ ratings + m·C) / (n + m)</c>: <c>m</c> pseudo-reviews (<see cref="PriorWeight"/>) at the
/// prior mean <c>C</c> (<see cref="PriorMean"/>), the shrinkage formula IMDb published for its Top 250 list. With few
/// reviews the average stays near C; with many it approaches the plain mean. Our defaults: m = 5 and C = the scale
/// midpoint (3 on 1–5), a neutral prior that needs no other data. Setting C to your portfolio-wide mean (the IMDb
/// choice) ranks locations or products against each other instead of against "neutral".
/// </para>
/// <para>
/// Negative reviews are those at or below <see cref="NegativeThreshold"/> on the reporting scale (default 2 of 5);
/// the source material cites retailers answering only 2 % of negative reviews. The response-time target (60 minutes)
/// is the wait that 42 % of customers expect, per the same source.
/// </para>
/// </remarks>
public sealed record ReviewOptions
{
    /// <summary>The default options: 1–5 scale, negative at ≤ 2, prior of 5 reviews at 3, 60-minute target, 95% intervals.</summary>
    public static ReviewOptions Default { get; } = new();

    /// <summary>The top of the reporting scale (the bottom is 1); reviews on other scales are rescaled linearly onto it.</summary>
    /// <value>The default is 5.</value>
    public int ScaleMaximum { get; init; } = 5;

    /// <summary>The highest rating, on the reporting scale, that counts as negative.</summary>
    /// <value>The default is 2 (1 and 2 stars of 5).</value>
    public double NegativeThreshold { get; init; } = 2;

    /// <summary>C, the prior mean of the Bayesian average, on the reporting scale; null for the scale midpoint.</summary>
    /// <value>The default is null: (1 + <see cref="ScaleMaximum"/>) / 2.</value>
    public double? PriorMean { get; init; }

    /// <summary>m, the number of pseudo-reviews at <see cref="PriorMean"/>; 0 turns the Bayesian average into the plain mean.</summary>
    /// <value>The default is 5.</value>
    public double PriorWeight { get; init; } = 5;

    /// <summary>The response-time target: the share of responses within it is reported.</summary>
    /// <value>The default is 60 minutes.</value>
    public TimeSpan ResponseTarget { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>The relative accuracy of the accumulator's response-time sketch (the static calculator is exact).</summary>
    /// <value>The default is 0.01 (1 %).</value>
    public double ResponseTimeAccuracy { get; init; } = 0.01;

    /// <summary>The confidence level of the reported intervals.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The prior mean actually used: <see cref="PriorMean"/>, or the scale midpoint.</summary>
    internal double EffectivePriorMean => PriorMean ?? ((1.0 + ScaleMaximum) / 2);

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public ReviewOptions Validate()
    {
        new OptionsValidation(nameof(ReviewOptions))
            .Require(ScaleMaximum is >= 2 and <= 100, $"ScaleMaximum is {ScaleMaximum}; the reporting scale 1..ScaleMaximum needs 2 <= ScaleMaximum <= 100.")
            .Require(NegativeThreshold >= 1 && NegativeThreshold < ScaleMaximum, $"NegativeThreshold is {NegativeThreshold}; it must lie in [1, {ScaleMaximum}).")
            .Require(PriorMean is null || (PriorMean >= 1 && PriorMean <= ScaleMaximum), $"PriorMean is {PriorMean}; it must lie on the scale 1..{ScaleMaximum} (or be null for the midpoint).")
            .Require(PriorWeight >= 0 && double.IsFinite(PriorWeight), $"PriorWeight is {PriorWeight}; it must be finite and >= 0.")
            .Require(ResponseTarget > TimeSpan.Zero, $"ResponseTarget is {ResponseTarget}; it must be positive.")
            .Require(ResponseTimeAccuracy is >= 1e-6 and < 1, $"ResponseTimeAccuracy is {ResponseTimeAccuracy}; it must lie in [1e-6, 1).")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }
}
