using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// Windows, thresholds and the engagement-score settings of the conversation signals
/// (<see cref="ConversationAccumulator"/>; definitions in docs/metrics/engagement-signals.md).
/// </summary>
/// <remarks>
/// <para>
/// <b>Response window (24 h).</b> An outbound message counts as answered when the customer's next message comes
/// within this window; the same window decides abandonment. 24 hours is the usual service standard for asynchronous
/// channels (email, messaging) and matches the service area's first-response target; it is our default, not a
/// standard — use a shorter window for live chat.
/// </para>
/// <para>
/// <b>Repeat window (7 days).</b> A customer who starts another conversation within this window after one ends
/// "comes back" (repeat interaction), the same default the service area uses for repeat contacts.
/// </para>
/// <para>
/// <b>As of.</b> Abandonment compares the last outbound message with an explicit instant: <see cref="AsOf"/> when
/// set, otherwise the latest message the accumulator has seen (the library never reads a clock).
/// </para>
/// </remarks>
public sealed record ConversationOptions
{
    /// <summary>The defaults described in the remarks.</summary>
    public static ConversationOptions Default { get; } = new();

    /// <summary>An outbound message is answered when the customer's next message follows within this window.</summary>
    /// <value>The default is 24 hours. Must be &gt; 0.</value>
    public TimeSpan ResponseWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A conversation is followed by a repeat interaction when the same customer starts another within this window after it ends.</summary>
    /// <value>The default is 7 days. Must be &gt; 0.</value>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The instant abandonment is judged at; <see langword="null"/> uses the latest message seen.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>A channel is "ignored" by a customer only when it carried at least this many outbound messages to them.</summary>
    /// <value>The default is 3. Must be ≥ 1.</value>
    public int IgnoredChannelMinimumOutbound { get; init; } = 3;

    /// <summary>A channel with a response rate at or below this share (and another channel above it) is "ignored".</summary>
    /// <value>The default is 0 (the customer never answers there). Must lie in [0, 1).</value>
    public double IgnoredChannelMaximumResponseRate { get; init; }

    /// <summary>The weights and references of the engagement score and its disengagement alerts.</summary>
    /// <value>The default is <see cref="EngagementScoreOptions.Default"/>.</value>
    public EngagementScoreOptions Score { get; init; } = EngagementScoreOptions.Default;

    /// <summary>The confidence level of the Wilson intervals of rates.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public ConversationOptions Validate()
    {
        new OptionsValidation(nameof(ConversationOptions))
            .Require(ResponseWindow > TimeSpan.Zero, $"ResponseWindow is {ResponseWindow}; it must be > 0, for example 24 hours.")
            .Require(RepeatWindow > TimeSpan.Zero, $"RepeatWindow is {RepeatWindow}; it must be > 0, for example 7 days.")
            .Require(IgnoredChannelMinimumOutbound >= 1, $"IgnoredChannelMinimumOutbound is {IgnoredChannelMinimumOutbound}; it must be >= 1, for example 3.")
            .Require(IgnoredChannelMaximumResponseRate is >= 0 and < 1, $"IgnoredChannelMaximumResponseRate is {IgnoredChannelMaximumResponseRate}; it must lie in [0, 1), for example 0.")
            .Require(Score is not null, $"Score is null; use EngagementScoreOptions.Default.")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        Score!.Validate();
        return this;
    }
}
