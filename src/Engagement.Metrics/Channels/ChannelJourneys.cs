using Engagement.Metrics.Service;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Channels;

// The journey KPIs over the visits of a ChannelAccumulator, in O(n log n): visits are bucketed by (customer, reason)
// with a counting sort, each bucket is sorted by time, and every question ("is there a contact on another channel
// in (t, t + w]?") is one binary search plus an O(1) look-up in a precomputed "next index with a different channel"
// (or "next assisted index") array.
internal static class ChannelJourneys
{
    public static ChannelResult Evaluate(ChannelAccumulator accumulator)
    {
        IReadOnlyList<ContactVisit> visits = accumulator.Visits;
        ChannelOptions options = accumulator.Options;
        int n = visits.Count;
        long window = options.Window.Ticks;

        // Dense ids for channels and (customer, reason) pairs; kinds per visit (a contact flagged self-service is
        // self-service whatever its channel, otherwise it has its channel's kind).
        var channelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var channelNames = new List<string>();
        var channelKinds = new List<ChannelKind>();
        var groupIds = new Dictionary<(string Customer, string Reason), int>(n);
        var groupSizes = new List<int>(n);
        var channelOf = new int[n];
        var groupOf = new int[n];
        var kindOf = new ChannelKind[n];
        for (int i = 0; i < n; i++)
        {
            ContactVisit v = visits[i];
            if (!channelIds.TryGetValue(v.Channel, out int c))
            {
                c = channelNames.Count;
                channelIds.Add(v.Channel, c);
                channelNames.Add(v.Channel);
                options.TryGetKind(v.Channel, out ChannelKind channelKind);
                channelKinds.Add(channelKind);
            }

            if (!groupIds.TryGetValue((v.CustomerId, v.Reason), out int g))
            {
                g = groupSizes.Count;
                groupIds.Add((v.CustomerId, v.Reason), g);
                groupSizes.Add(0);
            }

            groupSizes[g]++;
            channelOf[i] = c;
            groupOf[i] = g;
            kindOf[i] = v.IsAssisted ? channelKinds[c] : ChannelKind.SelfService;
        }

        // Counting sort by group, then each group by time.
        var start = new int[groupSizes.Count + 1];
        for (int g = 0; g < groupSizes.Count; g++)
        {
            start[g + 1] = start[g] + groupSizes[g];
        }

        var next = (int[])start.Clone();
        var ticks = new long[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            int p = next[groupOf[i]]++;
            ticks[p] = visits[i].At.UtcTicks;
            order[p] = i;
        }

        for (int g = 0; g < groupSizes.Count; g++)
        {
            if (groupSizes[g] > 1)
            {
                Array.Sort(ticks, order, start[g], groupSizes[g]);
            }
        }

        // Within each group: first index >= k whose channel differs from k's; last index <= k whose channel differs;
        // first index >= k that is assisted. Sentinels: the group's end (forward) or start - 1 (backward).
        var nextOther = new int[n];
        var previousOther = new int[n];
        var nextAssisted = new int[n];
        for (int g = 0; g < groupSizes.Count; g++)
        {
            int lo = start[g];
            int hi = start[g + 1];
            for (int k = hi - 1; k >= lo; k--)
            {
                nextOther[k] = k + 1 < hi ? (channelOf[order[k + 1]] != channelOf[order[k]] ? k + 1 : nextOther[k + 1]) : hi;
                nextAssisted[k] = kindOf[order[k]] == ChannelKind.Assisted ? k : (k + 1 < hi ? nextAssisted[k + 1] : hi);
            }

            for (int k = lo; k < hi; k++)
            {
                previousOther[k] = k > lo ? (channelOf[order[k - 1]] != channelOf[order[k]] ? k - 1 : previousOther[k - 1]) : lo - 1;
            }
        }

        // Tallies per channel and overall.
        int channels = channelNames.Count;
        var switched = new long[channels];
        var escalatable = new long[channels];
        var escalated = new long[channels];
        var kindCounts = new long[3];
        var escalationCount = new long[3];
        var escalationHits = new long[3];
        long switches = 0;
        long repeats = 0;
        var customers = new HashSet<string>(groupSizes.Count, StringComparer.Ordinal);
        var customersRepeating = new HashSet<string>(StringComparer.Ordinal);
        for (int g = 0; g < groupSizes.Count; g++)
        {
            int lo = start[g];
            int hi = start[g + 1];
            for (int k = lo; k < hi; k++)
            {
                int i = order[k];
                long t = ticks[k];
                int c = channelOf[i];
                ChannelKind kind = kindOf[i];
                kindCounts[(int)kind]++;
                customers.Add(visits[i].CustomerId);

                int after = UpperBound(ticks, lo, hi, t);
                int other = after < hi && channelOf[order[after]] == c ? nextOther[after] : after;
                if (other < hi && ticks[other] - t <= window)
                {
                    switched[c]++;
                    switches++;
                }

                int before = LowerBound(ticks, lo, hi, t) - 1;
                int previous = before >= lo && channelOf[order[before]] == c ? previousOther[before] : before;
                if (previous >= lo && t - ticks[previous] <= window)
                {
                    repeats++;
                    customersRepeating.Add(visits[i].CustomerId);
                }

                if (kind != ChannelKind.Assisted)
                {
                    int from = LowerBound(ticks, lo, hi, t);
                    int assisted = from < hi ? nextAssisted[from] : hi;
                    bool hit = assisted < hi && ticks[assisted] - t <= window;
                    escalatable[c]++;
                    escalationCount[(int)kind]++;
                    if (hit)
                    {
                        escalated[c]++;
                        escalationHits[(int)kind]++;
                    }
                }
            }
        }

        var contactsPerChannel = new long[channels];
        for (int i = 0; i < n; i++)
        {
            contactsPerChannel[channelOf[i]]++;
        }

        var stats = new ChannelStats[channels];
        CsatResult noCsat = new CsatAccumulator(options.Csat).ToResult();
        for (int c = 0; c < channels; c++)
        {
            string name = channelNames[c];
            options.TryGetKind(name, out ChannelKind kind);
            ServiceResult service = accumulator.Channels[name].ToResult();
            CsatResult csat = accumulator.Csat.TryGetValue(name, out CsatAccumulator? responses) ? responses.ToResult() : noCsat;
            stats[c] = new ChannelStats(
                name,
                kind,
                accumulator.Rate(n, contactsPerChannel[c]),
                service.Fcr,
                service.Aht,
                csat,
                accumulator.Rate(contactsPerChannel[c], switched[c]),
                accumulator.Rate(escalatable[c], escalated[c]));
        }

        // Channels with CSAT responses but no contacts still report their CSAT.
        var list = new List<ChannelStats>(stats);
        foreach (KeyValuePair<string, CsatAccumulator> responses in accumulator.Csat)
        {
            if (!channelIds.ContainsKey(responses.Key))
            {
                options.TryGetKind(responses.Key, out ChannelKind kind);
                RateResult none = accumulator.Rate(0, 0);
                list.Add(new ChannelStats(responses.Key, kind, accumulator.Rate(n, 0), none, new HandleTimeResult(0, null, null, null, null, null, null), responses.Value.ToResult(), none, none));
            }
        }

        list.Sort(static (a, b) => a.Contacts != b.Contacts ? b.Contacts.CompareTo(a.Contacts) : string.CompareOrdinal(a.Channel, b.Channel));
        return new ChannelResult(
            n,
            list,
            accumulator.Rate(n, kindCounts[(int)ChannelKind.Assisted]),
            accumulator.Rate(n, kindCounts[(int)ChannelKind.Digital]),
            accumulator.Rate(n, kindCounts[(int)ChannelKind.SelfService]),
            accumulator.Rate(escalationCount[(int)ChannelKind.Digital], escalationHits[(int)ChannelKind.Digital]),
            accumulator.Rate(escalationCount[(int)ChannelKind.SelfService], escalationHits[(int)ChannelKind.SelfService]),
            accumulator.Rate(n, switches),
            accumulator.Rate(n, repeats),
            accumulator.Rate(customers.Count, customersRepeating.Count));
    }

    // First index in [lo, hi) with ticks > value.
    private static int UpperBound(long[] ticks, int lo, int hi, long value)
    {
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ticks[mid] <= value)
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

    // First index in [lo, hi) with ticks >= value.
    private static int LowerBound(long[] ticks, int lo, int hi, long value)
    {
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ticks[mid] < value)
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
}
