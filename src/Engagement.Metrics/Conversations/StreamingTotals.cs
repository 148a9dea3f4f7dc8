using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Conversations;

// The closed conversations of a StreamingConversationAccumulator, folded into groups: overall, per channel and per
// trend period as SignalTotals (a few), and per customer in flat tables: one struct row per customer (counts, one
// packed SketchSet, the conversations awaiting their repeat) and dictionaries keyed by (customer, channel) and
// (customer, period) number pairs. Holding customers as a handful of small objects each made the collector, not the
// arithmetic, the accumulator's cost. Distinct-customer counts are derived from the tables when a result is made.
internal sealed class StreamingTotals
{
    // Sketch ids in a customer's SketchSet: the totals' four durations, then one response-time sketch per period.
    private const int ResponseSketch = 0, FirstResponseSketch = 1, DurationSketch = 2, TimeBetweenSketch = 3, PeriodSketches = 4;

    private readonly StreamingConversationOptions _options;
    private readonly QuantileSketch _mapping; // maps durations to the bins every sketch here uses
    private readonly Dictionary<string, int> _customerIndex;
    private readonly Dictionary<string, int> _channelIndex;
    private readonly List<string> _channelNames;
    private readonly Dictionary<long, SignalCounts> _customerChannels;
    private readonly Dictionary<long, SignalCounts> _customerPeriods; // the last CustomerTrendPeriods periods only
    private readonly Dictionary<long, bool> _active;                  // every period a customer was active in → repeated
    private readonly PriorityQueue<int, long> _due;                   // a customer per awaiting conversation, by its end
    private readonly List<PendingRepeat> _settling = [];
    private CustomerRow[] _rows;
    private int _customers;
    private readonly bool[]? _shared; // in a view: rows whose sketch and pending arrays still belong to the source
    private readonly bool _detail;    // false in a view for the summary: customers keep only their counts and repeats

    public StreamingTotals(StreamingConversationOptions options)
    {
        _options = options;
        _mapping = new QuantileSketch(options.RelativeAccuracy);
        _customerIndex = new(StringComparer.Ordinal);
        _channelIndex = new(StringComparer.Ordinal);
        _channelNames = [];
        _customerChannels = [];
        _customerPeriods = [];
        _active = [];
        _due = new();
        _rows = [];
        _detail = true;
    }

    // A copy for making results: the flat tables are copied, a customer's arrays only when the copy changes them.
    // Without `detail` the copy leaves customers' sketches and periods alone (the summary needs only who repeated),
    // so it copies neither those tables nor any customer's sketches.
    private StreamingTotals(StreamingTotals source, bool detail)
    {
        _detail = detail;
        _options = source._options;
        _mapping = source._mapping;
        Overall = source.Overall.Clone();
        MergeGroups(Channels, source.Channels);
        MergeGroups(Periods, source.Periods);
        _customerIndex = new(source._customerIndex, StringComparer.Ordinal);
        _channelIndex = new(source._channelIndex, StringComparer.Ordinal);
        _channelNames = [.. source._channelNames];
        _customerChannels = new(source._customerChannels);
        _customerPeriods = detail ? new(source._customerPeriods) : [];
        _active = detail ? new(source._active) : [];
        _due = new(source._due.UnorderedItems);
        _rows = (CustomerRow[])source._rows.Clone();
        _customers = source._customers;
        _shared = new bool[_customers];
        Array.Fill(_shared, true);
    }

    public SignalTotals Overall { get; private set; } = new();

