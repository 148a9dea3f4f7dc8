using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// The reach-versus-engagement funnel of a set of campaign sends: sent → delivered → opened → clicked / replied, each
/// stage as a rate of the previous stage and of reach, plus the unsubscribe rate.
/// </summary>
/// <remarks>
/// <para>
/// <b>Reach</b> is <see cref="Delivered"/>: the messages that reached a customer. Rates "of reach" divide by it; the
/// delivery rate divides by <see cref="Sent"/>. <b>Opened</b> counts tracked opens plus implied opens (a click or a
/// reply without a tracked open), so the stages are nested: sent ≥ delivered ≥ opened ≥ clicked and opened ≥ replied.
/// Clicked and replied are sibling stages after opened: a reply needs no click (an SMS answer), so the reply rate's
/// previous stage is opened.
/// </para>
/// <para>
/// <b>Opens are an upper bound.</b> Apple Mail Privacy Protection (and similar proxies) prefetch every image, so
/// tracked opens include messages nobody read; <see cref="OpenRate"/> and <see cref="ClickToOpenRate"/> are therefore
/// biased (up and down respectively). <see cref="ClickRate"/> (click-to-delivered) does not depend on opens and is the
/// safer engagement signal. Every rate is a <see cref="RateResult"/> (0..1, Wilson interval, null without data).
/// </para>
/// </remarks>
public readonly struct FunnelResult : IEquatable<FunnelResult>
{
    /// <summary>Creates a result from its counts (also the JSON constructor).</summary>
    /// <param name="sent">Messages sent.</param>
    /// <param name="delivered">Messages delivered (reach).</param>
    /// <param name="trackedOpens">Delivered messages with a tracked open.</param>
    /// <param name="impliedOpens">Delivered messages clicked or replied to without a tracked open.</param>
    /// <param name="clicked">Messages clicked.</param>
    /// <param name="replied">Messages replied to.</param>
    /// <param name="unsubscribed">Messages that led to an unsubscribe.</param>
    /// <param name="confidenceLevel">The level of every interval.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the stages are not nested, or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public FunnelResult(long sent, long delivered, long trackedOpens, long impliedOpens, long clicked, long replied, long unsubscribed, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sent);
        ArgumentOutOfRangeException.ThrowIfNegative(delivered);
        ArgumentOutOfRangeException.ThrowIfNegative(trackedOpens);
        ArgumentOutOfRangeException.ThrowIfNegative(impliedOpens);
        ArgumentOutOfRangeException.ThrowIfNegative(clicked);
        ArgumentOutOfRangeException.ThrowIfNegative(replied);
        ArgumentOutOfRangeException.ThrowIfNegative(unsubscribed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delivered, sent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trackedOpens + impliedOpens, delivered);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clicked, trackedOpens + impliedOpens);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replied, trackedOpens + impliedOpens);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unsubscribed, delivered);
        Sent = sent;
        Delivered = delivered;
        TrackedOpens = trackedOpens;
        ImpliedOpens = impliedOpens;
        Clicked = clicked;
        Replied = replied;
        Unsubscribed = unsubscribed;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>Messages sent.</summary>
    public long Sent { get; }

    /// <summary>Messages delivered: the reach.</summary>
    public long Delivered { get; }

    /// <summary>Delivered messages with a tracked open (inflated by privacy features).</summary>
    public long TrackedOpens { get; }

    /// <summary>Delivered messages clicked or replied to without a tracked open (image blocking, SMS, privacy proxies).</summary>
    public long ImpliedOpens { get; }

    /// <summary>Opened messages: <c>TrackedOpens + ImpliedOpens</c>.</summary>
    [JsonIgnore]
    public long Opened => TrackedOpens + ImpliedOpens;

    /// <summary>Messages clicked.</summary>
    public long Clicked { get; }

    /// <summary>Messages replied to.</summary>
    public long Replied { get; }

    /// <summary>Messages that led to an unsubscribe.</summary>
    public long Unsubscribed { get; }

    /// <summary>The level of every interval.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Delivery rate: <c>delivered / sent</c>.</summary>
    [JsonIgnore]
    public RateResult DeliveryRate => new(Sent, Delivered, ConfidenceLevel);

    /// <summary>Open rate: <c>opened / delivered</c> (previous stage = reach). An upper bound; see the remarks.</summary>
    [JsonIgnore]
    public RateResult OpenRate => new(Delivered, Opened, ConfidenceLevel);

    /// <summary>Click-to-open rate: <c>clicked / opened</c> (previous stage).</summary>
    [JsonIgnore]
    public RateResult ClickToOpenRate => new(Opened, Clicked, ConfidenceLevel);

    /// <summary>Click rate of reach (click-to-delivered): <c>clicked / delivered</c>; not affected by open tracking.</summary>
    [JsonIgnore]
    public RateResult ClickRate => new(Delivered, Clicked, ConfidenceLevel);

    /// <summary>Reply-to-open rate: <c>replied / opened</c> (previous stage).</summary>
    [JsonIgnore]
    public RateResult ReplyToOpenRate => new(Opened, Replied, ConfidenceLevel);

    /// <summary>Reply rate of reach: <c>replied / delivered</c>.</summary>
    [JsonIgnore]
    public RateResult ReplyRate => new(Delivered, Replied, ConfidenceLevel);

    /// <summary>Unsubscribe rate: <c>unsubscribed / delivered</c>.</summary>
    [JsonIgnore]
    public RateResult UnsubscribeRate => new(Delivered, Unsubscribed, ConfidenceLevel);

    /// <summary>Share of opens that are implied rather than tracked: <c>implied / opened</c>.</summary>
    [JsonIgnore]
    public RateResult ImpliedOpenShare => new(Opened, ImpliedOpens, ConfidenceLevel);

    /// <inheritdoc />
    public bool Equals(FunnelResult other) =>
        Sent == other.Sent && Delivered == other.Delivered && TrackedOpens == other.TrackedOpens && ImpliedOpens == other.ImpliedOpens
        && Clicked == other.Clicked && Replied == other.Replied && Unsubscribed == other.Unsubscribed && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FunnelResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Sent, Delivered, TrackedOpens, ImpliedOpens, Clicked, Replied, Unsubscribed, ConfidenceLevel);

    /// <summary>Formats the stage counts on one line.</summary>
    /// <returns>The formatted funnel.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"sent {Sent} → delivered {Delivered} → opened {Opened} ({ImpliedOpens} implied) → clicked {Clicked}, replied {Replied}; unsubscribed {Unsubscribed}");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether the counts and level are equal.</returns>
    public static bool operator ==(FunnelResult left, FunnelResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether a count or the level differs.</returns>
    public static bool operator !=(FunnelResult left, FunnelResult right) => !left.Equals(right);
}
