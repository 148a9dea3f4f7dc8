using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// One message sent in an outbound campaign (email, SMS, push, …) and what happened to it: the input of the campaign
/// funnel (<see cref="FunnelAccumulator"/>) and of frequency versus engagement (<see cref="SendFrequencyAccumulator"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Stages.</b> sent → <see cref="Delivered"/> → <see cref="Opened"/> → <see cref="Clicked"/> / <see cref="Replied"/>.
/// Every engagement flag (opened, clicked, replied, unsubscribed) requires <see cref="Delivered"/>: a message that
/// never arrived cannot be opened, and a send claiming otherwise is a broken export, so <see cref="Validate"/> rejects it.
/// </para>
/// <para>
/// <b>Clicked or replied but not opened</b> is accepted and counted as an <i>implied open</i>: opens are measured
/// with a tracking pixel, which image blocking and privacy proxies suppress (and SMS has no open tracking at all),
/// while a click or a reply proves the message was read. The funnel reports implied opens separately
/// (<see cref="FunnelResult.ImpliedOpens"/>).
/// </para>
/// </remarks>
public readonly struct CampaignSend : IEquatable<CampaignSend>
{
    /// <summary>Creates an empty send; set the properties with an object initializer.</summary>
    public CampaignSend()
    {
        SendId = string.Empty;
        CampaignId = string.Empty;
        CustomerId = string.Empty;
        Channel = string.Empty;
    }

    /// <summary>The send's identifier, used in error messages; required.</summary>
    public string SendId { get; init; }

    /// <summary>The campaign the message belongs to; required.</summary>
    public string CampaignId { get; init; }

    /// <summary>The recipient; required (frequency is counted per customer).</summary>
    public string CustomerId { get; init; }

    /// <summary>The channel, for example <c>email</c>, <c>sms</c>, <c>push</c>; required.</summary>
    public string Channel { get; init; }

    /// <summary>When the message was sent.</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>Whether the message reached the recipient (not bounced, not rejected by the carrier).</summary>
    public bool Delivered { get; init; }

    /// <summary>Whether an open was tracked (requires <see cref="Delivered"/>). Inflated by privacy features; see docs/metrics/funnel.md.</summary>
    public bool Opened { get; init; }

    /// <summary>Whether the recipient clicked a link (requires <see cref="Delivered"/>; implies an open).</summary>
    public bool Clicked { get; init; }

    /// <summary>Whether the recipient replied (requires <see cref="Delivered"/>; implies an open).</summary>
    public bool Replied { get; init; }

    /// <summary>Whether the recipient unsubscribed (opted out, replied STOP) in response to this message (requires <see cref="Delivered"/>).</summary>
    public bool Unsubscribed { get; init; }

    /// <summary>Whether the message was opened or its opening is implied by a click or a reply.</summary>
    public bool EffectivelyOpened => Opened || Clicked || Replied;

    internal bool IsValid =>
        !string.IsNullOrEmpty(SendId) && !string.IsNullOrEmpty(CampaignId) && !string.IsNullOrEmpty(CustomerId) && !string.IsNullOrEmpty(Channel)
        && (Delivered || !(Opened || Clicked || Replied || Unsubscribed));

    /// <summary>Checks the send and throws on the first broken rule.</summary>
    /// <exception cref="ArgumentException">
    /// An identifier (<see cref="SendId"/>, <see cref="CampaignId"/>, <see cref="CustomerId"/>, <see cref="Channel"/>) is
    /// null or empty, or <see cref="Opened"/>, <see cref="Clicked"/>, <see cref="Replied"/> or <see cref="Unsubscribed"/>
    /// is set on a send that was not <see cref="Delivered"/>. The message names the send and the field;
    /// <see cref="ArgumentException.ParamName"/> is the field's name.
    /// </exception>
    public void Validate() => ValidateAt(-1);

    internal void ValidateAt(int index)
    {
        if (IsValid)
        {
            return;
        }

        if (string.IsNullOrEmpty(SendId))
        {
            Throw(index, nameof(SendId), "SendId is empty; every send needs an id");
        }

        foreach ((string field, string? value) in new[] { (nameof(CampaignId), CampaignId), (nameof(CustomerId), CustomerId), (nameof(Channel), Channel) })
        {
            if (string.IsNullOrEmpty(value))
            {
                Throw(index, field, $"{field} is empty; it is required");
            }
        }

        string stage = Opened ? nameof(Opened) : Clicked ? nameof(Clicked) : Replied ? nameof(Replied) : nameof(Unsubscribed);
        Throw(index, stage, $"{stage} is true but Delivered is false; an undelivered message cannot be {stage.ToLowerInvariant()}, so fix the delivery flag or the {stage.ToLowerInvariant()} flag");
    }

    [DoesNotReturn]
    private void Throw(int index, string field, string message)
    {
        string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"sends[{index}] (send '{SendId}')") : $"Send '{SendId}'";
        string outcome = index >= 0 ? "Fix or drop this send; nothing from the batch was added." : "Fix or drop this send; it was not added.";
        throw new ArgumentException($"{where}: {message}. {outcome}", field);
    }

    /// <inheritdoc />
    public bool Equals(CampaignSend other) =>
        string.Equals(SendId, other.SendId, StringComparison.Ordinal)
        && string.Equals(CampaignId, other.CampaignId, StringComparison.Ordinal)
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && SentAt.Equals(other.SentAt) && SentAt.Offset == other.SentAt.Offset
        && Delivered == other.Delivered && Opened == other.Opened && Clicked == other.Clicked
        && Replied == other.Replied && Unsubscribed == other.Unsubscribed;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CampaignSend other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SendId, CampaignId, CustomerId, Channel, SentAt, Delivered, Opened, HashCode.Combine(Clicked, Replied, Unsubscribed));

    /// <summary>Formats as <c>send S-1 (spring, email, 2026-03-05T09:00:00+00:00)</c>.</summary>
    /// <returns>The formatted send.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"send {SendId} ({CampaignId}, {Channel}, {SentAt:O})");

    /// <summary>Compares two sends for equality.</summary>
    /// <param name="left">The first send.</param>
    /// <param name="right">The second send.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(CampaignSend left, CampaignSend right) => left.Equals(right);

    /// <summary>Compares two sends for inequality.</summary>
    /// <param name="left">The first send.</param>
    /// <param name="right">The second send.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(CampaignSend left, CampaignSend right) => !left.Equals(right);
}
