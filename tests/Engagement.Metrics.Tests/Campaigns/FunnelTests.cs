using Engagement.Metrics.Campaigns;
using Engagement.Metrics.Service;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Campaigns;

public sealed class FunnelTests
{
    internal static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The ten sends of docs/metrics/funnel.md's worked example.</summary>
    internal static CampaignSend[] WorkedExample() =>
    [
        Send("S1", "spring", "A", "email", T0, "doc"),
        Send("S2", "spring", "B", "email", T0, "do"),
        Send("S3", "spring", "C", "email", T0, "dou"),
        Send("S4", "spring", "D", "email", T0, "dc"),
        Send("S5", "spring", "E", "email", T0, string.Empty),
        Send("S6", "spring", "F", "email", T0, "do"),
        Send("S7", "promo", "A", "sms", T0.AddDays(7), "dr"),
        Send("S8", "promo", "B", "sms", T0.AddDays(7), "d"),
        Send("S9", "promo", "C", "sms", T0.AddDays(7), "du"),
        Send("S10", "promo", "D", "sms", T0.AddDays(7), string.Empty),
    ];

    // flags: d delivered, o opened, c clicked, r replied, u unsubscribed.
    internal static CampaignSend Send(string id, string campaign, string customer, string channel, DateTimeOffset at, string flags) => new()
    {
        SendId = id, CampaignId = campaign, CustomerId = customer, Channel = channel, SentAt = at,
        Delivered = flags.Contains('d', StringComparison.Ordinal), Opened = flags.Contains('o', StringComparison.Ordinal),
        Clicked = flags.Contains('c', StringComparison.Ordinal), Replied = flags.Contains('r', StringComparison.Ordinal),
        Unsubscribed = flags.Contains('u', StringComparison.Ordinal),
    };

    /// <summary>Valid random sends: 1–6 customers, 3 campaigns, 3 channels, over 8 weeks.</summary>
    internal static CampaignSend[] Random(int seed, int size)
    {
        var random = new Random(seed);
        string[] channels = ["email", "sms", "push"];
        var sends = new CampaignSend[size];
        for (int i = 0; i < size; i++)
        {
            bool delivered = random.NextDouble() < 0.9;
            sends[i] = new CampaignSend
            {
                SendId = "S" + i,
                CampaignId = "K" + random.Next(3),
                CustomerId = "C" + random.Next(1 + (size / 4)),
                Channel = channels[random.Next(3)],
                SentAt = T0.AddHours(random.Next(24 * 56)),
                Delivered = delivered,
                Opened = delivered && random.NextDouble() < 0.5,
                Clicked = delivered && random.NextDouble() < 0.2,
                Replied = delivered && random.NextDouble() < 0.1,
                Unsubscribed = delivered && random.NextDouble() < 0.05,
            };
        }

        return sends;
    }

    [Fact]
    public void WorkedExample_Funnel_MatchesTheDocs()
    {
        FunnelResult r = CampaignFunnels.Calculate(WorkedExample());

        Assert.Equal((10, 8, 4, 2, 6, 2, 1, 2), (r.Sent, r.Delivered, r.TrackedOpens, r.ImpliedOpens, r.Opened, r.Clicked, r.Replied, r.Unsubscribed));
        Assert.Equal(0.8, r.DeliveryRate.Value);
        Assert.Equal(0.75, r.OpenRate.Value);
        Assert.Equal(2.0 / 6, r.ClickToOpenRate.Value!.Value, 15);
        Assert.Equal(0.25, r.ClickRate.Value);
        Assert.Equal(1.0 / 6, r.ReplyToOpenRate.Value!.Value, 15);
        Assert.Equal(0.125, r.ReplyRate.Value);
        Assert.Equal(0.25, r.UnsubscribeRate.Value);
        Assert.Equal(2.0 / 6, r.ImpliedOpenShare.Value!.Value, 15);

        // Wilson 95 % of 2/8 (mpmath, z = 1.959963984540054): [0.0714792, 0.5907246].
        Interval click = r.ClickRate.ConfidenceInterval!.Value;
        Assert.Equal(0.0714792127521090, click.Lower, 12);
        Assert.Equal(0.5907245696898311, click.Upper, 12);
    }

