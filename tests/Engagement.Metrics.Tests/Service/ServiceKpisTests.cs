using System.Text.Json;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Service;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Service;

public class ServiceKpisTests
{
    // The worked example of docs/metrics/fcr.md, aht.md, asa.md, service-level.md, response-times.md and
    // escalation-containment.md: nine contacts, every value below computed by hand on those pages.
    [Fact]
    public void WorkedExample_MatchesTheDocs()
    {
        ServiceResult r = ServiceKpis.Calculate(Contacts.WorkedExample());

        Assert.Equal(9, r.Contacts);
        Assert.Equal(5, r.Fcr.Count);
        Assert.Equal(0.6, r.Fcr.Value);
        // Wilson 95 % for 3/5, computed independently with mpmath: (0.230724281276, 0.882379225767).
        Assert.Equal(0.230724281276, r.Fcr.ConfidenceInterval!.Value.Lower, 10);
        Assert.Equal(0.882379225767, r.Fcr.ConfidenceInterval!.Value.Upper, 10);

        Assert.Equal(5, r.Aht.Count);
        Assert.Equal(368, r.Aht.Value!.Value, 9);
        Assert.Equal(196, r.Aht.Talk);
        Assert.Equal(16, r.Aht.Hold);
        Assert.Equal(6, r.Aht.Conference);
        Assert.Equal(150, r.Aht.Wrap);
        Assert.InRange(r.Aht.Median!.Value, 297, 303);   // 300 s within α = 1 %
        Assert.InRange(r.Aht.P90!.Value, 495, 505);      // 500 s within α = 1 %

        Assert.Equal(4, r.Asa.Count);
        Assert.Equal(15, r.Asa.Value);
        Assert.InRange(r.Asa.Median!.Value, 9.9, 10.1);
        Assert.InRange(r.Asa.P90!.Value, 14.85, 15.15);
        Assert.Equal(3, r.Asa.WithinTarget);

        Assert.Equal(2, r.Abandoned);
        Assert.Equal(1, r.ShortAbandoned);
        Assert.Equal(new RateResult(5, 3, 0.95), r.ServiceLevel);
        Assert.Equal(new RateResult(5, 1, 0.95), r.AbandonmentRate);
        Assert.Equal(new RateResult(5, 1, 0.95), r.EscalationRate);

        Assert.Equal(1, r.FirstResponse.Count);
        Assert.Equal(7200, r.FirstResponse.Value);
        Assert.Equal(1.0, r.FirstResponse.WithinTargetShare);
        Assert.Equal(108000, r.Resolution.Value);
        Assert.Equal(1.0, r.Resolution.WithinTargetShare);
        Assert.Equal(2, r.SelfService);
    }

    [Fact]
    public void WorkedExample_RepeatContacts_MatchTheDocs()
    {
        RepeatContactResult r = ServiceKpis.CalculateRepeatContacts(Contacts.WorkedExample());

        // C2 (customer B, billing) is followed by C5 two days later: 4 of 5 handled contacts not repeated.
        Assert.Equal(new RateResult(5, 4, 0.95), r.Fcr);
        // C7 is contained; C8 (customer G) is followed by the call C9 an hour later.
        Assert.Equal(new RateResult(2, 1, 0.95), r.Containment);
    }

    [Fact]
    public void Empty_HasCountsOfZeroAndNullValues()
    {
        ServiceResult r = ServiceKpis.Calculate([]);

        Assert.Equal(0, r.Contacts);
        Assert.Null(r.Fcr.Value);
        Assert.Null(r.Fcr.ConfidenceInterval);
        Assert.Null(r.Aht.Value);
        Assert.Null(r.Aht.Median);
        Assert.Null(r.Asa.Value);
        Assert.Null(r.Asa.WithinTargetShare);
        Assert.Null(r.ServiceLevel.Value);
        Assert.Null(r.FirstResponse.P90);
        Assert.Null(ServiceKpis.CalculateRepeatContacts([]).Containment.Value);
    }

