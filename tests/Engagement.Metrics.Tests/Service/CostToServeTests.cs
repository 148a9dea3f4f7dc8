using Engagement.Metrics.Service;
using Engagement.Metrics.Tests.Channels;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Service;

public sealed class CostToServeTests
{
    /// <summary>docs/metrics/cost-to-serve.md: illustrative unit costs (not defaults) over the channels worked example.</summary>
    internal static CostToServeOptions WorkedOptions() => new()
    {
        UnitCosts = new Dictionary<string, ChannelUnitCost>
        {
            ["voice"] = new(16.50),
            ["chat"] = new(4.80),
            ["email"] = new(3.00),
            ["ivr"] = new(0.50),
        },
        Shifts =
        [
            new VolumeShift { From = "voice", To = "ivr", Share = 0.3, TargetResolutionRate = 0.6 },
            new VolumeShift { From = "Voice", To = "chat", Share = 0.5 },
        ],
    };

    private static CostToServeOptions Priced(double voice, double chat, double email, double ivr, double perMinute = 0) => new()
    {
        UnitCosts = new Dictionary<string, ChannelUnitCost>
        {
            ["voice"] = new(voice, perMinute), ["chat"] = new(chat, perMinute), ["email"] = new(email), ["ivr"] = new(ivr),
        },
        Shifts = [new VolumeShift { From = "voice", To = "ivr", Share = 0.3, TargetResolutionRate = 0.6 }],
    };

    [Fact]
    public void WorkedExample_CostsByChannelAndDriver_MatchTheDocs()
    {
        CostToServeResult r = CostToServe.Calculate(ChannelKpisTests.WorkedExample(), WorkedOptions());

        Assert.Equal(86.9, r.Overall.TotalCost, 12);
        Assert.Equal((10L, 7L), (r.Overall.Contacts, r.Overall.Resolved));
        Assert.Equal(8.69, r.Overall.CostPerContact!.Value, 12);
        Assert.Equal(86.9 / 7, r.Overall.CostPerResolution!.Value, 12);

        Assert.Equal(["voice", "chat", "email", "ivr"], r.Channels.Select(c => c.Key));
        CostBreakdown voice = r.Channels[0];
        Assert.Equal(66.0, voice.TotalCost, 12);
        Assert.Equal(16.5, voice.CostPerContact!.Value, 12);
        Assert.Equal(22.0, voice.CostPerResolution!.Value, 12);
        Assert.Equal(0.75, voice.ResolutionRate.Value);
        Assert.Equal(7.2, r.Channels[1].CostPerResolution!.Value, 12);   // chat 14.40 / 2 resolved
        Assert.Null(r.Channels[3].CostPerResolution);                    // ivr: nothing resolved

        Assert.Equal(["billing", "outage", "delivery"], r.Drivers.Select(d => d.Key));
        Assert.Equal([48.6, 21.3, 17.0], r.Drivers.Select(d => Math.Round(d.TotalCost, 10)));
        Assert.Equal(r.Overall.TotalCost, r.Drivers.Sum(d => d.TotalCost), 12);
    }

    [Fact]
    public void WorkedExample_Shifts_MatchTheDocs()
    {
        CostToServeResult r = CostToServe.Calculate(ChannelKpisTests.WorkedExample(), WorkedOptions());

        // voice → ivr 30 %, r_to = 0.6 given: m = 1.2; before 1.2 × 16.5 = 19.8; after 1.2 × (0.5 + 0.4 × 16.5) = 8.52.
        ShiftSavings ivr = r.Shifts[0];
        Assert.Equal(1.2, ivr.MovedContacts, 12);
        Assert.Equal(19.8, ivr.CostBefore, 12);
        Assert.Equal(8.52, ivr.CostAfter!.Value, 12);
        Assert.Equal(11.28, ivr.Savings!.Value, 12);
        Assert.False(ivr.TargetResolutionRateObserved);
        Assert.True(ivr.TargetCostObserved);
        Assert.Equal(16.5, ivr.RepeatCost);

        // voice → chat 50 %, r_to observed on chat = 2/3: m = 2; after 2 × (4.8 + (1/3) × 16.5) = 20.6; savings 12.4.
        ShiftSavings chat = r.Shifts[1];
        Assert.Equal("voice", chat.Shift.From);   // reported in the unit costs' spelling
        Assert.Equal(2.0 / 3, chat.TargetResolutionRate!.Value, 15);
        Assert.True(chat.TargetResolutionRateObserved);
        Assert.Equal(12.4, chat.Savings!.Value, 12);
    }

