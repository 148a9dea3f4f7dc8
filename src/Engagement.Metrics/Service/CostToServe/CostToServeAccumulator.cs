using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Service;

/// <summary>
/// A mergeable accumulator of cost to serve (<see cref="CostToServeResult"/>) over the service area's
/// <see cref="ContactRecord"/>s: contacts, resolutions and handle time per (channel, reason), priced at
/// <see cref="ToResult"/> with <see cref="CostToServeOptions.UnitCosts"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>State</b> is one <see cref="CostCell"/> per (channel, reason) pair: integer counts and handle time in ticks, so
/// merging is exact, associative and commutative, and memory does not grow with the number of contacts. Costs are
/// summed over the cells in (channel, reason) order, so the result does not depend on input order or partitioning.
/// </para>
/// <para>
/// <b>Bad input.</b> A contact must pass <see cref="ContactRecord.Validate"/> and its channel must have a unit cost (a
/// contact on an unpriced channel is an error, never priced at zero); a batch is validated whole first, so a rejected
/// batch leaves the accumulator exactly as it was. Not thread-safe: use one per thread and merge.
/// </para>
/// </remarks>
public sealed class CostToServeAccumulator : IMergeableAccumulator<CostToServeAccumulator>
{
    private readonly Dictionary<(string Channel, string Reason), (long Contacts, long Resolved, long Ticks)> _cells = [];
    private long _contacts;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Unit costs, shifts and level; required in practice, since <see cref="CostToServeOptions.Default"/> prices no channel.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public CostToServeAccumulator(CostToServeOptions? options = null)
    {
        Options = (options ?? CostToServeOptions.Default).Validate();
    }

