namespace Engagement.Metrics.Conversations;

// The closed conversations of a StreamingConversationAccumulator, folded into groups: overall, per channel, per trend
// period and per customer. Distinct-customer counts are derived from the customers when a result is made.
internal sealed class StreamingTotals
{
    private readonly StreamingConversationOptions _options;
    private readonly HashSet<CustomerTotals> _awaiting = [];
    private readonly StreamingTotals? _base; // an overlay reads its base's customers until it changes one

    public StreamingTotals(StreamingConversationOptions options)
    {
        _options = options;
    }

    // A copy for making results: the groups are cloned (a few), a customer only when it is changed.
    private StreamingTotals(StreamingTotals source)
        : this(source._options)
    {
        _base = source;
        Overall = source.Overall.Clone();
        CustomerTotals.MergeInto(Channels, source.Channels);
        CustomerTotals.MergeInto(Periods, source.Periods);
        foreach (CustomerTotals waiting in source._awaiting)
        {
            _awaiting.Add(Customer(waiting.CustomerId));
        }
    }

    public SignalTotals Overall { get; private set; } = new();

    public Dictionary<string, SignalTotals> Channels { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<DateOnly, SignalTotals> Periods { get; } = [];

    public Dictionary<string, CustomerTotals> Customers { get; } = new(StringComparer.Ordinal);

    public void Restore(SignalTotals overall, IReadOnlyDictionary<string, SignalTotals> channels, IReadOnlyDictionary<DateOnly, SignalTotals> periods, IReadOnlyList<CustomerTotals> customers)
    {
        Overall = overall.Clone();
        CustomerTotals.MergeInto(Channels, channels);
        CustomerTotals.MergeInto(Periods, periods);
        foreach (CustomerTotals customer in customers)
        {
            MergeCustomer(customer);
        }
    }

    // Adds one closed conversation to every group it belongs to; its repeat interaction waits in the customer's list.
    // The customer's periods before `horizon` are dropped (and a conversation that starts before it adds none).
    public void Fold(string customerId, string channel, in ConversationFacts f, ReadOnlySpan<long> responseTimes, DateOnly horizon)
    {
        double alpha = _options.RelativeAccuracy;
        DateOnly period = PeriodOf(f.Start);
        Overall.Add(f, responseTimes, SignalDetail.Full, alpha);
        For(Channels, channel).Add(f, responseTimes, SignalDetail.Full, alpha);
        For(Periods, period).Add(f, responseTimes, SignalDetail.Score, alpha);
        CustomerTotals customer = Customer(customerId);
        customer.Totals.Add(f, responseTimes, SignalDetail.Full, alpha);
        For(customer.ChannelTotals, channel).Add(f, responseTimes, SignalDetail.Counts, alpha);
        customer.Active.Add(period.DayNumber);
        DropPeriodsBefore(customer, horizon);
        if (period >= horizon)
        {
            For(customer.PeriodTotals, period).Add(f, responseTimes, SignalDetail.Score, alpha);
        }

        customer.Awaiting.Add(new ClosedConversation(channel, new DateTimeOffset(f.Start, TimeSpan.Zero), new DateTimeOffset(f.End, TimeSpan.Zero)));
        _awaiting.Add(customer);
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
        var due = new List<CustomerTotals>();
        foreach (CustomerTotals customer in _awaiting)
        {
            if (EarliestEnd(customer.Awaiting) < settleBefore)
            {
                due.Add(customer);
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        Dictionary<string, List<long>> open = openStarts([.. due.Select(c => c.CustomerId)]);
        foreach (CustomerTotals customer in due)
        {
            Settle(customer, settleBefore, open.GetValueOrDefault(customer.CustomerId), window);
            if (customer.Awaiting.Count == 0)
            {
                _awaiting.Remove(customer);
            }
        }
    }

    private static long EarliestEnd(List<ClosedConversation> waiting)
    {
        long earliest = long.MaxValue;
        foreach (ClosedConversation w in waiting)
        {
            earliest = Math.Min(earliest, w.End.UtcTicks);
        }

        return earliest;
    }

    // Settles the customer's waiting conversations that end before `settleBefore` and drops them from the list.
    private void Settle(CustomerTotals customer, long settleBefore, List<long>? open, long window)
    {
        List<ClosedConversation> waiting = customer.Awaiting;
        int kept = 0;
        ClosedConversation[] all = [.. waiting];
        for (int i = 0; i < all.Length; i++)
        {
            long end = all[i].End.UtcTicks;
            if (end >= settleBefore)
            {
                waiting[kept++] = all[i];
                continue;
            }

            long next = NextStart(all, i, open, end);
            if (next != long.MaxValue && next - end <= window)
            {
                AddRepeat(customer, all[i], next - end, _options.RelativeAccuracy);
            }
        }

        waiting.RemoveRange(kept, waiting.Count - kept);
    }

    public StreamingTotals Overlay() => new(this);

    // Every customer: the ones held here and, for an overlay, the base's unchanged ones.
    public IEnumerable<CustomerTotals> AllCustomers() => _base is null
        ? Customers.Values
        : Customers.Values.Concat(_base.Customers.Values.Where(c => !Customers.ContainsKey(c.CustomerId)));

    public void Merge(StreamingTotals other)
    {
        Overall.Merge(other.Overall);
        CustomerTotals.MergeInto(Channels, other.Channels);
        CustomerTotals.MergeInto(Periods, other.Periods);
        foreach (CustomerTotals customer in other.Customers.Values)
        {
            MergeCustomer(customer);
        }
    }

    public DateOnly PeriodOf(long ticks)
    {
        EngagementPeriod period = _options.TrendPeriod;
        return EngagementPeriods.Start(EngagementPeriods.Number(ticks, period), period);
    }

    private void MergeCustomer(CustomerTotals customer)
    {
        CustomerTotals mine = Customer(customer.CustomerId);
        mine.Merge(customer);
        if (mine.Awaiting.Count > 0)
        {
            _awaiting.Add(mine);
        }
    }

    private CustomerTotals Customer(string customerId)
    {
        if (!Customers.TryGetValue(customerId, out CustomerTotals? customer))
        {
            customer = _base?.Customers.GetValueOrDefault(customerId)?.Clone() ?? new CustomerTotals(customerId);
            Customers.Add(customerId, customer);
        }

        return customer;
    }

    private void AddRepeat(CustomerTotals customer, ClosedConversation conversation, long gap, double alpha)
    {
        DateOnly period = PeriodOf(conversation.Start.UtcTicks);
        Overall.AddRepeat(gap, SignalDetail.Full, alpha);
        Channels[conversation.Channel].AddRepeat(gap, SignalDetail.Full, alpha);
        Periods[period].AddRepeat(gap, SignalDetail.Score, alpha);
        customer.Totals.AddRepeat(gap, SignalDetail.Full, alpha);
        customer.ChannelTotals[conversation.Channel].AddRepeat(gap, SignalDetail.Counts, alpha);
        customer.PeriodTotals.GetValueOrDefault(period)?.AddRepeat(gap, SignalDetail.Score, alpha);
        customer.Repeated.Add(period.DayNumber);
    }

    private static void DropPeriodsBefore(CustomerTotals customer, DateOnly horizon)
    {
        SortedList<DateOnly, SignalTotals> periods = customer.PeriodTotals;
        while (periods.Count > 0 && periods.Keys[0] < horizon)
        {
            periods.RemoveAt(0);
        }
    }

    // The earliest start at or after `end` among the other waiting conversations and the open sessions.
    private static long NextStart(ClosedConversation[] waiting, int self, List<long>? open, long end)
    {
        long next = long.MaxValue;
        for (int j = 0; j < waiting.Length; j++)
        {
            long start = waiting[j].Start.UtcTicks;
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

    private static SignalTotals For<TKey>(IDictionary<TKey, SignalTotals> groups, TKey key)
    {
        if (!groups.TryGetValue(key, out SignalTotals? totals))
        {
            totals = new SignalTotals();
            groups.Add(key, totals);
        }

        return totals;
    }
}
