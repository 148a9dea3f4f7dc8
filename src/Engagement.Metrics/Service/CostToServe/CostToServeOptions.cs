using System.Collections.Frozen;
using System.Globalization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Service;

/// <summary>
/// Options of cost to serve (<see cref="CostToServeAccumulator"/>): the user's unit cost of each channel, the
/// what-if shifts to evaluate, and the confidence level of the resolution rates.
/// </summary>
/// <remarks>
/// <para>
/// <b>No default costs.</b> <see cref="Default"/> has an empty <see cref="UnitCosts"/>: unit costs are the
/// organisation's own figures, and a contact on a channel without one is rejected rather than priced at a made-up
/// number. Published figures (for example about $16.50 per support call against under $5 per text conversation) are
/// illustrations in docs/metrics/cost-to-serve.md, not defaults. Channel names are compared ignoring case and reported
/// in the spelling used here.
/// </para>
/// <para>
/// <b>Shifts</b> are evaluated independently against the observed baseline (not compounded); both channels of a shift
/// must be in <see cref="UnitCosts"/>.
/// </para>
/// </remarks>
public sealed record CostToServeOptions
{
    private readonly IReadOnlyDictionary<string, ChannelUnitCost> _unitCosts = FrozenDictionary<string, ChannelUnitCost>.Empty;
    private FrozenDictionary<string, KeyValuePair<string, ChannelUnitCost>>? _lookup;

    /// <summary>No unit costs and no shifts: add the organisation's unit costs with <c>with { UnitCosts = … }</c>.</summary>
    public static CostToServeOptions Default { get; } = new();

    /// <summary>The unit cost of each channel (names compared ignoring case).</summary>
    /// <value>The default is empty. Names must not be empty or repeated (ignoring case).</value>
    public IReadOnlyDictionary<string, ChannelUnitCost> UnitCosts
    {
        get => _unitCosts;
        init
        {
            _unitCosts = value;
            _lookup = null;
        }
    }

    /// <summary>The what-if shifts to evaluate.</summary>
    /// <value>The default is none. Each share and target resolution rate must lie in [0, 1], a repeat cost must be ≥ 0, both channels must have a unit cost and differ.</value>
    public IReadOnlyList<VolumeShift> Shifts { get; init; } = [];

    /// <summary>The level of the resolution-rate intervals.</summary>
    /// <value>The default is 0.95. Must lie strictly between 0 and 1.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The unit cost of <paramref name="channel"/> and the spelling used in <see cref="UnitCosts"/>.</summary>
    /// <param name="channel">The channel (case ignored).</param>
    /// <param name="entry">Its name as listed and its unit cost.</param>
    /// <returns>Whether the channel has a unit cost.</returns>
    public bool TryGetUnitCost(string channel, out KeyValuePair<string, ChannelUnitCost> entry)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _lookup ??= _unitCosts.ToFrozenDictionary(e => e.Key, e => e, StringComparer.OrdinalIgnoreCase);
        return _lookup.TryGetValue(channel, out entry);
    }

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one, naming the field and value.</exception>
    public CostToServeOptions Validate()
    {
        var validation = new OptionsValidation(nameof(CostToServeOptions))
            .Require(_unitCosts is not null, $"UnitCosts is null; give each channel's cost, for example voice = 16.50 per contact.")
            .Require(Shifts is not null, $"Shifts is null; use an empty list for no what-if.")
            .RequireConfidenceLevel(ConfidenceLevel);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, ChannelUnitCost> entry in _unitCosts ?? FrozenDictionary<string, ChannelUnitCost>.Empty)
        {
            validation = validation
                .Require(!string.IsNullOrWhiteSpace(entry.Key), $"UnitCosts has the channel name '{entry.Key}'; names must not be empty.")
                .Require(seen.Add(entry.Key ?? string.Empty), $"UnitCosts lists '{entry.Key}' twice (names are compared ignoring case).")
                .Require(double.IsFinite(entry.Value.PerContact) && entry.Value.PerContact >= 0, $"UnitCosts['{entry.Key}'].PerContact is {entry.Value.PerContact}; a cost must be a finite amount ≥ 0.")
                .Require(double.IsFinite(entry.Value.PerHandledMinute) && entry.Value.PerHandledMinute >= 0, $"UnitCosts['{entry.Key}'].PerHandledMinute is {entry.Value.PerHandledMinute}; a cost must be a finite amount ≥ 0.");
        }

        IReadOnlyList<VolumeShift> shifts = Shifts ?? [];
        for (int i = 0; i < shifts.Count; i++)
        {
            VolumeShift s = shifts[i];
            string name = string.Create(CultureInfo.InvariantCulture, $"Shifts[{i}]");
            validation = validation
                .Require(s.From is not null && _unitCosts is not null && TryGetUnitCost(s.From, out _), $"{name}.From is '{s.From}', which has no unit cost; add it to UnitCosts or fix the name.")
                .Require(s.To is not null && _unitCosts is not null && TryGetUnitCost(s.To, out _), $"{name}.To is '{s.To}', which has no unit cost; add it to UnitCosts or fix the name.")
                .Require(!string.Equals(s.From, s.To, StringComparison.OrdinalIgnoreCase), $"{name} moves volume from '{s.From}' to itself; pick another target.")
                .Require(s.Share is >= 0 and <= 1, $"{name}.Share is {s.Share}; a share must lie in [0, 1], for example 0.3 for 30 %.")
                .Require(s.TargetResolutionRate is null or (>= 0 and <= 1), $"{name}.TargetResolutionRate is {s.TargetResolutionRate}; a rate must lie in [0, 1].")
                .Require(s.RepeatCost is null || (double.IsFinite(s.RepeatCost.Value) && s.RepeatCost >= 0), $"{name}.RepeatCost is {s.RepeatCost}; a cost must be a finite amount ≥ 0.");
        }

        validation.ThrowIfInvalid();
        return this;
    }

    /// <summary>Whether two options are equal: same unit costs (names ignoring case), shifts in order, and level.</summary>
    /// <param name="other">The other options.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CostToServeOptions? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!ConfidenceLevel.Equals(other.ConfidenceLevel) || _unitCosts.Count != other._unitCosts.Count || !Shifts.SequenceEqual(other.Shifts))
        {
            return false;
        }

        foreach (KeyValuePair<string, ChannelUnitCost> entry in _unitCosts)
        {
            if (!other.TryGetUnitCost(entry.Key, out KeyValuePair<string, ChannelUnitCost> match) || match.Value != entry.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ConfidenceLevel, _unitCosts.Count, Shifts.Count);
}
