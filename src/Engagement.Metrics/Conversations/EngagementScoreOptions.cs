using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// The weights and references of the engagement score (0–100) and the disengagement-alert threshold
/// (<see cref="EngagementScore"/>; formula in docs/metrics/engagement-signals.md).
/// </summary>
/// <remarks>
/// <para>
/// The score is <c>100 × Σ wᵢ·sᵢ / Σ wᵢ</c> over the normalised signals sᵢ ∈ [0, 1] that have a value
/// (a signal without data is dropped and the other weights rescaled). The signals: response rate; response speed
/// <c>2^(−median customer response time / half-life)</c>; message length <c>min(1, mean length / reference)</c>;
/// questions <c>min(1, questions per conversation / reference)</c>; sentiment shift
/// <c>(clamp(mean shift, −1, 1) + 1) / 2</c>; retention of the conversation <c>1 − abandonment rate</c>; repeat
/// interaction rate.
/// </para>
/// <para>
/// Every weight and reference is <i>our</i> default, not a published standard: replies (rate and speed) weigh half
/// of the score because answering is the most direct evidence of engagement; depth (length, questions), mood
/// (sentiment shift), staying in the conversation and coming back share the other half. Calibrate them to your
/// outcomes (retention, conversion) before comparing scores across businesses.
/// </para>
/// </remarks>
public sealed record EngagementScoreOptions
{
    /// <summary>The defaults described in the remarks.</summary>
    public static EngagementScoreOptions Default { get; } = new();

    /// <summary>Weight of the response rate.</summary>
    /// <value>The default is 0.30. Must be ≥ 0.</value>
    public double ResponseRateWeight { get; init; } = 0.30;

    /// <summary>Weight of the response speed.</summary>
    /// <value>The default is 0.20. Must be ≥ 0.</value>
    public double ResponseSpeedWeight { get; init; } = 0.20;

    /// <summary>Weight of the message length.</summary>
    /// <value>The default is 0.10. Must be ≥ 0.</value>
    public double MessageLengthWeight { get; init; } = 0.10;

    /// <summary>Weight of the questions asked.</summary>
    /// <value>The default is 0.10. Must be ≥ 0.</value>
    public double QuestionsWeight { get; init; } = 0.10;

    /// <summary>Weight of the sentiment shift.</summary>
    /// <value>The default is 0.10. Must be ≥ 0.</value>
    public double SentimentShiftWeight { get; init; } = 0.10;

    /// <summary>Weight of staying in the conversation (1 − abandonment rate).</summary>
    /// <value>The default is 0.10. Must be ≥ 0.</value>
    public double AbandonmentWeight { get; init; } = 0.10;

    /// <summary>Weight of the repeat interaction rate.</summary>
    /// <value>The default is 0.10. Must be ≥ 0.</value>
    public double RepeatInteractionWeight { get; init; } = 0.10;

    /// <summary>The median customer response time at which the speed signal is 0.5 (it halves again with every further half-life).</summary>
    /// <value>The default is 4 hours (a reply within the working morning). Must be &gt; 0.</value>
    public TimeSpan ResponseSpeedHalfLife { get; init; } = TimeSpan.FromHours(4);

    /// <summary>The mean customer message length (characters) at which the length signal reaches 1.</summary>
    /// <value>The default is 80 characters (two short sentences). Must be &gt; 0.</value>
    public double ReferenceMessageLength { get; init; } = 80;

    /// <summary>The questions per conversation at which the questions signal reaches 1.</summary>
    /// <value>The default is 1. Must be &gt; 0.</value>
    public double ReferenceQuestionsPerConversation { get; init; } = 1;

    /// <summary>A customer's score falling by more than this many points between consecutive periods raises a disengagement alert.</summary>
    /// <value>The default is 15 points. Must lie in (0, 100].</value>
    public double AlertThreshold { get; init; } = 15;

    internal double TotalWeight =>
        ResponseRateWeight + ResponseSpeedWeight + MessageLengthWeight + QuestionsWeight + SentimentShiftWeight + AbandonmentWeight + RepeatInteractionWeight;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public EngagementScoreOptions Validate()
    {
        new OptionsValidation(nameof(EngagementScoreOptions))
            .Require(ResponseRateWeight >= 0, $"ResponseRateWeight is {ResponseRateWeight}; weights must be >= 0.")
            .Require(ResponseSpeedWeight >= 0, $"ResponseSpeedWeight is {ResponseSpeedWeight}; weights must be >= 0.")
            .Require(MessageLengthWeight >= 0, $"MessageLengthWeight is {MessageLengthWeight}; weights must be >= 0.")
            .Require(QuestionsWeight >= 0, $"QuestionsWeight is {QuestionsWeight}; weights must be >= 0.")
            .Require(SentimentShiftWeight >= 0, $"SentimentShiftWeight is {SentimentShiftWeight}; weights must be >= 0.")
            .Require(AbandonmentWeight >= 0, $"AbandonmentWeight is {AbandonmentWeight}; weights must be >= 0.")
            .Require(RepeatInteractionWeight >= 0, $"RepeatInteractionWeight is {RepeatInteractionWeight}; weights must be >= 0.")
            .Require(double.IsFinite(TotalWeight) && TotalWeight > 0, $"The weights sum to {TotalWeight}; at least one must be > 0 and all finite.")
            .Require(ResponseSpeedHalfLife > TimeSpan.Zero, $"ResponseSpeedHalfLife is {ResponseSpeedHalfLife}; it must be > 0, for example 4 hours.")
            .Require(ReferenceMessageLength > 0 && double.IsFinite(ReferenceMessageLength), $"ReferenceMessageLength is {ReferenceMessageLength}; it must be a finite number > 0, for example 80.")
            .Require(ReferenceQuestionsPerConversation > 0 && double.IsFinite(ReferenceQuestionsPerConversation), $"ReferenceQuestionsPerConversation is {ReferenceQuestionsPerConversation}; it must be a finite number > 0, for example 1.")
            .Require(AlertThreshold is > 0 and <= 100, $"AlertThreshold is {AlertThreshold}; it must lie in (0, 100], for example 15.")
            .ThrowIfInvalid();
        return this;
    }
}
