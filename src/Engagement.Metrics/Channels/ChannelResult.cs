using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Channels;

/// <summary>
/// The channel KPIs of a set of contacts: the channel mix with per-channel effectiveness, the digitalisation level,
/// escalation from digital and self-service to assisted channels, channel switching and repeat-yourself.
/// </summary>
/// <remarks>
/// <para>
/// Every rate is a <see cref="RateResult"/> (0..1, Wilson interval, <see langword="null"/> value without data). A
/// contact's kind is its channel's kind in <see cref="ChannelOptions.Catalogue"/>, except that a contact flagged
/// <see cref="ContactRecord.SelfService"/> is self-service whatever its channel (an IVR session on the voice line).
/// </para>
/// <para>
/// <b>Journeys</b> (same customer, same reason, window <c>w</c> = <see cref="ChannelOptions.Window"/>): a contact at
/// <c>t</c> <i>switched</i> when a contact on another channel follows in (t, t + w]; it is a <i>repeat on another
/// channel</i> (the customer had to repeat themselves) when a contact on another channel preceded it in [t − w, t);
/// a digital or self-service contact <i>escalated</i> when an assisted contact follows in [t, t + w]. Contacts within
/// one window of the end of the data are right-censored (their follow-ups may not have happened yet).
/// </para>
/// </remarks>
public readonly struct ChannelResult : IEquatable<ChannelResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="contacts">Every contact, ≥ 0.</param>
    /// <param name="channels">The channels, most contacts first (ties by name, ordinal).</param>
    /// <param name="assisted">Assisted contacts / contacts.</param>
    /// <param name="digital">Digital contacts / contacts.</param>
    /// <param name="selfService">Self-service contacts / contacts.</param>
    /// <param name="escalationFromDigital">Digital contacts followed by an assisted contact / digital contacts.</param>
    /// <param name="escalationFromSelfService">Self-service contacts followed by an assisted contact / self-service contacts.</param>
    /// <param name="switching">Contacts followed by a contact on another channel / contacts.</param>
    /// <param name="repeatOnOtherChannel">Contacts preceded by a contact on another channel / contacts.</param>
    /// <param name="customersRepeating">Customers with at least one repeat on another channel / customers.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contacts"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    [JsonConstructor]
    public ChannelResult(long contacts, IReadOnlyList<ChannelStats> channels, RateResult assisted, RateResult digital, RateResult selfService, RateResult escalationFromDigital, RateResult escalationFromSelfService, RateResult switching, RateResult repeatOnOtherChannel, RateResult customersRepeating)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contacts);
        ArgumentNullException.ThrowIfNull(channels);
        Contacts = contacts;
        Channels = channels;
        Assisted = assisted;
        Digital = digital;
        SelfService = selfService;
        EscalationFromDigital = escalationFromDigital;
        EscalationFromSelfService = escalationFromSelfService;
        Switching = switching;
        RepeatOnOtherChannel = repeatOnOtherChannel;
        CustomersRepeating = customersRepeating;
    }

    /// <summary>The number of contacts.</summary>
    public long Contacts { get; }

    /// <summary>The channel mix and per-channel effectiveness, most contacts first.</summary>
    public IReadOnlyList<ChannelStats> Channels { get; }

    /// <summary>Share of contacts on assisted channels (not flagged self-service).</summary>
    public RateResult Assisted { get; }

    /// <summary>Share of contacts on digital channels (not flagged self-service).</summary>
    public RateResult Digital { get; }

    /// <summary>Share of self-service contacts (self-service channel, or flagged self-service).</summary>
    public RateResult SelfService { get; }

    /// <summary>
    /// The digitalisation level: contacts handled outside assisted channels (digital plus self-service) / contacts,
    /// <c>1 − Assisted</c>. <see cref="Digital"/> alone is the share of agent-served digital channels.
    /// </summary>
    [JsonIgnore]
    public RateResult Digitalisation => new(Assisted.Count, Digital.Successes + SelfService.Successes, Assisted.ConfidenceLevel);

    /// <summary>Escalation from digital or self-service to assisted channels: such contacts followed by an assisted contact / such contacts.</summary>
    [JsonIgnore]
    public RateResult Escalation => new(
        EscalationFromDigital.Count + EscalationFromSelfService.Count,
        EscalationFromDigital.Successes + EscalationFromSelfService.Successes,
        EscalationFromDigital.ConfidenceLevel);

    /// <summary>Escalation from digital channels: digital contacts followed by an assisted contact / digital contacts.</summary>
    public RateResult EscalationFromDigital { get; }

    /// <summary>Escalation from self-service: self-service contacts followed by an assisted contact / self-service contacts.</summary>
    public RateResult EscalationFromSelfService { get; }

    /// <summary>Channel switching: contacts followed by a contact of the same customer and reason on another channel within the window / contacts.</summary>
    public RateResult Switching { get; }

    /// <summary>Repeat-yourself: contacts preceded by a contact of the same customer and reason on another channel within the window / contacts.</summary>
    public RateResult RepeatOnOtherChannel { get; }

    /// <summary>Customers forced to repeat themselves: customers with at least one repeat on another channel / customers.</summary>
    public RateResult CustomersRepeating { get; }

    /// <inheritdoc />
    public bool Equals(ChannelResult other)
    {
        if (Contacts != other.Contacts || Assisted != other.Assisted || Digital != other.Digital || SelfService != other.SelfService
            || EscalationFromDigital != other.EscalationFromDigital || EscalationFromSelfService != other.EscalationFromSelfService
            || Switching != other.Switching || RepeatOnOtherChannel != other.RepeatOnOtherChannel || CustomersRepeating != other.CustomersRepeating)
        {
            return false;
        }

        IReadOnlyList<ChannelStats> mine = Channels ?? [];
        IReadOnlyList<ChannelStats> theirs = other.Channels ?? [];
        if (mine.Count != theirs.Count)
        {
            return false;
        }

        for (int i = 0; i < mine.Count; i++)
        {
            if (mine[i] != theirs[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChannelResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Contacts, Channels?.Count ?? 0, Assisted, Digital, SelfService, Switching, RepeatOnOtherChannel, CustomersRepeating);

    /// <summary>Formats as <c>120 contacts on 4 channels; digitalisation …; escalation …; switching …; repeat …</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Contacts} contacts on {Channels?.Count ?? 0} channels; digitalisation {Digitalisation}; escalation {Escalation}; switching {Switching}; repeat on another channel {RepeatOnOtherChannel}");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every field, and every channel in order, is equal.</returns>
    public static bool operator ==(ChannelResult left, ChannelResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(ChannelResult left, ChannelResult right) => !left.Equals(right);
}
