using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Service;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Channels;

/// <summary>One channel's share of the contacts and its effectiveness: resolution, AHT, CSAT, switching and escalation.</summary>
/// <remarks>
/// Every rate is a <see cref="RateResult"/> (0..1, Wilson interval, <see langword="null"/> value without data).
/// <see cref="Resolution"/> and <see cref="Aht"/> are the <see cref="ServiceAccumulator"/> KPIs of the channel's
/// contacts (resolved flag and handle time over handled contacts); <see cref="Csat"/> is over the survey responses
/// given for the channel (<see cref="ChannelAccumulator.AddCsat(string, int)"/>; count 0 when none were given).
/// </remarks>
public readonly struct ChannelStats : IEquatable<ChannelStats>
{
    /// <summary>Creates the statistics of one channel (also the JSON constructor).</summary>
    /// <param name="channel">The channel name as it appeared in the contacts.</param>
    /// <param name="kind">The channel's kind in the catalogue.</param>
    /// <param name="share">This channel's contacts (successes) out of all contacts (count).</param>
    /// <param name="resolution">Resolved-flag rate over the channel's handled contacts.</param>
    /// <param name="aht">Average handle time of the channel's handled contacts.</param>
    /// <param name="csat">CSAT of the survey responses given for the channel.</param>
    /// <param name="switching">The channel's contacts followed by a contact on another channel (same customer and reason, within the window).</param>
    /// <param name="escalation">The channel's non-assisted contacts followed by an assisted contact (count 0 for an assisted channel).</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    [JsonConstructor]
    public ChannelStats(string channel, ChannelKind kind, RateResult share, RateResult resolution, HandleTimeResult aht, CsatResult csat, RateResult switching, RateResult escalation)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Channel = channel;
        Kind = kind;
        Share = share;
        Resolution = resolution;
        Aht = aht;
        Csat = csat;
        Switching = switching;
        Escalation = escalation;
    }

    /// <summary>The channel name.</summary>
    public string Channel { get; }

    /// <summary>The channel's kind in <see cref="ChannelOptions.Catalogue"/>.</summary>
    public ChannelKind Kind { get; }

    /// <summary>The channel mix: this channel's contacts (<see cref="RateResult.Successes"/>) over all contacts, with a Wilson interval.</summary>
    public RateResult Share { get; }

    /// <summary>The number of contacts on this channel.</summary>
    [JsonIgnore]
    public long Contacts => Share.Successes;

    /// <summary>Resolution rate: handled contacts flagged resolved / handled contacts (the FCR flag of <see cref="ServiceResult.Fcr"/>).</summary>
    public RateResult Resolution { get; }

    /// <summary>Average handle time of the handled contacts, seconds.</summary>
    public HandleTimeResult Aht { get; }

    /// <summary>CSAT of the survey responses given for this channel (count 0 and no value when none).</summary>
    public CsatResult Csat { get; }

    /// <summary>Switching rate: contacts followed within the window by a contact of the same customer and reason on another channel / contacts.</summary>
    public RateResult Switching { get; }

    /// <summary>Escalation rate: digital or self-service contacts followed within the window by an assisted contact of the same customer and reason / those contacts.</summary>
    public RateResult Escalation { get; }

    /// <inheritdoc />
    public bool Equals(ChannelStats other) =>
        string.Equals(Channel, other.Channel, StringComparison.Ordinal) && Kind == other.Kind && Share == other.Share
        && Resolution == other.Resolution && Aht == other.Aht && Csat == other.Csat && Switching == other.Switching
        && Escalation == other.Escalation;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChannelStats other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Kind, Share, Resolution, Aht, Csat, Switching, Escalation);

    /// <summary>Formats as <c>chat (Digital): share 0.250 (…); resolution …; switching …</c>.</summary>
    /// <returns>The formatted statistics.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channel} ({Kind}): share {Share}; resolution {Resolution}; {Aht}; switching {Switching}; escalation {Escalation}");

    /// <summary>Compares two statistics for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(ChannelStats left, ChannelStats right) => left.Equals(right);

    /// <summary>Compares two statistics for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(ChannelStats left, ChannelStats right) => !left.Equals(right);
}