    [Fact]
    public void WorkedExample_ByChannelAndCampaign_MatchTheDocs()
    {
        var byChannel = new SegmentedAccumulator<string, FunnelAccumulator>(new FunnelAccumulator(), StringComparer.Ordinal);
        var byCampaign = new SegmentedAccumulator<string, FunnelAccumulator>(new FunnelAccumulator(), StringComparer.Ordinal);
        foreach (CampaignSend s in WorkedExample())
        {
            byChannel.Add(s.Channel, s);
            byCampaign.Add(s.CampaignId, s);
        }

        FunnelResult email = byChannel.Groups["email"].ToResult();
        FunnelResult sms = byChannel.Groups["sms"].ToResult();
        Assert.Equal((6, 5, 4, 1, 2, 0, 1), (email.Sent, email.Delivered, email.TrackedOpens, email.ImpliedOpens, email.Clicked, email.Replied, email.Unsubscribed));
        Assert.Equal((4, 3, 0, 1, 0, 1, 1), (sms.Sent, sms.Delivered, sms.TrackedOpens, sms.ImpliedOpens, sms.Clicked, sms.Replied, sms.Unsubscribed));
        Assert.Equal(0.4, email.ClickRate.Value);
        Assert.Equal(email, byCampaign.Groups["spring"].ToResult());
        Assert.Equal(CampaignFunnels.Calculate(WorkedExample()), byChannel.ToOverall().ToResult());
    }

    [Fact]
    public void WorkedExample_Frequency_DataWindowAndFixedWindow()
    {
        // Data window: first send T0, last T0 + 7 d → 1 week. A–D got 2 sends (2/week), E and F one (1/week).
        SendFrequencyResult r = CampaignFunnels.Frequency(WorkedExample());
        Assert.Equal(1.0, r.WindowWeeks);
        Assert.Equal(6, r.Customers);
        Assert.Equal(["<1", "1–2", "2–3", "3–4", "4–6", "6+"], r.Buckets.Select(b => b.Label));
        Assert.Equal([0L, 2, 4, 0, 0, 0], r.Buckets.Select(b => b.Customers));
        Assert.Equal([0L, 0, 1, 0, 0, 0], r.Buckets.Select(b => b.UnsubscribedCustomers));   // C unsubscribed twice: one customer
        FrequencyBucket two = r.Buckets[2];
        Assert.Equal(0.25, two.UnsubscribeRate.Value);
        Assert.Equal(1.0 / 7, two.ReplyRate.Value!.Value, 15);   // A2 + B2 + C2 + D1 delivered, one reply (S7)
        Assert.Null(r.Buckets[0].UnsubscribeRate.Value);

        // A fixed two-week window halves the frequencies of A, B, D (1/week), E and F (0.5/week); C unsubscribed at
        // its first send (T0), so its exposure is the one-week minimum and it stays at 2/week.
        var options = new FunnelOptions { WindowStart = T0, WindowEnd = T0.AddDays(14) };
        SendFrequencyResult fixedWindow = CampaignFunnels.Frequency(WorkedExample(), options);
        Assert.Equal(2.0, fixedWindow.WindowWeeks);
        Assert.Equal([2L, 3, 1, 0, 0, 0], fixedWindow.Buckets.Select(b => b.Customers));

        // Unsubscribed customers 0/2, 0/3, 1/1 over scores 0, 1, 2: N = 6, p̄ = 1/6, t̄ = 5/6,
        // T = Σ (t − t̄)(x − n p̄) = 10/36 − 3/36 + 35/36 = 7/6, Σ n (t − t̄)² = 17/6, Var = (1/6)(5/6)(17/6) = 85/216,
        // z² = (49/36)(216/85) = 294/85, slope = (7/6)/(17/6) = 7/17.
        Assert.Equal(Math.Sqrt(294.0 / 85), fixedWindow.UnsubscribeTrend.Statistic!.Value, 12);
        Assert.Equal(7.0 / 17, fixedWindow.UnsubscribeTrend.Slope!.Value, 12);
    }

    [Fact]
    public void TrendTest_MatchesTheMpmathReference()
    {
        // docs/metrics/funnel.md: 40, 30, 20, 10 customers with 2, 3, 4, 4 unsubscribes. Reference by mpmath (30 digits)
        // two ways: the Cochran–Armitage formula, and N·r² of the 0/1 outcomes on the scores (Pearson r over 100
        // individuals), which must equal z². z = 2.97350516725026, p = 0.00294419449360991, slope = 0.1.
        TrendTest t = TrendTest.CochranArmitage([2, 3, 4, 4], [40, 30, 20, 10], [0, 1, 2, 3]);
        Assert.Equal(2.9735051672502629, t.Statistic!.Value, 12);
        Assert.Equal(0.0029441944936099126, t.PValue!.Value, 12);
        Assert.Equal(0.1, t.Slope!.Value, 12);
        Assert.Equal((100L, 13L), (t.Count, t.Successes));
    }

