using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// A mergeable accumulator of FCR from repeat contacts and self-service containment (<see cref="RepeatContactResult"/>),
/// overall or grouped by channel, reason or period.
/// </summary>
/// <remarks>
/// <para>
/// <b>Memory.</b> Whether a contact was repeated depends on contacts that may arrive later, in another batch, or on
/// another machine, so an exact and order-independent answer needs every contact's customer, reason and time. This
/// accumulator keeps one <see cref="ContactVisit"/> per contact (about 48 bytes; the id strings are shared with
/// the input). Memory therefore grows linearly with the number of contacts — unlike <see cref="ServiceAccumulator"/>.
/// A "last contact per customer and reason" map would be smaller but is exact only for input sorted by time and
/// cannot be merged across partitions that overlap in time, so it is not used.
/// </para>
/// <para>
/// <b>Merging.</b> <see cref="Merge(RepeatContactAccumulator)"/> appends the other's visits: exact, associative, and
/// commutative in its results (the results do not depend on the order of the visits). Results are computed in
/// <see cref="ToResult"/> / <see cref="ToResults{TKey}(Func{ContactVisit, TKey}, IEqualityComparer{TKey}?)"/>: sort each
/// customer's (and customer-and-reason's) assisted contact times, then one binary search per contact, O(n log n).
/// Grouping happens after the repeats are found, so a repeat in another channel or the next period still counts
/// against the first contact's channel and period.
/// </para>
/// <para>Not thread-safe: use one per thread and merge.</para>
/// </remarks>
public sealed class RepeatContactAccumulator
{
    private readonly List<ContactVisit> _visits;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The windows (<see cref="ServiceOptions.RepeatContactWindow"/>, <see cref="ServiceOptions.ContainmentWindow"/>) and confidence level; <see cref="ServiceOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RepeatContactAccumulator(ServiceOptions? options = null)
    {
        Options = (options ?? ServiceOptions.Default).Validate();
        _visits = [];
    }