    /// <summary>Restores an accumulator from its state (the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="cells">One cell per (channel, reason).</param>
    /// <exception cref="ArgumentException">A cell's channel has no unit cost, or a (channel, reason) pair appears twice.</exception>
    [JsonConstructor]
    public CostToServeAccumulator(CostToServeOptions options, IReadOnlyList<CostCell> cells)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (CostCell cell in cells)
        {
            if (!Options.TryGetUnitCost(cell.Channel, out KeyValuePair<string, ChannelUnitCost> entry))
            {
                throw new ArgumentException($"cells has the channel '{cell.Channel}', which has no unit cost in the options.", nameof(cells));
            }

            if (!_cells.TryAdd((entry.Key, cell.Reason), (cell.Contacts, cell.Resolved, cell.HandleTicks)))
            {
                throw new ArgumentException($"cells lists ('{cell.Channel}', '{cell.Reason}') twice.", nameof(cells));
            }

            _contacts += cell.Contacts;
        }
    }

    /// <summary>The options.</summary>
    public CostToServeOptions Options { get; }

    /// <summary>The number of contacts added.</summary>
    [JsonIgnore]
    public long Count => _contacts;

    /// <summary>The state: one cell per (channel, reason), ordered by channel then reason (ordinal).</summary>
    public IReadOnlyList<CostCell> Cells
    {
        get
        {
            var cells = new List<CostCell>(_cells.Count);
            foreach (KeyValuePair<(string Channel, string Reason), (long Contacts, long Resolved, long Ticks)> c in Sorted())
            {
                cells.Add(new CostCell(c.Key.Channel, c.Key.Reason, c.Value.Contacts, c.Value.Resolved, c.Value.Ticks));
            }

            return cells;
        }
    }

    /// <summary>Adds one contact.</summary>
    /// <param name="contact">The contact.</param>
    /// <exception cref="ArgumentException">The contact is invalid or its channel has no unit cost; nothing is added.</exception>
    public void Add(in ContactRecord contact)
    {
        Apply(contact, Check(contact, -1));
    }

    /// <summary>Adds a batch of contacts; the whole batch is validated first.</summary>
    /// <param name="contacts">The contacts.</param>
    /// <exception cref="ArgumentException">A contact is invalid or unpriced; the message names its index and id, and nothing from the batch is added.</exception>
    public void AddRange(ReadOnlySpan<ContactRecord> contacts)
    {
        for (int i = 0; i < contacts.Length; i++)
        {
            Check(contacts[i], i);
        }

        // Validated: every channel has a unit cost. The lookup is repeated rather than kept, so a batch costs no memory.
        for (int i = 0; i < contacts.Length; i++)
        {
            Apply(contacts[i], Check(contacts[i], i));
        }
    }

    private string Check(in ContactRecord contact, int index)
    {
        if (!contact.IsValid)
        {
            contact.ValidateAt(index);
        }

        if (!Options.TryGetUnitCost(contact.Channel, out KeyValuePair<string, ChannelUnitCost> entry))
        {
            string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"contacts[{index}] (contact '{contact.ContactId}')") : $"Contact '{contact.ContactId}'";
            Reject($"{where}: Channel '{contact.Channel}' has no unit cost; add it to CostToServeOptions.UnitCosts (costs are never assumed). Nothing was added.", nameof(ContactRecord.Channel));
        }

        return entry.Key;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Reject(string message, string field) => throw new ArgumentException(message, field);

    private void Apply(in ContactRecord contact, string channel)
    {
        (string, string) key = (channel, contact.Reason);
        _cells.TryGetValue(key, out (long Contacts, long Resolved, long Ticks) cell);
        _cells[key] = (cell.Contacts + 1, cell.Resolved + (contact.Resolved ? 1 : 0), cell.Ticks + contact.HandleTime.Ticks);
        _contacts++;
    }

    /// <summary>Adds another accumulator's cells to this one (exact, associative and commutative).</summary>
    /// <param name="other">An accumulator with the same options.</param>
    /// <exception cref="ArgumentException">The options differ; nothing is merged.</exception>
    public void Merge(CostToServeAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Options != Options)
        {
            throw new ArgumentException("Cannot merge cost-to-serve accumulators with different options: unit costs and shifts must be equal. Nothing was merged.", nameof(other));
        }

        foreach (KeyValuePair<(string Channel, string Reason), (long Contacts, long Resolved, long Ticks)> c in other._cells)
        {
            _cells.TryGetValue(c.Key, out (long Contacts, long Resolved, long Ticks) mine);
            _cells[c.Key] = (mine.Contacts + c.Value.Contacts, mine.Resolved + c.Value.Resolved, mine.Ticks + c.Value.Ticks);
        }

        _contacts += other._contacts;
    }

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    public CostToServeAccumulator CreateEmpty() => new(Options);

    /// <summary>Prices the contacts and evaluates the shifts.</summary>
    /// <returns>The result; without contacts, zero totals, null per-contact figures and shifts priced at unit costs.</returns>
    public CostToServeResult ToResult()
    {
        double level = Options.ConfidenceLevel;
        var channels = new Dictionary<string, Totals>(StringComparer.Ordinal);
        var drivers = new Dictionary<string, Totals>(StringComparer.Ordinal);
        var all = default(Totals);
        foreach (KeyValuePair<(string Channel, string Reason), (long Contacts, long Resolved, long Ticks)> c in Sorted())
        {
            Options.TryGetUnitCost(c.Key.Channel, out KeyValuePair<string, ChannelUnitCost> unit);
            double minutes = (double)c.Value.Ticks / TimeSpan.TicksPerMinute;
            double cost = (c.Value.Contacts * unit.Value.PerContact) + (minutes * unit.Value.PerHandledMinute);
            var cell = new Totals(c.Value.Contacts, c.Value.Resolved, minutes, cost);
            channels[c.Key.Channel] = channels.GetValueOrDefault(c.Key.Channel) + cell;
            drivers[c.Key.Reason] = drivers.GetValueOrDefault(c.Key.Reason) + cell;
            all += cell;
        }

        var shifts = new ShiftSavings[Options.Shifts.Count];
        for (int i = 0; i < shifts.Length; i++)
        {
            shifts[i] = Evaluate(Options.Shifts[i], channels);
        }

        return new CostToServeResult(
            all.ToBreakdown("all", level),
            Breakdowns(channels, level),
            Breakdowns(drivers, level),
            shifts,
            new Dictionary<string, ChannelUnitCost>(Options.UnitCosts, StringComparer.OrdinalIgnoreCase));
    }

    private ShiftSavings Evaluate(VolumeShift shift, Dictionary<string, Totals> channels)
    {
        Options.TryGetUnitCost(shift.From, out KeyValuePair<string, ChannelUnitCost> from);
        Options.TryGetUnitCost(shift.To, out KeyValuePair<string, ChannelUnitCost> to);
        Totals source = channels.GetValueOrDefault(from.Key);
        Totals target = channels.GetValueOrDefault(to.Key);
        double sourceCost = source.Contacts > 0 ? source.Cost / source.Contacts : from.Value.PerContact;
        double targetCost = target.Contacts > 0 ? target.Cost / target.Contacts : to.Value.PerContact;
        double? observedRate = target.Contacts > 0 ? (double)target.Resolved / target.Contacts : null;
        double? rate = shift.TargetResolutionRate ?? observedRate;
        VolumeShift named = shift with { From = from.Key, To = to.Key };
        return new ShiftSavings(named, source.Contacts, sourceCost, targetCost, target.Contacts > 0, rate, shift.TargetResolutionRate is null && observedRate is not null, shift.RepeatCost ?? sourceCost);
    }

    private static CostBreakdown[] Breakdowns(Dictionary<string, Totals> groups, double level)
    {
        var list = new CostBreakdown[groups.Count];
        int i = 0;
        foreach (KeyValuePair<string, Totals> g in groups)
        {
            list[i++] = g.Value.ToBreakdown(g.Key, level);
        }

        Array.Sort(list, static (a, b) => b.TotalCost != a.TotalCost ? b.TotalCost.CompareTo(a.TotalCost) : string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    private List<KeyValuePair<(string Channel, string Reason), (long Contacts, long Resolved, long Ticks)>> Sorted()
    {
        var list = new List<KeyValuePair<(string Channel, string Reason), (long Contacts, long Resolved, long Ticks)>>(_cells);
        list.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Key.Channel, b.Key.Channel);
            return c != 0 ? c : string.CompareOrdinal(a.Key.Reason, b.Key.Reason);
        });
        return list;
    }

    private readonly record struct Totals(long Contacts, long Resolved, double Minutes, double Cost)
    {
        public static Totals operator +(Totals a, Totals b) => new(a.Contacts + b.Contacts, a.Resolved + b.Resolved, a.Minutes + b.Minutes, a.Cost + b.Cost);

        public CostBreakdown ToBreakdown(string key, double level) => new(key, Contacts, Resolved, Minutes, Cost, level);
    }
}