    [Fact]
    public void ShortAbandonThreshold_Zero_CountsEveryAbandon()
    {
        ServiceResult r = ServiceKpis.Calculate(Contacts.WorkedExample(), new ServiceOptions { ShortAbandonThreshold = TimeSpan.Zero });
        Assert.Equal(new RateResult(6, 2, 0.95), r.AbandonmentRate);
        Assert.Equal(new RateResult(6, 3, 0.95), r.ServiceLevel);
    }

    [Fact]
    public void AbandonWithoutEndTime_CountsAsALongAbandon()
    {
        ContactRecord c = Contacts.Abandon("X", "A", "billing", Contacts.T0, 1) with { EndedAt = null };
        Assert.Equal(new RateResult(1, 1, 0.95), ServiceKpis.Calculate([c]).AbandonmentRate);
    }

    [Fact]
    public void ServiceLevelThreshold_IsInclusive()
    {
        ContactRecord at = Contacts.Voice("X", "A", "billing", Contacts.T0, 20, 60, 0, 0, 0, true);
        ContactRecord after = at with { ContactId = "Y", AnsweredAt = Contacts.T0.AddSeconds(20).AddTicks(1) };
        Assert.Equal(new RateResult(2, 1, 0.95), ServiceKpis.Calculate([at, after]).ServiceLevel);
    }

    [Fact]
    public void RepeatWindow_IsInclusiveAtItsEnd()
    {
        ContactRecord first = Contacts.Voice("X", "A", "billing", Contacts.T0, 5, 60, 0, 0, 0, true);
        ContactRecord atEnd = first with { ContactId = "Y", QueuedAt = Contacts.T0.AddDays(7), AnsweredAt = Contacts.T0.AddDays(7), EndedAt = Contacts.T0.AddDays(7) };
        ContactRecord justAfter = atEnd with { QueuedAt = atEnd.QueuedAt.AddTicks(1), AnsweredAt = atEnd.AnsweredAt!.Value.AddTicks(1), EndedAt = atEnd.EndedAt!.Value.AddTicks(1) };

        Assert.Equal(1, ServiceKpis.CalculateRepeatContacts([first, atEnd]).Fcr.Count - ServiceKpis.CalculateRepeatContacts([first, atEnd]).Fcr.Successes);
        Assert.Equal(new RateResult(2, 2, 0.95), ServiceKpis.CalculateRepeatContacts([first, justAfter]).Fcr);
    }

    [Fact]
    public void Repeat_InAnotherReason_IsNotARepeat_AndAnotherChannelIs()
    {
        ContactRecord first = Contacts.Voice("X", "A", "billing", Contacts.T0, 5, 60, 0, 0, 0, true);
        ContactRecord otherReason = first with { ContactId = "Y", Reason = "outage", QueuedAt = Contacts.T0.AddHours(1), AnsweredAt = Contacts.T0.AddHours(1), EndedAt = Contacts.T0.AddHours(1) };
        ContactRecord otherChannel = otherReason with { ContactId = "Z", Reason = "billing", Channel = "chat" };

        Assert.Equal(1.0, ServiceKpis.CalculateRepeatContacts([first, otherReason]).Fcr.Value);

        var acc = new RepeatContactAccumulator();
        acc.AddRange([first, otherChannel]);
        IReadOnlyDictionary<string, RepeatContactResult> byChannel = acc.ToResults(v => v.Channel, StringComparer.Ordinal);
        // The chat contact repeats the voice call: the failure is charged to voice, where the first contact was.
        Assert.Equal(new RateResult(1, 0, 0.95), byChannel["voice"].Fcr);
        Assert.Equal(new RateResult(1, 1, 0.95), byChannel["chat"].Fcr);
    }