    /// <summary>Restores an accumulator from its state (the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="visits">The visits.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    [JsonConstructor]
    public RepeatContactAccumulator(ServiceOptions options, IReadOnlyList<ContactVisit> visits)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(visits);
        _visits.AddRange(visits);
    }

    /// <summary>The options.</summary>
    public ServiceOptions Options { get; }

    /// <summary>The visits kept, one per contact, in the order added.</summary>
    public IReadOnlyList<ContactVisit> Visits => _visits;

    /// <summary>Adds one contact.</summary>
    /// <param name="contact">The contact.</param>
    /// <exception cref="ArgumentException">The contact is invalid (see <see cref="ContactRecord.Validate"/>); nothing is added.</exception>
    public void Add(in ContactRecord contact)
    {
        contact.Validate();
        _visits.Add(ContactVisit.From(contact));
    }

    /// <summary>Adds a batch of contacts; the whole batch is validated first.</summary>
    /// <param name="contacts">The contacts.</param>
    /// <exception cref="ArgumentException">A contact is invalid; the message names its index and id, and nothing is added.</exception>
    public void AddRange(ReadOnlySpan<ContactRecord> contacts)
    {
        for (int i = 0; i < contacts.Length; i++)
        {
            contacts[i].ValidateAt(i);
        }

        _visits.EnsureCapacity(_visits.Count + contacts.Length);
        foreach (ref readonly ContactRecord contact in contacts)
        {
            _visits.Add(ContactVisit.From(contact));
        }
    }

    /// <summary>Adds another accumulator's visits to this one.</summary>
    /// <param name="other">An accumulator with equal options; it is not modified.</param>
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(RepeatContactAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Options != Options)
        {
            throw new ArgumentException("Cannot merge repeat-contact accumulators with different options: the windows must be equal.", nameof(other));
        }

        _visits.AddRange(other._visits.ToArray());
    }

    /// <summary>FCR from repeat contacts and containment over all contacts.</summary>
    /// <returns>The result; without handled or self-service contacts the matching rate has no value.</returns>
    public RepeatContactResult ToResult()
    {
        Tally total = default;
        Evaluate((visit, repeated, contained) => total.Add(visit, repeated, contained));
        return total.ToResult(Options.ConfidenceLevel);
    }

    /// <summary>FCR from repeat contacts and containment per group, for example by channel, reason or period.</summary>
    /// <typeparam name="TKey">The group key.</typeparam>
    /// <param name="keySelector">The group of a visit, for example <c>v =&gt; v.Channel</c>.</param>
    /// <param name="comparer">How keys are compared; the default comparer when null.</param>
    /// <returns>One result per key that has at least one visit.</returns>
    public IReadOnlyDictionary<TKey, RepeatContactResult> ToResults<TKey>(Func<ContactVisit, TKey> keySelector, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        var tallies = new Dictionary<TKey, Tally>(comparer);
        Evaluate((visit, repeated, contained) =>
        {
            TKey key = keySelector(visit);
            tallies.TryGetValue(key, out Tally tally);
            tally.Add(visit, repeated, contained);
            tallies[key] = tally;
        });
        var results = new Dictionary<TKey, RepeatContactResult>(tallies.Count, comparer);
        foreach (KeyValuePair<TKey, Tally> pair in tallies)
        {
            results.Add(pair.Key, pair.Value.ToResult(Options.ConfidenceLevel));
        }

        return results;
    }

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    public RepeatContactAccumulator CreateEmpty() => new(Options);

    // Lets ChannelAccumulator, which adds contacts one by one after validating a whole batch, grow the list once.
    internal void EnsureCapacity(int capacity) => _visits.EnsureCapacity(capacity);

    // Calls back once per visit with whether a handled contact was repeated and whether a self-service one was contained.
    private void Evaluate(Action<ContactVisit, bool, bool> outcome)
    {
        var byCustomerReason = new Dictionary<(string Customer, string Reason), List<long>>();
        var byCustomer = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (ContactVisit visit in _visits)
        {
            if (!visit.IsAssisted)
            {
                continue;
            }

            long at = visit.At.UtcTicks;
            Times(byCustomerReason, (visit.CustomerId, visit.Reason)).Add(at);
            Times(byCustomer, visit.CustomerId).Add(at);
        }

        foreach (List<long> times in byCustomerReason.Values)
        {
            times.Sort();
        }

        foreach (List<long> times in byCustomer.Values)
        {
            times.Sort();
        }

        long repeatWindow = Options.RepeatContactWindow.Ticks;
        long containmentWindow = Options.ContainmentWindow.Ticks;
        foreach (ContactVisit visit in _visits)
        {
            long at = visit.At.UtcTicks;
            bool repeated = false;
            bool contained = false;
            if (visit.Kind == ContactVisitKind.Handled)
            {
                List<long> times = byCustomerReason[(visit.CustomerId, visit.Reason)];
                int next = FirstIndexAbove(times, at);
                repeated = next < times.Count && times[next] - at <= repeatWindow;
            }
            else if (visit.Kind == ContactVisitKind.SelfServiceResolved)
            {
                contained = true;
                if (byCustomer.TryGetValue(visit.CustomerId, out List<long>? times))
                {
                    int next = FirstIndexAbove(times, at - 1);
                    contained = !(next < times.Count && times[next] - at <= containmentWindow);
                }
            }

            outcome(visit, repeated, contained);
        }
    }

    private static List<long> Times<TKey>(Dictionary<TKey, List<long>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out List<long>? times))
        {
            times = [];
            map.Add(key, times);
        }

        return times;
    }

    // The index of the first element strictly greater than value in a sorted list (Count when none).
    private static int FirstIndexAbove(List<long> sorted, long value)
    {
        int lo = 0;
        int hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private struct Tally
    {
        private long _handled;
        private long _notRepeated;
        private long _selfService;
        private long _contained;

        public void Add(ContactVisit visit, bool repeated, bool contained)
        {
            switch (visit.Kind)
            {
                case ContactVisitKind.Handled:
                    _handled++;
                    _notRepeated += repeated ? 0 : 1;
                    break;
                case ContactVisitKind.SelfServiceResolved:
                case ContactVisitKind.SelfServiceUnresolved:
                    _selfService++;
                    _contained += contained ? 1 : 0;
                    break;
                default:
                    break;
            }
        }

        public readonly RepeatContactResult ToResult(double level) =>
            new(new RateResult(_handled, _notRepeated, level), new RateResult(_selfService, _contained, level));
    }
}