    [Fact]
    public void PerMinuteCosts_AddHandleTime()
    {
        // voice 12 + 0.30/min over 26⅔ handled minutes = 48 + 8 = 56; chat 4.80 + 0.30/min over 12 minutes = 14.40 + 3.60.
        CostToServeResult r = CostToServe.Calculate(ChannelKpisTests.WorkedExample(), Priced(12, 4.8, 3, 0.5, perMinute: 0.3));
        CostBreakdown voice = r.Channels.Single(c => c.Key == "voice");
        Assert.Equal(80.0 / 3, voice.HandleMinutes, 12);
        Assert.Equal(56.0, voice.TotalCost, 12);
        Assert.Equal(18.0, r.Channels.Single(c => c.Key == "chat").TotalCost, 12);
    }

    [Fact]
    public void TargetWithoutDataOrRate_HasNoSavings_AndEmptyInputDoesNotThrow()
    {
        var options = WorkedOptions() with
        {
            UnitCosts = new Dictionary<string, ChannelUnitCost>(WorkedOptions().UnitCosts) { ["bot"] = new(0.2) },
            Shifts = [new VolumeShift { From = "voice", To = "bot", Share = 0.2 }],
        };
        ShiftSavings s = CostToServe.Calculate(ChannelKpisTests.WorkedExample(), options).Shifts[0];
        Assert.Null(s.TargetResolutionRate);
        Assert.Null(s.Savings);
        Assert.False(s.TargetCostObserved);
        Assert.Equal(0.2, s.TargetCostPerContact);

        CostToServeResult empty = CostToServe.Calculate([], WorkedOptions());
        Assert.Equal(0, empty.Overall.Contacts);
        Assert.Null(empty.Overall.CostPerContact);
        Assert.Empty(empty.Channels);
        Assert.Equal(0.0, empty.Shifts[0].Savings);   // nothing to move
    }

    [Fact]
    public void UnpricedChannel_IsRejected_NamingContactChannelAndValue()
    {
        var options = new CostToServeOptions { UnitCosts = new Dictionary<string, ChannelUnitCost> { ["voice"] = new(16.5) } };
        var acc = new CostToServeAccumulator(options);
        ContactRecord[] contacts = ChannelKpisTests.WorkedExample();
        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.AddRange(contacts));
        Assert.Equal("Channel", e.ParamName);
        Assert.Contains("contacts[0] (contact 'K1')", e.Message, StringComparison.Ordinal);
        Assert.Contains("'chat'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
    }