    [Fact]
    public void TrendTest_Undefined_IsNull()
    {
        Assert.Null(TrendTest.CochranArmitage([], [], []).Statistic);
        Assert.Null(TrendTest.CochranArmitage([0, 0], [5, 5], [0, 1]).Statistic);       // no successes
        Assert.Null(TrendTest.CochranArmitage([1, 0], [5, 0], [0, 1]).PValue);          // one non-empty group
        Assert.Throws<ArgumentException>(() => TrendTest.CochranArmitage([3], [2], [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendTest.CochranArmitage([1], [2], [double.NaN]));
    }

    [Fact]
    public void Empty_HasNoValues_AndDoesNotThrow()
    {
        FunnelResult r = CampaignFunnels.Calculate([]);
        Assert.Equal(0, r.Sent);
        Assert.Null(r.DeliveryRate.Value);
        Assert.Null(r.OpenRate.ConfidenceInterval);
        SendFrequencyResult f = CampaignFunnels.Frequency([]);
        Assert.Null(f.WindowWeeks);
        Assert.All(f.Buckets, b => Assert.Equal(0, b.Customers));
        Assert.Null(f.UnsubscribeTrend.Statistic);
    }

    [Theory]
    [InlineData("o", "Opened")]
    [InlineData("c", "Clicked")]
    [InlineData("r", "Replied")]
    [InlineData("u", "Unsubscribed")]
    public void EngagementWithoutDelivery_IsRejected_NamingSendAndField(string flags, string field)
    {
        CampaignSend[] batch = [.. WorkedExample(), Send("S99", "promo", "Z", "sms", T0, flags)];
        var acc = new FunnelAccumulator();
        acc.Add(batch[0]);
        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.AddRange(batch));
        Assert.Equal(field, e.ParamName);
        Assert.Contains("S99", e.Message, StringComparison.Ordinal);
        Assert.Contains("sends[10]", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, acc.Count);   // the rejected batch changed nothing

        var frequency = new SendFrequencyAccumulator();
        Assert.Throws<ArgumentException>(() => frequency.AddRange(batch));
        Assert.Equal(0, frequency.Count);
    }

    [Fact]
    public void MissingIds_AndSendsOutsideTheWindow_AreRejected()
    {
        CampaignSend noCampaign = Send("S1", string.Empty, "A", "email", T0, "d");
        Assert.Equal("CampaignId", Assert.Throws<ArgumentException>(() => noCampaign.Validate()).ParamName);
        Assert.Equal("SendId", Assert.Throws<ArgumentException>(() => Send(string.Empty, "k", "A", "email", T0, "d").Validate()).ParamName);
        var acc = new SendFrequencyAccumulator(new FunnelOptions { WindowStart = T0, WindowEnd = T0.AddDays(7) });
        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.AddRange(WorkedExample()));
        Assert.Equal("SentAt", e.ParamName);
        Assert.Contains("S7", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
    }

    [Fact]
    public void InvalidOptions_AreRejected_NamingTheField()
    {
        Assert.Contains("FrequencyEdges[1]", Assert.Throws<ArgumentException>(() => new FunnelOptions { FrequencyEdges = [2, 1] }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("FrequencyEdges is empty", Assert.Throws<ArgumentException>(() => new FunnelOptions { FrequencyEdges = [] }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("WindowEnd", Assert.Throws<ArgumentException>(() => new FunnelOptions { WindowStart = T0 }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("not after", Assert.Throws<ArgumentException>(() => new FunnelOptions { WindowStart = T0, WindowEnd = T0 }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("ConfidenceLevel", Assert.Throws<ArgumentException>(() => new FunnelOptions { ConfidenceLevel = 1 }.Validate()).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FunnelAccumulator().Merge(new FunnelAccumulator(new FunnelOptions { ConfidenceLevel = 0.9 })));
        Assert.Equal(new FunnelOptions { FrequencyEdges = [1, 2] }, new FunnelOptions { FrequencyEdges = [1.0, 2.0] });
    }

    [Property]
    public bool Rates_AreInUnitInterval_AndStagesAreMonotone(int seed, byte size)
    {
        FunnelResult r = CampaignFunnels.Calculate(Random(seed, size));
        RateResult[] rates = [r.DeliveryRate, r.OpenRate, r.ClickToOpenRate, r.ClickRate, r.ReplyToOpenRate, r.ReplyRate, r.UnsubscribeRate, r.ImpliedOpenShare];
        bool bounded = rates.All(x => x.Value is null ? x.Count == 0 : x.Value is >= 0 and <= 1 && x.ConfidenceInterval!.Value.Contains(x.Value.Value));
        return bounded && r.Sent >= r.Delivered && r.Delivered >= r.Opened && r.Opened >= r.Clicked && r.Opened >= r.Replied && r.Delivered >= r.Unsubscribed;
    }

    [Property]
    public bool MergeOfSplit_EqualsWhole(int seed, byte size, int cut)
    {
        CampaignSend[] sends = Random(seed, size);
        int at = sends.Length == 0 ? 0 : Math.Abs(cut % (sends.Length + 1));
        var left = new FunnelAccumulator();
        var right = new FunnelAccumulator();
        var leftFrequency = new SendFrequencyAccumulator();
        var rightFrequency = new SendFrequencyAccumulator();
        left.AddRange(sends.AsSpan(0, at));
        leftFrequency.AddRange(sends.AsSpan(0, at));
        foreach (CampaignSend s in sends[at..])
        {
            right.Add(s);
            rightFrequency.Add(s);
        }

        right.Merge(left);
        rightFrequency.Merge(leftFrequency);
        return right.ToResult() == CampaignFunnels.Calculate(sends) && rightFrequency.ToResult() == CampaignFunnels.Frequency(sends);
    }

    [Property]
    public bool PermutationInvariant(int seed, byte size)
    {
        CampaignSend[] sends = Random(seed, size);
        CampaignSend[] shuffled = [.. sends];
        new Random(seed ^ 0x5eed).Shuffle(shuffled);
        return CampaignFunnels.Calculate(sends) == CampaignFunnels.Calculate(shuffled)
            && CampaignFunnels.Frequency(sends) == CampaignFunnels.Frequency(shuffled);
    }

    [Property]
    public bool Buckets_PartitionTheCustomers_AndTrendMatchesTheBuckets(int seed, byte size)
    {
        SendFrequencyResult r = CampaignFunnels.Frequency(Random(seed, size));
        long customers = r.Buckets.Sum(b => b.Customers);
        long sends = r.Buckets.Sum(b => b.Sends);
        TrendTest again = TrendTest.CochranArmitage(
            r.Buckets.Select(b => b.UnsubscribedCustomers).ToArray(),
            r.Buckets.Select(b => b.Customers).ToArray(),
            Enumerable.Range(0, r.Buckets.Count).Select(i => (double)i).ToArray());
        return customers == r.Customers && sends == size && again == r.UnsubscribeTrend
            && r.Buckets.All(b => b.UnsubscribeRate.Value is null or (>= 0 and <= 1) && b.ReplyRate.Value is null or (>= 0 and <= 1));
    }

    [Property]
    public bool TrendStatistic_SquaredEquals_NTimesRSquared(byte a, byte b, byte c, byte d)
    {
        // Independent formulation: χ²_trend = N r², r the Pearson correlation of the 0/1 outcome with the score.
        long[] n = [a + 1, b + 1, c + 1];
        long[] x = [Math.Min(d % 7, n[0]), Math.Min(a % 5, n[1]), Math.Min(b % 9, n[2])];
        TrendTest t = TrendTest.CochranArmitage(x, n, [0, 1, 2]);
        var ys = new List<double>();
        var ts = new List<double>();
        for (int g = 0; g < 3; g++)
        {
            for (long i = 0; i < n[g]; i++)
            {
                ys.Add(i < x[g] ? 1 : 0);
                ts.Add(g);
            }
        }

        double my = ys.Average(), mt = ts.Average();
        double sxy = ys.Zip(ts, (y, s) => (y - my) * (s - mt)).Sum();
        double sxx = ts.Sum(s => (s - mt) * (s - mt));
        double syy = ys.Sum(y => (y - my) * (y - my));
        if (syy == 0 || sxx == 0)
        {
            return t.Statistic is null;
        }

        double chi = ys.Count * sxy * sxy / (sxx * syy);
        return Math.Abs((t.Statistic!.Value * t.Statistic.Value) - chi) <= 1e-9 * Math.Max(1, chi);
    }
}
