using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Service;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Channels;

/// <summary>
/// A mergeable accumulator of the channel KPIs (<see cref="ChannelResult"/>): channel mix, per-channel resolution,
/// AHT and CSAT, digitalisation, escalation to assisted channels, channel switching and repeat-yourself.
/// </summary>
/// <remarks>
/// <para>
/// <b>Reuse.</b> Contacts are the service area's <see cref="ContactRecord"/>, validated by
/// <see cref="ContactRecord.Validate"/>; the per-channel resolution and AHT come from one <see cref="ServiceAccumulator"/>
/// per channel (<see cref="ChannelOptions.Service"/>); the journeys are kept, one <see cref="ContactVisit"/> per contact,
/// in a <see cref="RepeatContactAccumulator"/>; CSAT is one <see cref="CsatAccumulator"/> per channel.
/// </para>
/// <para>
/// <b>Memory.</b> Switching, repeat-yourself and escalation depend on contacts that may arrive later, in another batch
/// or on another machine, so the exact, order-independent answer keeps every contact's customer, reason, channel
/// and time: about 48 bytes per contact (the strings are shared with the input), plus a few hundred bytes per
/// channel. <see cref="ToResult"/> needs about 100 bytes per contact more while it runs (sort keys, indices and the (customer, reason) map) and
/// runs in O(n log n).
/// </para>
/// <para>
/// <b>Bad input.</b> A contact must pass <see cref="ContactRecord.Validate"/> and its channel must be in
/// <see cref="ChannelOptions.Catalogue"/>; a batch is validated whole before anything is added, so a rejected batch
/// leaves the accumulator exactly as it was. Not thread-safe: use one per thread and <see cref="Merge(ChannelAccumulator)"/>.
/// </para>
/// </remarks>
public sealed class ChannelAccumulator : IMergeableAccumulator<ChannelAccumulator>
{
    private readonly SegmentedAccumulator<string, ServiceAccumulator> _channels;
    private readonly SegmentedAccumulator<string, CsatAccumulator> _csat;
    private readonly RepeatContactAccumulator _visits;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The catalogue, window and per-channel options; <see cref="ChannelOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ChannelAccumulator(ChannelOptions? options = null)
    {
        Options = (options ?? ChannelOptions.Default).Validate();
        _channels = new SegmentedAccumulator<string, ServiceAccumulator>(new ServiceAccumulator(Options.Service), StringComparer.Ordinal);
        _csat = new SegmentedAccumulator<string, CsatAccumulator>(new CsatAccumulator(Options.Csat), StringComparer.Ordinal);
        _visits = new RepeatContactAccumulator(Options.Service);
    }

    /// <summary>Restores an accumulator from its state (the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="channels">The service accumulator of each channel.</param>
    /// <param name="visits">One visit per contact.</param>
    /// <param name="csat">The CSAT accumulator of each channel.</param>
    /// <exception cref="ArgumentException">The options are invalid, or a part's options differ from them.</exception>
    [JsonConstructor]
    public ChannelAccumulator(ChannelOptions options, IReadOnlyDictionary<string, ServiceAccumulator> channels, IReadOnlyList<ContactVisit> visits, IReadOnlyDictionary<string, CsatAccumulator> csat)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(csat);
        foreach (KeyValuePair<string, ServiceAccumulator> channel in channels)
        {
            _channels.Segment(channel.Key).Merge(channel.Value);
        }

        foreach (KeyValuePair<string, CsatAccumulator> channel in csat)
        {
            _csat.Segment(channel.Key).Merge(channel.Value);
        }