    public Dictionary<string, SignalTotals> Channels { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<DateOnly, SignalTotals> Periods { get; } = [];

    public void Restore(SignalTotals overall, IReadOnlyDictionary<string, SignalTotals> channels, IReadOnlyDictionary<DateOnly, SignalTotals> periods, IReadOnlyList<CustomerTotals> customers)
    {
        Overall = overall.Clone();
        MergeGroups(Channels, channels);
        MergeGroups(Periods, periods);
        foreach (CustomerTotals customer in customers)
        {
            MergeCustomer(customer);
        }
    }

    public void Merge(StreamingTotals other)
    {
        Overall.Merge(other.Overall);
        MergeGroups(Channels, other.Channels);
        MergeGroups(Periods, other.Periods);
        foreach (CustomerTotals customer in other.ExportCustomers())
        {
            MergeCustomer(customer);
        }
    }

    public StreamingTotals Overlay(bool detail) => new(this, detail);

    // Adds one closed conversation to every group it belongs to; its repeat interaction waits in the customer's row.
    // The customer's periods before period number `horizon` are dropped (and a conversation before it adds none).
    public void Fold(string customerId, string channel, in ConversationFacts f, ReadOnlySpan<long> responseTimes, int horizon)
    {
        double alpha = _options.RelativeAccuracy;
        int period = EngagementPeriods.Number(f.Start, _options.TrendPeriod);
        Overall.Add(f, responseTimes, SignalDetail.Full, alpha);
        For(Channels, channel).Add(f, responseTimes, SignalDetail.Full, alpha);
        For(Periods, PeriodStart(period)).Add(f, responseTimes, SignalDetail.Score, alpha);

        int c = CustomerNumber(customerId);
        int ch = ChannelNumber(channel);
        ref CustomerRow row = ref Own(c);
        row.Counts.Add(f);
        CollectionsMarshal.GetValueRefOrAddDefault(_customerChannels, Pair(c, ch), out _).Add(f);
        AddPending(ref row, c, new PendingRepeat(ch, f.Start, f.End));
        if (_detail)
        {
            FoldDetail(ref row, c, period, f, responseTimes, horizon);
        }
    }

    // The customer's sketches and trend periods, for one closed conversation.
    private void FoldDetail(ref CustomerRow row, int c, int period, in ConversationFacts f, ReadOnlySpan<long> responseTimes, int horizon)
    {
        DropPeriodsBefore(ref row, c, horizon);
        bool keepPeriod = period >= horizon;
        foreach (long t in responseTimes)
        {
            SketchSet.Sample sample = SketchSet.Measure(t, _mapping);
            row.Sketches.Add(ResponseSketch, sample);
            if (keepPeriod)
            {
                row.Sketches.Add(PeriodSketches + period, sample);
            }
        }

        if (f.AgentFirst >= 0)
        {
            row.Sketches.Add(FirstResponseSketch, SketchSet.Measure(f.AgentFirst, _mapping));
        }

        row.Sketches.Add(DurationSketch, SketchSet.Measure(f.End - f.Start, _mapping));
        _active.TryAdd(Pair(c, period), false);
        if (keepPeriod)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_customerPeriods, Pair(c, period), out _).Add(f);
            row.KeepPeriod(period);
        }
    }

    /// <summary>
    /// Settles the repeat interaction of every waiting conversation that ends more than the repeat window before
    /// <paramref name="watermark"/> (no later conversation can start before the watermark); all of them when it is
    /// <see cref="long.MaxValue"/>. The next conversation is the nearest other one starting at or after the end, among
    /// the waiting ones and <paramref name="openStarts"/>, the session starts of the customer's open conversations
    /// (asked only for customers with something to settle).
    /// </summary>
    public void ResolveRepeats(long watermark, Func<HashSet<string>, Dictionary<string, List<long>>> openStarts)
    {
        long window = _options.Conversation.RepeatWindow.Ticks;
        long settleBefore = watermark == long.MaxValue ? long.MaxValue : watermark - window;
        // Only the customers with a conversation due are visited (a customer settled earlier by another of its
        // conversations just finds nothing left when that conversation's entry comes up).
        var due = new HashSet<int>();
        while (_due.TryPeek(out int customer, out long end) && end < settleBefore)
        {
            _due.Dequeue();
            due.Add(customer);
        }

        if (due.Count == 0)
        {
            return;
        }

        Dictionary<string, List<long>> open = openStarts([.. due.Select(c => _rows[c].Id)]);
        foreach (int c in due)
        {
            Settle(c, settleBefore, open.GetValueOrDefault(_rows[c].Id), window);
        }
    }

    /// <summary>Distinct customers, and those with a repeat, overall.</summary>
    public (long Customers, long Repeated) CustomerCounts()
    {
        long repeated = 0;
        for (int c = 0; c < _customers; c++)
        {
            repeated += _rows[c].Counts.Repeats > 0 ? 1 : 0;
        }

        return (_customers, repeated);
    }

    /// <summary>Distinct customers, and those with a repeat, per channel.</summary>
    public Dictionary<string, (long Customers, long Repeated)> ChannelCustomers()
    {
        var counts = new Dictionary<string, (long Customers, long Repeated)>(StringComparer.Ordinal);
        foreach ((long key, SignalCounts totals) in _customerChannels)
        {
            Count(counts, _channelNames[Second(key)], totals.Repeats > 0);
        }

        return counts;
    }

    /// <summary>Distinct customers, and those with a repeat, per trend period (keyed by its first day).</summary>
    public Dictionary<DateOnly, (long Customers, long Repeated)> PeriodCustomers()
    {
        var counts = new Dictionary<DateOnly, (long Customers, long Repeated)>();
        foreach ((long key, bool repeated) in _active)
        {
            Count(counts, PeriodStart(Second(key)), repeated);
        }

        return counts;
    }

    /// <summary>Every customer: id, totals as public state, and (channel, outbound, answered) per channel used.</summary>
    public IEnumerable<(string Id, SignalTotals Totals, List<(string Channel, long Outbound, long Answered)> Channels)> CustomerTotalsWithChannels()
    {
        var channels = new List<(string, long, long)>[_customers];
        foreach ((long key, SignalCounts totals) in _customerChannels)
        {
            (channels[First(key)] ??= []).Add((_channelNames[Second(key)], totals.Outbound, totals.Answered));
        }

        for (int c = 0; c < _customers; c++)
        {
            yield return (_rows[c].Id, RowTotals(c), channels[c] ?? []);
        }
    }

    /// <summary>Every customer's kept periods from <paramref name="horizon"/> on, ascending, as (number, totals).</summary>
    public IEnumerable<(string Id, List<(int Number, SignalTotals Totals)> Periods)> CustomerPeriods(int horizon)
    {
        List<(int Number, SignalTotals Totals)>[] periods = PeriodsByCustomer(horizon);
        for (int c = 0; c < _customers; c++)
        {
            yield return (_rows[c].Id, periods[c] ?? []);
        }
    }

    /// <summary>Every customer as public state, in ordinal id order.</summary>
    public List<CustomerTotals> ExportCustomers()
    {
        var channels = new Dictionary<string, SignalTotals>[_customers];
        foreach ((long key, SignalCounts totals) in _customerChannels)
        {
            (channels[First(key)] ??= new(StringComparer.Ordinal)).Add(_channelNames[Second(key)], new SignalTotals(totals, null, null, null, null));
        }

        var active = new List<DateOnly>[_customers];
        var repeated = new List<DateOnly>[_customers];
        foreach ((long key, bool repeat) in _active)
        {
            (active[First(key)] ??= []).Add(PeriodStart(Second(key)));
            if (repeat)
            {
                (repeated[First(key)] ??= []).Add(PeriodStart(Second(key)));
            }
        }

        List<(int Number, SignalTotals Totals)>[] periods = PeriodsByCustomer(int.MinValue);
        int[] order = [.. Enumerable.Range(0, _customers)];
        Array.Sort(order, (a, b) => string.CompareOrdinal(_rows[a].Id, _rows[b].Id));
        var customers = new List<CustomerTotals>(_customers);
        foreach (int c in order)
        {
            ref readonly CustomerRow row = ref _rows[c];
            customers.Add(new CustomerTotals(
                row.Id,
                RowTotals(c),
                channels[c] ?? [],
                (periods[c] ?? []).ToDictionary(p => PeriodStart(p.Number), p => p.Totals),
                AwaitingRepeat(row.PendingRuns()),
                active[c] ?? [],
                repeated[c] ?? []));
        }

        return customers;
    }

    private ClosedConversation[] AwaitingRepeat(ReadOnlySpan<PendingRepeat> pending)
    {
        var closed = new ClosedConversation[pending.Length];
        for (int i = 0; i < pending.Length; i++)
        {
            closed[i] = new ClosedConversation(_channelNames[pending[i].Channel], Instant(pending[i].Start), Instant(pending[i].End));
        }

        return closed;
    }

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    private static long Pair(int first, int second) => ((long)first << 32) | (uint)second;

    private static int First(long pair) => (int)(pair >> 32);

    private static int Second(long pair) => (int)pair;

    private static void Count<TKey>(Dictionary<TKey, (long Customers, long Repeated)> counts, TKey key, bool repeated)
        where TKey : notnull
    {
        ref (long Customers, long Repeated) slot = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        slot = (slot.Customers + 1, slot.Repeated + (repeated ? 1 : 0));
    }

    private static void MergeGroups<TKey>(IDictionary<TKey, SignalTotals> mine, IEnumerable<KeyValuePair<TKey, SignalTotals>> other)
    {
        foreach ((TKey key, SignalTotals totals) in other)
        {
            if (mine.TryGetValue(key, out SignalTotals? existing))
            {
                existing.Merge(totals);
            }
            else
            {
                mine.Add(key, totals.Clone());
            }
        }
    }

    private static SignalTotals For<TKey>(IDictionary<TKey, SignalTotals> groups, TKey key)
    {
        if (!groups.TryGetValue(key, out SignalTotals? totals))
        {
            totals = new SignalTotals();
            groups.Add(key, totals);
        }

        return totals;
    }

    private DateOnly PeriodStart(int number) => EngagementPeriods.Start(number, _options.TrendPeriod);

    private int PeriodNumber(DateOnly start) =>
        EngagementPeriods.Number(start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks, _options.TrendPeriod);

    private SignalTotals RowTotals(int c)
    {
        ref readonly CustomerRow row = ref _rows[c];
        double alpha = _options.RelativeAccuracy;
        return new SignalTotals(
            row.Counts,
            row.Sketches.Export(ResponseSketch, alpha),
            row.Sketches.Export(FirstResponseSketch, alpha),
            row.Sketches.Export(DurationSketch, alpha),
            row.Sketches.Export(TimeBetweenSketch, alpha));
    }

    private List<(int Number, SignalTotals Totals)>[] PeriodsByCustomer(int horizon)
    {
        var periods = new List<(int Number, SignalTotals Totals)>[_customers];
        foreach ((long key, SignalCounts totals) in _customerPeriods)
        {
            (int c, int p) = (First(key), Second(key));
            if (p >= horizon)
            {
                DurationTotals? responses = _rows[c].Sketches.Export(PeriodSketches + p, _options.RelativeAccuracy);
                (periods[c] ??= []).Add((p, new SignalTotals(totals, responses, null, null, null)));
            }
        }

        foreach (List<(int Number, SignalTotals Totals)>? list in periods)
        {
            list?.Sort((a, b) => a.Number.CompareTo(b.Number));
        }

        return periods;
    }

    private void MergeCustomer(CustomerTotals customer)
    {
        int c = CustomerNumber(customer.CustomerId);
        ref CustomerRow row = ref Own(c);
        row.Counts.Merge(customer.Totals.Counts);
        row.Sketches.Import(ResponseSketch, customer.Totals.ResponseTimes);
        row.Sketches.Import(FirstResponseSketch, customer.Totals.FirstResponses);
        row.Sketches.Import(DurationSketch, customer.Totals.Durations);
        row.Sketches.Import(TimeBetweenSketch, customer.Totals.TimeBetween);
        foreach ((string channel, SignalTotals totals) in customer.Channels)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_customerChannels, Pair(c, ChannelNumber(channel)), out _).Merge(totals.Counts);
        }

        foreach ((DateOnly start, SignalTotals totals) in customer.Periods)
        {
            int p = PeriodNumber(start);
            CollectionsMarshal.GetValueRefOrAddDefault(_customerPeriods, Pair(c, p), out _).Merge(totals.Counts);
            row.Sketches.Import(PeriodSketches + p, totals.ResponseTimes);
            row.KeepPeriod(p);
        }

        foreach (DateOnly start in customer.ActivePeriods)
        {
            _active.TryAdd(Pair(c, PeriodNumber(start)), false);
        }

        foreach (DateOnly start in customer.RepeatPeriods)
        {
            _active[Pair(c, PeriodNumber(start))] = true;
        }

        foreach (ClosedConversation closed in customer.AwaitingRepeat)
        {
            AddPending(ref row, c, new PendingRepeat(ChannelNumber(closed.Channel), closed.Start.UtcTicks, closed.End.UtcTicks));
        }
    }

    private int CustomerNumber(string customerId)
    {
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_customerIndex, customerId, out bool exists);
        if (!exists)
        {
            slot = _customers;
            if (_customers == _rows.Length)
            {
                Array.Resize(ref _rows, Math.Max(64, _customers * 2));
            }

            _rows[_customers++] = new CustomerRow(customerId);
        }

        return slot;
    }

    private int ChannelNumber(string channel)
    {
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_channelIndex, channel, out bool exists);
        if (!exists)
        {
            slot = _channelNames.Count;
            _channelNames.Add(channel);
        }

        return slot;
    }

    // The row, made this copy's own before it is changed (a view shares the source's arrays until then).
    private ref CustomerRow Own(int c)
    {
        ref CustomerRow row = ref _rows[c];
        if (_shared is not null && c < _shared.Length && _shared[c])
        {
            row.Detach(_detail);
            _shared[c] = false;
        }

        return ref row;
    }

    private void AddPending(ref CustomerRow row, int c, PendingRepeat pending)
    {
        _due.Enqueue(c, pending.End);
        row.AddPending(pending);
    }

    private void DropPeriodsBefore(ref CustomerRow row, int c, int horizon)
    {
        if (row.OldestPeriod >= horizon)
        {
            return;
        }

        for (int p = row.OldestPeriod; p < horizon && p <= row.NewestPeriod; p++)
        {
            _customerPeriods.Remove(Pair(c, p));
        }

        row.Sketches.RemoveRange(PeriodSketches + row.OldestPeriod, PeriodSketches + horizon);
        row.ForgetPeriodsBefore(horizon);
    }

    // Settles the customer's waiting conversations that end before `settleBefore` and drops them from the row.
    private void Settle(int c, long settleBefore, List<long>? open, long window)
    {
        ref CustomerRow row = ref Own(c);
        _settling.Clear();
        _settling.AddRange(row.PendingRuns());
        ReadOnlySpan<PendingRepeat> all = CollectionsMarshal.AsSpan(_settling);
        row.ClearPending();
        for (int i = 0; i < all.Length; i++)
        {
            long end = all[i].End;
            if (end >= settleBefore)
            {
                row.AddPending(all[i]);
                continue;
            }

            long next = NextStart(all, i, open, end);
            if (next != long.MaxValue && next - end <= window)
            {
                AddRepeat(ref row, c, all[i], next - end);
            }
        }
    }

    private void AddRepeat(ref CustomerRow row, int c, in PendingRepeat conversation, long gap)
    {
        double alpha = _options.RelativeAccuracy;
        int period = EngagementPeriods.Number(conversation.Start, _options.TrendPeriod);
        Overall.AddRepeat(gap, SignalDetail.Full, alpha);
        Channels[_channelNames[conversation.Channel]].AddRepeat(gap, SignalDetail.Full, alpha);
        Periods[PeriodStart(period)].AddRepeat(gap, SignalDetail.Score, alpha);
        row.Counts.Repeats++;
        CollectionsMarshal.GetValueRefOrAddDefault(_customerChannels, Pair(c, conversation.Channel), out _).Repeats++;
        if (!_detail)
        {
            return;
        }

        row.Sketches.Add(TimeBetweenSketch, SketchSet.Measure(gap, _mapping));
        ref SignalCounts periodCounts = ref CollectionsMarshal.GetValueRefOrNullRef(_customerPeriods, Pair(c, period));
        if (!Unsafe.IsNullRef(ref periodCounts))
        {
            periodCounts.Repeats++;
        }

        _active[Pair(c, period)] = true;
    }

    // The earliest start at or after `end` among the other waiting conversations and the open sessions.
    private static long NextStart(ReadOnlySpan<PendingRepeat> waiting, int self, List<long>? open, long end)
    {
        long next = long.MaxValue;
        for (int j = 0; j < waiting.Length; j++)
        {
            long start = waiting[j].Start;
            if (j != self && start >= end && start < next)
            {
                next = start;
            }
        }

        foreach (long start in open ?? [])
        {
            if (start >= end && start < next)
            {
                next = start;
            }
        }

        return next;
    }

    // A closed conversation waiting for its repeat interaction: channel number, first and last message in ticks.
    private readonly record struct PendingRepeat(int Channel, long Start, long End);

    // One customer's totals. Its arrays (sketches, pending) are its own, except in a view until Detach.
    [StructLayout(LayoutKind.Auto)]
    private struct CustomerRow(string id)
    {
        public readonly string Id = id;
        public SignalCounts Counts;
        public SketchSet Sketches;
        public int OldestPeriod = int.MaxValue; // the kept periods lie in [OldestPeriod, NewestPeriod]
        public int NewestPeriod = int.MinValue;
        private PendingRepeat[]? _pending;
        private int _pendingCount;

        public readonly ReadOnlySpan<PendingRepeat> PendingRuns() => _pending.AsSpan(0, _pendingCount);

        public void AddPending(in PendingRepeat pending)
        {
            if (_pending is null || _pendingCount == _pending.Length)
            {
                Array.Resize(ref _pending, Math.Max(4, _pendingCount * 2));
            }

            _pending[_pendingCount++] = pending;
        }

        public void ClearPending() => _pendingCount = 0;

        public void KeepPeriod(int period)
        {
            OldestPeriod = Math.Min(OldestPeriod, period);
            NewestPeriod = Math.Max(NewestPeriod, period);
        }

        public void ForgetPeriodsBefore(int horizon)
        {
            (OldestPeriod, NewestPeriod) = NewestPeriod >= horizon ? (horizon, NewestPeriod) : (int.MaxValue, int.MinValue);
        }

        public void Detach(bool sketches)
        {
            Sketches = sketches ? Sketches.Clone() : Sketches;
            _pending = _pending?[.._pendingCount];
        }
    }
}