    [Fact]
    public void InvalidOptions_AreRejected_NamingFieldAndValue()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelUnitCost(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelUnitCost(1, double.NaN));
        string Message(VolumeShift shift) => Assert.Throws<ArgumentException>(() => (WorkedOptions() with { Shifts = [shift] }).Validate()).Message;
        Assert.Contains("Shifts[0].Share is 1.5", Message(new VolumeShift { From = "voice", To = "ivr", Share = 1.5 }), StringComparison.Ordinal);
        Assert.Contains("Shifts[0].Share is -0.1", Message(new VolumeShift { From = "voice", To = "ivr", Share = -0.1 }), StringComparison.Ordinal);
        Assert.Contains("Shifts[0].To is 'portal'", Message(new VolumeShift { From = "voice", To = "portal", Share = 0.3 }), StringComparison.Ordinal);
        Assert.Contains("Shifts[0].From is 'fax'", Message(new VolumeShift { From = "fax", To = "ivr", Share = 0.3 }), StringComparison.Ordinal);
        Assert.Contains("TargetResolutionRate is 2", Message(new VolumeShift { From = "voice", To = "ivr", Share = 0.3, TargetResolutionRate = 2 }), StringComparison.Ordinal);
        Assert.Contains("RepeatCost is -3", Message(new VolumeShift { From = "voice", To = "ivr", Share = 0.3, RepeatCost = -3 }), StringComparison.Ordinal);
        Assert.Contains("to itself", Message(new VolumeShift { From = "voice", To = "VOICE", Share = 0.3 }), StringComparison.Ordinal);
        var duplicate = new CostToServeOptions { UnitCosts = new Dictionary<string, ChannelUnitCost> { ["voice"] = new(1), ["Voice"] = new(2) } };
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => duplicate.Validate()).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CostToServeAccumulator(WorkedOptions()).Merge(new CostToServeAccumulator(Priced(1, 1, 1, 1))));
    }

    [Property]
    public bool Cost_IsLinearInUnitCosts(int seed, byte size, byte scale)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        double k = 0.5 + scale;
        CostToServeResult a = CostToServe.Calculate(contacts, Priced(16.5, 4.8, 3, 0.5, 0.25));
        CostToServeResult b = CostToServe.Calculate(contacts, Priced(16.5 * k, 4.8 * k, 3 * k, 0.5 * k, 0.25 * k));
        static bool Close(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(y));
        return Close(b.Overall.TotalCost, k * a.Overall.TotalCost)
            && a.Channels.Zip(b.Channels).All(p => p.First.Key == p.Second.Key && Close(p.Second.TotalCost, k * p.First.TotalCost))
            && Close(b.Shifts[0].Savings!.Value, k * a.Shifts[0].Savings!.Value);
    }

    [Property]
    public bool Totals_AddUp_AndRatesAreBounded(int seed, byte size)
    {
        CostToServeResult r = CostToServe.Calculate(Contacts.Random(seed, size), Priced(16.5, 4.8, 3, 0.5, 0.25));
        static bool Close(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(y));
        return Close(r.Channels.Sum(c => c.TotalCost), r.Overall.TotalCost) && Close(r.Drivers.Sum(d => d.TotalCost), r.Overall.TotalCost)
            && r.Channels.Sum(c => c.Contacts) == size
            && r.Channels.All(c => c.ResolutionRate.Value is >= 0 and <= 1 && c.CostPerContact >= 0);
    }

    [Property]
    public bool Savings_AreZero_WhenShareIsZero(int seed, byte size, bool observed)
    {
        var options = Priced(16.5, 4.8, 3, 0.5) with
        {
            Shifts = [new VolumeShift { From = "voice", To = "chat", Share = 0, TargetResolutionRate = observed ? null : 0.7 }],
        };
        ShiftSavings s = CostToServe.Calculate(Contacts.Random(seed, size), options).Shifts[0];
        return s.MovedContacts == 0 && (s.Savings is null ? s.TargetResolutionRate is null : s.Savings == 0);
    }

    [Property]
    public bool MergeOfSplit_EqualsWhole_AndOrderDoesNotMatter(int seed, byte size, int cut)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        CostToServeOptions options = Priced(16.5, 4.8, 3, 0.5, 0.25);
        int at = contacts.Length == 0 ? 0 : Math.Abs(cut % (contacts.Length + 1));
        var left = new CostToServeAccumulator(options);
        var right = new CostToServeAccumulator(options);
        left.AddRange(contacts.AsSpan(0, at));
        foreach (ContactRecord c in contacts[at..])
        {
            right.Add(c);
        }

        right.Merge(left);
        ContactRecord[] shuffled = [.. contacts];
        new Random(seed ^ 0x5eed).Shuffle(shuffled);
        CostToServeResult whole = CostToServe.Calculate(contacts, options);
        return right.ToResult() == whole && CostToServe.Calculate(shuffled, options) == whole;
    }
}