    [Fact]
    public void Drivers_WorkedExample_MatchesContactDriversPage()
    {
        var byReason = new SegmentedServiceAccumulator<string>(comparer: StringComparer.Ordinal);
        foreach (ContactRecord c in Contacts.WorkedExample())
        {
            byReason.Add(c.Reason, c);
        }

        IReadOnlyList<ContactDriver> drivers = ContactDrivers.Analyze(byReason.ToResults());

        Assert.Equal(["billing", "delivery", "outage"], drivers.Select(d => d.Reason));
        Assert.Equal([5L, 2L, 2L], drivers.Select(d => d.Count));
        Assert.Equal(5.0 / 9, drivers[0].Share!.Value, 12);
        Assert.Equal(7.0 / 9, drivers[1].CumulativeShare, 12);
        // 7/9 = 77.8 % < 80 %, so the third reason is needed to cover 80 %.
        Assert.All(drivers, d => Assert.True(d.InParetoSet));
        Assert.Equal(new RateResult(4, 3, 0.95), drivers[0].Fcr);
        Assert.Equal(310, drivers[0].Aht.Value!.Value, 9);
        Assert.Null(drivers[0].PreviousShare);
        Assert.False(drivers[0].IsRising);
    }

    [Fact]
    public void Drivers_ParetoSet_IsTheSmallestPrefixReachingTheShare()
    {
        var current = new Dictionary<string, ServiceResult>
        {
            ["a"] = WithContacts("a", 60),
            ["b"] = WithContacts("b", 20),
            ["c"] = WithContacts("c", 15),
            ["d"] = WithContacts("d", 5),
        };

        IReadOnlyList<ContactDriver> drivers = ContactDrivers.Analyze(current);

        Assert.Equal([true, true, false, false], drivers.Select(d => d.InParetoSet));
    }

    [Fact]
    public void Drivers_Rising_UsesTheTwoProportionTest()
    {
        var previous = new Dictionary<string, ServiceResult> { ["a"] = WithContacts("a", 100), ["b"] = WithContacts("b", 900) };
        var current = new Dictionary<string, ServiceResult> { ["a"] = WithContacts("a", 200), ["b"] = WithContacts("b", 800) };

        IReadOnlyList<ContactDriver> drivers = ContactDrivers.Analyze(current, previous);
        ContactDriver a = drivers.Single(d => d.Reason == "a");

        // p1 = 0.2, p0 = 0.1, SE = √(0.2·0.8/1000 + 0.1·0.9/1000) = 0.0158114; z = 6.3246 (hand computation).
        Assert.Equal(0.1, a.ShareChange.Difference!.Value, 12);
        Assert.Equal(6.324555320, a.ShareChange.Statistic!.Value, 6);
        Assert.True(a.IsRising);
        Assert.False(drivers.Single(d => d.Reason == "b").IsRising);
    }

    [Property]
    public bool Aht_EqualsTotalHandleTimeOverHandled_AndTheSumOfComponentMeans(int seed, byte size)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        HandleTimeResult aht = ServiceKpis.Calculate(contacts).Aht;
        ContactRecord[] handled = contacts.Where(c => c.IsHandled).ToArray();
        if (handled.Length == 0)
        {
            return aht.Value is null && aht.Count == 0;
        }

