using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// Settings of the <see cref="StreamingConversationAccumulator"/>: the conversation signals' own options plus when a
/// conversation closes, the trend period and the quantile accuracy (definitions in
/// docs/metrics/engagement-signals.md, "Streaming with bounded memory").
/// </summary>
/// <remarks>
/// <para>
/// <b>Close after (48 h).</b> A conversation is a run of messages with one conversation id in which consecutive
/// messages are at most this far apart; a longer silence ends it, and the next message with that id starts a new
/// conversation. It is also the lateness allowed: a message sent more than this before the newest message seen is
/// rejected. Twice the 24-hour response window by default, so a customer who answers the next day is still in the
/// same conversation; it must be at least <see cref="ConversationOptions.ResponseWindow"/>.
/// </para>
/// <para>
/// <b>Trend period (week) and customer trend periods (8).</b> Only one period's trend can be kept without keeping the
/// conversations, so the period is chosen up front. The overall trend keeps every period (one small total each); a
/// customer's trend keeps its most recent <see cref="CustomerTrendPeriods"/> periods up to the newest message, so the
/// state per customer stops growing however long the stream runs. Eight weeks give a slope over two months and an
/// alert between any two consecutive weeks.
/// </para>
/// <para>
/// <b>Relative accuracy (1 %).</b> Medians and p90s come from DDSketches with this relative error (see
/// <see cref="Statistics.QuantileSketch"/>); means, counts and rates stay exact.
/// </para>
/// </remarks>
public sealed record StreamingConversationOptions
{
    /// <summary>The defaults described in the remarks.</summary>
    public static StreamingConversationOptions Default { get; } = new();

    /// <summary>The windows, thresholds and score settings shared with <see cref="ConversationAccumulator"/>.</summary>
    /// <value>The default is <see cref="ConversationOptions.Default"/>.</value>
    public ConversationOptions Conversation { get; init; } = ConversationOptions.Default;

    /// <summary>The silence that ends a conversation, and the most a message may arrive behind the newest one.</summary>
    /// <value>The default is 48 hours. Must be ≥ <see cref="ConversationOptions.ResponseWindow"/>.</value>
    public TimeSpan CloseAfter { get; init; } = TimeSpan.FromHours(48);

    /// <summary>The period of <see cref="StreamingConversationAccumulator.ToTrend"/>.</summary>
    /// <value>The default is <see cref="EngagementPeriod.Week"/>.</value>
    public EngagementPeriod TrendPeriod { get; init; } = EngagementPeriod.Week;

    /// <summary>How many trend periods, ending with the newest message's, a customer's trend keeps.</summary>
    /// <value>The default is 8. Must be ≥ 2 (a slope and an alert need two periods).</value>
    public int CustomerTrendPeriods { get; init; } = 8;

    /// <summary>The relative accuracy α of the medians and p90s.</summary>
    /// <value>The default is 0.01 (1 %). Must lie in [1e-6, 0.5].</value>
    public double RelativeAccuracy { get; init; } = 0.01;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public StreamingConversationOptions Validate()
    {
        new OptionsValidation(nameof(StreamingConversationOptions))
            .Require(Conversation is not null, $"Conversation is null; use ConversationOptions.Default.")
            .Require(Conversation is null || CloseAfter >= Conversation.ResponseWindow, $"CloseAfter is {CloseAfter}; it must be at least Conversation.ResponseWindow ({Conversation?.ResponseWindow}), for example 48 hours, so that a reply within the window never starts a new conversation.")
            .Require(TrendPeriod is EngagementPeriod.Day or EngagementPeriod.Week or EngagementPeriod.Month or EngagementPeriod.Quarter, $"TrendPeriod is {TrendPeriod}; use Day, Week, Month or Quarter.")
            .Require(CustomerTrendPeriods >= 2, $"CustomerTrendPeriods is {CustomerTrendPeriods}; it must be >= 2, for example 8.")
            .Require(RelativeAccuracy is >= 1e-6 and <= 0.5, $"RelativeAccuracy is {RelativeAccuracy}; it must lie in [1e-6, 0.5], for example 0.01 for 1 %.")
            .ThrowIfInvalid();
        Conversation!.Validate();
        return this;
    }
}