        _visits.Merge(new RepeatContactAccumulator(Options.Service, visits));
    }

    /// <summary>The options.</summary>
    public ChannelOptions Options { get; }

    /// <summary>The number of contacts added.</summary>
    [JsonIgnore]
    public long Count => _visits.Visits.Count;

    /// <summary>The service KPIs' accumulator of each channel (keyed by the catalogue's spelling of the channel).</summary>
    public IReadOnlyDictionary<string, ServiceAccumulator> Channels => _channels.Groups;

    /// <summary>The visits kept for the journeys, one per contact, in the order added.</summary>
    public IReadOnlyList<ContactVisit> Visits => _visits.Visits;

    /// <summary>The CSAT accumulator of each channel that has survey responses.</summary>
    public IReadOnlyDictionary<string, CsatAccumulator> Csat => _csat.Groups;

    /// <summary>Adds one contact.</summary>
    /// <param name="contact">The contact.</param>
    /// <exception cref="ArgumentException">The contact is invalid or its channel is not in the catalogue; the message names the contact, the field and the value, and nothing is added.</exception>
    public void Add(in ContactRecord contact)
    {
        string channel = Check(contact, -1);
        Apply(contact, channel);
    }

    /// <summary>Adds a batch of contacts; the whole batch is validated first.</summary>
    /// <param name="contacts">The contacts.</param>
    /// <exception cref="ArgumentException">A contact is invalid or its channel is not in the catalogue; the message names its index, id, field and value, and nothing from the batch is added.</exception>
    public void AddRange(ReadOnlySpan<ContactRecord> contacts)
    {
        var channels = new string[contacts.Length];
        for (int i = 0; i < contacts.Length; i++)
        {
            channels[i] = Check(contacts[i], i);
        }

        _visits.EnsureCapacity(_visits.Visits.Count + contacts.Length);
        for (int i = 0; i < contacts.Length; i++)
        {
            Apply(contacts[i], channels[i]);
        }
    }

    /// <summary>Adds one CSAT survey response about a contact on <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel the surveyed contact used (must be in the catalogue; case ignored).</param>
    /// <param name="score">The score on the <see cref="ChannelOptions.Csat"/> scale.</param>
    /// <exception cref="ArgumentException">The channel is not in the catalogue or the score is off the scale; nothing is added.</exception>
    public void AddCsat(string channel, int score)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!Options.TryGetEntry(channel, out KeyValuePair<string, ChannelKind> entry))
        {
            throw new ArgumentException($"CSAT response for channel '{channel}': the channel is not in ChannelOptions.Catalogue; add it with its kind (Assisted, Digital or SelfService).", nameof(channel));
        }

        _csat.Add(entry.Key, score, static (accumulator, s) => accumulator.Add(s));
    }

    /// <summary>Adds another accumulator's contacts and responses to this one; exact, associative and commutative in its results.</summary>
    /// <param name="other">An accumulator with equal options; it is not modified.</param>
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(ChannelAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Options != Options)
        {
            throw new ArgumentException("Cannot merge channel accumulators with different options: the catalogue, window and service and CSAT options must be equal.", nameof(other));
        }

        _channels.Merge(other._channels);
        _csat.Merge(other._csat);
        _visits.Merge(other._visits);
    }

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    public ChannelAccumulator CreateEmpty() => new(Options);

    /// <summary>The channel KPIs of the contacts so far.</summary>
    /// <returns>The result; without contacts every count is 0 and every rate has no value.</returns>
    public ChannelResult ToResult() => ChannelJourneys.Evaluate(this);

    internal RateResult Rate(long count, long successes) => new(count, successes, Options.Service.ConfidenceLevel);

    // Validates a contact and returns the catalogue's spelling of its channel.
    private string Check(in ContactRecord contact, int index)
    {
        contact.ValidateAt(index);
        if (Options.TryGetEntry(contact.Channel, out KeyValuePair<string, ChannelKind> entry))
        {
            return entry.Key;
        }

        string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"contacts[{index}] (contact '{contact.ContactId}')") : $"Contact '{contact.ContactId}'";
        string outcome = index >= 0 ? "nothing from the batch was added" : "it was not added";
        string field = nameof(ContactRecord.Channel);
        throw new ArgumentException(
            $"{where}: Channel '{contact.Channel}' is not in ChannelOptions.Catalogue; add it with its kind (Assisted, Digital or SelfService) or fix the channel name; {outcome}.",
            field);
    }

    private void Apply(in ContactRecord contact, string channel)
    {
        ContactRecord canonical = string.Equals(contact.Channel, channel, StringComparison.Ordinal) ? contact : contact with { Channel = channel };
        _channels.Segment(channel).Add(canonical);
        _visits.Add(canonical);
    }
}