        double oracle = handled.Average(c => c.HandleTime.TotalSeconds);
        double components = aht.Talk!.Value + aht.Hold!.Value + aht.Conference!.Value + aht.Wrap!.Value;
        return Math.Abs(aht.Value!.Value - oracle) <= 1e-9 * Math.Max(1, oracle)
            && Math.Abs(components - oracle) <= 1e-9 * Math.Max(1, oracle)
            && Math.Abs(aht.Talk!.Value - handled.Average(c => c.Talk.TotalSeconds)) <= 1e-9 * Math.Max(1, oracle);
    }

    [Property]
    public bool Rates_AreInUnitInterval_AndIntervalsContainThem(int seed, byte size)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        ServiceResult r = ServiceKpis.Calculate(contacts);
        RepeatContactResult repeat = ServiceKpis.CalculateRepeatContacts(contacts);
        RateResult[] rates = [r.Fcr, r.ServiceLevel, r.AbandonmentRate, r.EscalationRate, repeat.Fcr, repeat.Containment];
        return rates.All(rate => rate.Value is null
            ? rate.Count == 0
            : rate.Value >= 0 && rate.Value <= 1 && rate.ConfidenceInterval!.Value.Contains(rate.Value.Value))
            && (r.Asa.WithinTargetShare is null or (>= 0 and <= 1))
            && (r.FirstResponse.WithinTargetShare is null or (>= 0 and <= 1));
    }

    [Property]
    public bool MergeOfSplit_EqualsWhole(int seed, byte size, int cut)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        int at = contacts.Length == 0 ? 0 : Math.Abs(cut % (contacts.Length + 1));
        var left = new ServiceAccumulator();
        var right = new ServiceAccumulator();
        left.AddRange(contacts.AsSpan(0, at));
        foreach (ContactRecord c in contacts[at..])
        {
            right.Add(c);
        }

        right.Merge(left); // the other order, too: merging is commutative
        var repeatLeft = new RepeatContactAccumulator();
        var repeatRight = new RepeatContactAccumulator();
        repeatLeft.AddRange(contacts.AsSpan(at));
        repeatRight.AddRange(contacts.AsSpan(0, at));
        repeatLeft.Merge(repeatRight);
        return right.ToResult() == ServiceKpis.Calculate(contacts)
            && repeatLeft.ToResult() == ServiceKpis.CalculateRepeatContacts(contacts);
    }

    [Property]
    public bool Segments_MergeIntoTheWhole(int seed, byte size)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        var byChannel = new SegmentedServiceAccumulator<string>(comparer: StringComparer.Ordinal);
        foreach (ContactRecord c in contacts)
        {
            byChannel.Add(c.Channel, c);
        }

        var acc = new RepeatContactAccumulator();
        acc.AddRange(contacts);
        IReadOnlyDictionary<string, RepeatContactResult> groups = acc.ToResults(v => v.Channel);
        RepeatContactResult total = acc.ToResult();
        return byChannel.ToOverall().ToResult() == ServiceKpis.Calculate(contacts)
            && groups.Values.Sum(g => g.Fcr.Successes) == total.Fcr.Successes
            && groups.Values.Sum(g => g.Containment.Count) == total.Containment.Count;
    }

    [Property]
    public bool RepeatFcr_EqualsAQuadraticOracle_InAnyOrder(int seed, byte size)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        var options = ServiceOptions.Default;
        long handled = 0, notRepeated = 0, selfService = 0, contained = 0;
        foreach (ContactRecord c in contacts)
        {
            if (c.IsHandled)
            {
                handled++;
                bool repeated = contacts.Any(o => !o.SelfService && o.CustomerId == c.CustomerId && o.Reason == c.Reason
                    && o.QueuedAt > c.QueuedAt && o.QueuedAt - c.QueuedAt <= options.RepeatContactWindow);
                notRepeated += repeated ? 0 : 1;
            }
            else if (c.SelfService)
            {
                selfService++;
                bool followed = contacts.Any(o => !o.SelfService && o.CustomerId == c.CustomerId
                    && o.QueuedAt >= c.QueuedAt && o.QueuedAt - c.QueuedAt <= options.ContainmentWindow);
                contained += c.Resolved && !followed ? 1 : 0;
            }
        }

        ContactRecord[] shuffled = contacts.OrderBy(c => c.ContactId.GetHashCode(StringComparison.Ordinal) ^ seed).ToArray();
        RepeatContactResult r = ServiceKpis.CalculateRepeatContacts(shuffled);
        return r.Fcr == new RateResult(handled, notRepeated, 0.95) && r.Containment == new RateResult(selfService, contained, 0.95);
    }

    [Property]
    public bool Percentiles_AreWithinTheSketchBoundOfASortOracle(int seed, byte size)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        ServiceResult r = ServiceKpis.Calculate(contacts);
        double alpha = ServiceOptions.Default.QuantileRelativeAccuracy;
        double[] waits = contacts.Where(c => c.AnsweredAt is not null).Select(c => (c.AnsweredAt!.Value - c.QueuedAt).TotalSeconds).Order().ToArray();
        double[] handle = contacts.Where(c => c.IsHandled).Select(c => c.HandleTime.TotalSeconds).Order().ToArray();
        return Within(r.Asa.Median, waits, 0.5, alpha) && Within(r.Asa.P90, waits, 0.9, alpha)
            && Within(r.Aht.Median, handle, 0.5, alpha) && Within(r.Aht.P90, handle, 0.9, alpha);
    }

    [Fact]
    public void Json_RoundTripOfState_ThenMerge_GivesTheSameAnswer()
    {
        ContactRecord[] contacts = Contacts.Random(7, 200);
        var first = new ServiceAccumulator();
        first.AddRange(contacts.AsSpan(0, 120));
        string json = JsonSerializer.Serialize(first, EngagementMetricsJsonContext.Default.ServiceAccumulator);
        ServiceAccumulator restored = JsonSerializer.Deserialize(json, EngagementMetricsJsonContext.Default.ServiceAccumulator)!;
        restored.AddRange(contacts.AsSpan(120));

        Assert.Equal(ServiceKpis.Calculate(contacts), restored.ToResult());
    }

    [Property]
    public bool PercentilesOff_LeavesMeansAndRatesUnchanged_AndMediansNull(int seed, byte size)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        ServiceResult with = ServiceKpis.Calculate(contacts);
        var options = new ServiceOptions { Percentiles = false };
        var acc = new ServiceAccumulator(options);
        acc.AddRange(contacts);
        ServiceAccumulator restored = JsonSerializer.Deserialize(JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.ServiceAccumulator), EngagementMetricsJsonContext.Default.ServiceAccumulator)!;
        ServiceResult without = restored.ToResult();
        return without.Aht.Talk == with.Aht.Talk && without.Aht.Value == with.Aht.Value && without.Asa.Value == with.Asa.Value
            && without.ServiceLevel == with.ServiceLevel && without.Fcr == with.Fcr && without.Asa.WithinTarget == with.Asa.WithinTarget
            && without.Aht.Median is null && without.Asa.P90 is null && without.FirstResponse.Median is null;
    }

    [Fact]
    public void Merge_WithDifferentOptions_Throws()
    {
        var a = new ServiceAccumulator();
        var b = new ServiceAccumulator(new ServiceOptions { ServiceLevelThreshold = TimeSpan.FromSeconds(30) });
        Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Throws<ArgumentException>(() => new RepeatContactAccumulator().Merge(new RepeatContactAccumulator(new ServiceOptions { RepeatContactWindow = TimeSpan.FromDays(1) })));
    }

    [Fact]
    public void Options_Invalid_ReportsEveryBrokenRule()
    {
        var e = Assert.Throws<ArgumentException>(() => new ServiceOptions
        {
            ServiceLevelThreshold = TimeSpan.FromSeconds(-1),
            RepeatContactWindow = TimeSpan.Zero,
            ParetoShare = 1.5,
        }.Validate());
        Assert.Contains("ServiceLevelThreshold", e.Message, StringComparison.Ordinal);
        Assert.Contains("RepeatContactWindow", e.Message, StringComparison.Ordinal);
        Assert.Contains("ParetoShare", e.Message, StringComparison.Ordinal);
    }

    private static bool Within(double? estimate, double[] sorted, double p, double alpha)
    {
        if (sorted.Length == 0)
        {
            return estimate is null;
        }

        double exact = sorted[(int)Math.Floor(p * (sorted.Length - 1))];
        return Math.Abs(estimate!.Value - exact) <= (alpha * Math.Abs(exact)) + 1e-9;
    }

    private static ServiceResult WithContacts(string reason, int count)
    {
        var acc = new ServiceAccumulator();
        for (int i = 0; i < count; i++)
        {
            acc.Add(Contacts.Voice(reason + i, "c" + i, reason, Contacts.T0, 5, 60, 0, 0, 0, true));
        }

        return acc.ToResult();
    }
}
