using System.Collections.Frozen;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Service;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Channels;

/// <summary>
/// Options of the channel KPIs (<see cref="ChannelAccumulator"/>): the channel catalogue, the journey window, and the
/// options of the per-channel service KPIs and CSAT.
/// </summary>
/// <remarks>
/// <para>
/// <b>Catalogue.</b> Which channels exist and whether each is <see cref="ChannelKind.Assisted"/>,
/// <see cref="ChannelKind.Digital"/> or <see cref="ChannelKind.SelfService"/>. Names are compared ignoring case. The
/// default (<see cref="DefaultCatalogue"/>) is our convention, not a standard: <c>voice</c>, <c>phone</c>,
/// <c>video</c>, <c>branch</c> and <c>in_person</c> are assisted; <c>chat</c>, <c>email</c>, <c>social</c>,
/// <c>sms</c>, <c>messaging</c>, <c>whatsapp</c>, <c>app</c> and <c>web</c> are digital; <c>ivr</c>, <c>bot</c>,
/// <c>chatbot</c>, <c>self_service</c>, <c>portal</c> and <c>help_centre</c> are self-service. A contact on a channel
/// outside the catalogue is rejected (add the channel), so a typo never silently changes the digitalisation level.
/// </para>
/// <para>
/// <b>Window.</b> Channel switching, repeat-yourself and escalation look for another contact of the same customer with
/// the same reason within <see cref="Window"/>. The default, 7 days, equals <see cref="ServiceOptions.RepeatContactWindow"/>'s
/// default (a common practitioner window for FCR measured from repeat contacts), so a switch is a repeat contact by
/// the FCR definition.
/// </para>
/// </remarks>
public sealed record ChannelOptions
{
    /// <summary>The default catalogue described in the remarks.</summary>
    public static IReadOnlyDictionary<string, ChannelKind> DefaultCatalogue { get; } = new Dictionary<string, ChannelKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["voice"] = ChannelKind.Assisted,
        ["phone"] = ChannelKind.Assisted,
        ["video"] = ChannelKind.Assisted,
        ["branch"] = ChannelKind.Assisted,
        ["in_person"] = ChannelKind.Assisted,
        ["chat"] = ChannelKind.Digital,
        ["email"] = ChannelKind.Digital,
        ["social"] = ChannelKind.Digital,
        ["sms"] = ChannelKind.Digital,
        ["messaging"] = ChannelKind.Digital,
        ["whatsapp"] = ChannelKind.Digital,
        ["app"] = ChannelKind.Digital,
        ["web"] = ChannelKind.Digital,
        ["ivr"] = ChannelKind.SelfService,
        ["bot"] = ChannelKind.SelfService,
        ["chatbot"] = ChannelKind.SelfService,
        ["self_service"] = ChannelKind.SelfService,
        ["portal"] = ChannelKind.SelfService,
        ["help_centre"] = ChannelKind.SelfService,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly IReadOnlyDictionary<string, ChannelKind> _catalogue = DefaultCatalogue;
    private FrozenDictionary<string, KeyValuePair<string, ChannelKind>>? _lookup;

    /// <summary>The defaults described in the remarks.</summary>
    public static ChannelOptions Default { get; } = new();

    /// <summary>Every channel and its kind; names are compared ignoring case.</summary>
    /// <value>The default is <see cref="DefaultCatalogue"/>. Must not be empty; names must not be empty; kinds must be defined.</value>
    public IReadOnlyDictionary<string, ChannelKind> Catalogue
    {
        get => _catalogue;
        init
        {
            _catalogue = value;
            _lookup = null;
        }
    }

    /// <summary>The window of channel switching, repeat-yourself and escalation (same customer, same reason).</summary>
    /// <value>The default is 7 days. Must be &gt; 0.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The options of the per-channel service KPIs (resolution, AHT); its <see cref="ServiceOptions.ConfidenceLevel"/> is the level of every interval.</summary>
    /// <value>The default is <see cref="ServiceOptions.Default"/> with <see cref="ServiceOptions.Percentiles"/> off (the channel report shows mean AHT only).</value>
    public ServiceOptions Service { get; init; } = ServiceOptions.Default with { Percentiles = false };

    /// <summary>The CSAT scale of the per-channel survey responses (<see cref="ChannelAccumulator.AddCsat(string, int)"/>).</summary>
    /// <value>The default is <see cref="CsatOptions.Default"/>.</value>
    public CsatOptions Csat { get; init; } = CsatOptions.Default;

    /// <summary>The kind of <paramref name="channel"/>, when the catalogue lists it.</summary>
    /// <param name="channel">The channel name (case ignored).</param>
    /// <param name="kind">Its kind.</param>
    /// <returns>Whether the catalogue lists the channel.</returns>
    public bool TryGetKind(string channel, out ChannelKind kind)
    {
        bool found = TryGetEntry(channel, out KeyValuePair<string, ChannelKind> entry);
        kind = entry.Value;
        return found;
    }

    // The catalogue's own spelling of the channel and its kind: contacts are grouped under that name, so "Voice"
    // and "voice" are one channel and a switch between them is not a switch.
    internal bool TryGetEntry(string channel, out KeyValuePair<string, ChannelKind> entry)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _lookup ??= _catalogue.ToFrozenDictionary(e => e.Key, e => e, StringComparer.OrdinalIgnoreCase);
        return _lookup.TryGetValue(channel, out entry);
    }

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public ChannelOptions Validate()
    {
        string? badName = null;
        ChannelKind? badKind = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? duplicate = null;
        foreach (KeyValuePair<string, ChannelKind> entry in _catalogue ?? FrozenDictionary<string, ChannelKind>.Empty)
        {
            badName ??= string.IsNullOrWhiteSpace(entry.Key) ? $"'{entry.Key}'" : null;
            badKind ??= Enum.IsDefined(entry.Value) ? null : entry.Value;
            duplicate ??= seen.Add(entry.Key ?? string.Empty) ? null : entry.Key;
        }

        new OptionsValidation(nameof(ChannelOptions))
            .Require(_catalogue is { Count: > 0 }, $"Catalogue is empty; list every channel with its kind, for example voice = Assisted, chat = Digital, ivr = SelfService.")
            .Require(badName is null, $"Catalogue has the channel name {badName}; names must not be empty.")
            .Require(badKind is null, $"Catalogue has the kind {badKind}; use Assisted, Digital or SelfService.")
            .Require(duplicate is null, $"Catalogue lists '{duplicate}' twice (names are compared ignoring case).")
            .Require(Window > TimeSpan.Zero, $"Window is {Window}; it must be > 0, for example 7 days.")
            .Require(Service is not null, $"Service is null; use ServiceOptions.Default.")
            .Require(Csat is not null, $"Csat is null; use CsatOptions.Default.")
            .ThrowIfInvalid();
        Service!.Validate();
        Csat!.Validate();
        return this;
    }

    /// <summary>Whether two options are equal: same catalogue entries (names ignoring case), window, service and CSAT options.</summary>
    /// <param name="other">The other options.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ChannelOptions? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Window != other.Window || Service != other.Service || Csat != other.Csat || _catalogue.Count != other._catalogue.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, ChannelKind> entry in _catalogue)
        {
            if (!other.TryGetKind(entry.Key, out ChannelKind kind) || kind != entry.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Window, Service, Csat, _catalogue.Count);
}
