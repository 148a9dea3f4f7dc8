using Engagement.Metrics.Channels;
using Engagement.Metrics.Service;
using Engagement.Metrics.Tests.Service;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Channels;

public sealed class ChannelKpisTests
{
    private static readonly DateTimeOffset T0 = Contacts.T0;

    /// <summary>The ten contacts of docs/metrics/channels.md's worked example.</summary>
    internal static ContactRecord[] WorkedExample() =>
    [
        Handled("K1", "A", "billing", "chat", T0, talk: 300, wrap: 0, resolved: false),
        Handled("K2", "A", "billing", "voice", T0.AddHours(2), talk: 400, wrap: 60, resolved: true),
        new ContactRecord { ContactId = "K3", CustomerId = "B", Channel = "ivr", Reason = "delivery", QueuedAt = T0, EndedAt = T0.AddMinutes(4), SelfService = true },
        Handled("K4", "B", "delivery", "voice", T0.AddMinutes(10), talk: 200, wrap: 40, resolved: true),
        Handled("K5", "C", "billing", "email", T0, talk: 0, wrap: 600, resolved: true),
        Handled("K6", "C", "billing", "email", T0.AddDays(1), talk: 0, wrap: 300, resolved: true),
        Handled("K7", "D", "outage", "voice", T0, talk: 500, wrap: 100, resolved: false),
        Handled("K8", "D", "outage", "chat", T0.AddDays(3), talk: 240, wrap: 0, resolved: true),
        Handled("K9", "E", "billing", "chat", T0, talk: 180, wrap: 0, resolved: true),
        Handled("K10", "E", "billing", "voice", T0.AddDays(8), talk: 300, wrap: 0, resolved: true),
    ];

    private static ContactRecord Handled(string id, string customer, string reason, string channel, DateTimeOffset at, int talk, int wrap, bool resolved) => new()
    {
        ContactId = id, CustomerId = customer, Channel = channel, Reason = reason, QueuedAt = at,
        Talk = TimeSpan.FromSeconds(talk), Wrap = TimeSpan.FromSeconds(wrap), Resolved = resolved,
    };

    private static ChannelStats Channel(ChannelResult r, string name) => r.Channels.Single(c => c.Channel == name);

    [Fact]
    public void WorkedExample_MixAndEffectiveness_MatchTheDocs()
    {
        var acc = new ChannelAccumulator();
        acc.AddRange(WorkedExample());
        foreach (int score in new[] { 5, 4, 2 })
        {
            acc.AddCsat("voice", score);
        }

        acc.AddCsat("Chat", 5);
        acc.AddCsat("chat", 5);
        ChannelResult r = acc.ToResult();

        Assert.Equal(10, r.Contacts);
        Assert.Equal(["voice", "chat", "email", "ivr"], r.Channels.Select(c => c.Channel));
        Assert.Equal([0.4, 0.3, 0.2, 0.1], r.Channels.Select(c => c.Share.Value!.Value));
        Assert.Equal([ChannelKind.Assisted, ChannelKind.Digital, ChannelKind.Digital, ChannelKind.SelfService], r.Channels.Select(c => c.Kind));

        ChannelStats voice = Channel(r, "voice");
        Assert.Equal(0.75, voice.Resolution.Value);
        Assert.Equal(400.0, voice.Aht.Value!.Value, 9);
        Assert.Equal(200.0 / 3, voice.Csat.Score!.Value, 9);
        ChannelStats chat = Channel(r, "chat");
        Assert.Equal(2.0 / 3, chat.Resolution.Value!.Value, 12);
        Assert.Equal(240.0, chat.Aht.Value!.Value, 9);
        Assert.Equal(100.0, chat.Csat.Score!.Value, 9);
        Assert.Equal(1.0, Channel(r, "email").Resolution.Value);
        Assert.Equal(450.0, Channel(r, "email").Aht.Value!.Value, 9);
        ChannelStats ivr = Channel(r, "ivr");
        Assert.Null(ivr.Resolution.Value);
        Assert.Null(ivr.Aht.Value);
        Assert.Equal(0, ivr.Csat.Count);
        Assert.Null(ivr.Csat.Score);

        // Wilson 95 % interval of the voice share 4/10 (hand computation, z = 1.959964): [0.1682, 0.6873].
        Assert.Equal(0.168180, voice.Share.ConfidenceInterval!.Value.Lower, 5);
        Assert.Equal(0.687326, voice.Share.ConfidenceInterval!.Value.Upper, 5);
    }

    [Fact]
    public void WorkedExample_DigitalisationEscalationSwitching_MatchTheDocs()
    {
        ChannelResult r = ChannelKpis.Calculate(WorkedExample());

        Assert.Equal(0.4, r.Assisted.Value);
        Assert.Equal(0.5, r.Digital.Value);
        Assert.Equal(0.1, r.SelfService.Value);
        Assert.Equal(0.6, r.Digitalisation.Value!.Value, 12);

        Assert.Equal((5L, 1L), (r.EscalationFromDigital.Count, r.EscalationFromDigital.Successes));
        Assert.Equal((1L, 1L), (r.EscalationFromSelfService.Count, r.EscalationFromSelfService.Successes));
        Assert.Equal((6L, 2L), (r.Escalation.Count, r.Escalation.Successes));

        Assert.Equal((10L, 3L), (r.Switching.Count, r.Switching.Successes));
        Assert.Equal((10L, 3L), (r.RepeatOnOtherChannel.Count, r.RepeatOnOtherChannel.Successes));
        Assert.Equal((5L, 3L), (r.CustomersRepeating.Count, r.CustomersRepeating.Successes));

        Assert.Equal((3L, 1L), (Channel(r, "chat").Switching.Count, Channel(r, "chat").Switching.Successes));
        Assert.Equal((4L, 1L), (Channel(r, "voice").Switching.Count, Channel(r, "voice").Switching.Successes));
        Assert.Equal((1L, 1L), (Channel(r, "ivr").Switching.Count, Channel(r, "ivr").Switching.Successes));
        Assert.Equal(0, Channel(r, "email").Switching.Successes);
        Assert.Equal((3L, 1L), (Channel(r, "chat").Escalation.Count, Channel(r, "chat").Escalation.Successes));
        Assert.Equal(0, Channel(r, "voice").Escalation.Count);
    }

    [Fact]
    public void WorkedExample_LongerWindow_CatchesTheEightDaySwitch()
    {
        ChannelResult r = ChannelKpis.Calculate(WorkedExample(), new ChannelOptions { Window = TimeSpan.FromDays(9) });
        Assert.Equal(4, r.Switching.Successes);
        Assert.Equal(2, r.EscalationFromDigital.Successes);
        Assert.Equal(4, r.CustomersRepeating.Successes);
    }

    [Fact]
    public void CustomCatalogue_ReclassifiesChannels()
    {
        var options = new ChannelOptions
        {
            Catalogue = new Dictionary<string, ChannelKind> { ["voice"] = ChannelKind.Assisted, ["chat"] = ChannelKind.Assisted, ["email"] = ChannelKind.Digital, ["ivr"] = ChannelKind.SelfService },
        };
        ChannelResult r = ChannelKpis.Calculate(WorkedExample(), options);
        Assert.Equal(0.7, r.Assisted.Value!.Value, 12);
        Assert.Equal(0.3, r.Digitalisation.Value!.Value, 12);
    }

    [Fact]
    public void Empty_HasNoValues()
    {
        ChannelResult r = ChannelKpis.Calculate([]);
        Assert.Equal(0, r.Contacts);
        Assert.Empty(r.Channels);
        Assert.Null(r.Digitalisation.Value);
        Assert.Null(r.Switching.Value);
        Assert.Null(r.Escalation.Value);
        Assert.Null(r.CustomersRepeating.Value);
    }

    [Fact]
    public void ChannelNames_AreMatchedIgnoringCase_AndReportedInTheCataloguesSpelling()
    {
        ContactRecord[] contacts = [.. WorkedExample().Select(c => c.Channel == "voice" ? c with { Channel = "VOICE" } : c)];
        Assert.Equal(ChannelKpis.Calculate(WorkedExample()), ChannelKpis.Calculate(contacts));
    }

    [Fact]
    public void UnknownChannel_IsRejectedNamingContactFieldAndValue_AndTheBatchLeavesNoTrace()
    {
        var acc = new ChannelAccumulator();
        acc.Add(WorkedExample()[0]);
        ChannelResult before = acc.ToResult();
        ContactRecord[] batch = WorkedExample();
        batch[6] = batch[6] with { Channel = "fax" };
        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.AddRange(batch));
        Assert.Equal("Channel", e.ParamName);
        Assert.Contains("contacts[6]", e.Message, StringComparison.Ordinal);
        Assert.Contains("'K7'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'fax'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Catalogue", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, acc.ToResult());
        Assert.Equal(1, acc.Count);
    }

    [Fact]
    public void InvalidContact_IsRejectedByTheServiceValidation_AndTheBatchLeavesNoTrace()
    {
        var acc = new ChannelAccumulator();
        ContactRecord[] batch = WorkedExample();
        batch[3] = batch[3] with { Talk = TimeSpan.FromSeconds(-5) };
        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.AddRange(batch));
        Assert.Equal("Talk", e.ParamName);
        Assert.Contains("'K4'", e.Message, StringComparison.Ordinal);
        Assert.Contains("-5", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
        Assert.Empty(acc.Channels);
    }

    [Fact]
    public void BadCsat_IsRejected()
    {
        var acc = new ChannelAccumulator();
        ArgumentException channel = Assert.Throws<ArgumentException>(() => acc.AddCsat("pigeon", 5));
        Assert.Contains("'pigeon'", channel.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<ArgumentException>(() => acc.AddCsat("voice", 9));
        Assert.Empty(acc.Csat);
    }

    [Fact]
    public void InvalidOptions_ListEveryProblem()
    {
        var options = new ChannelOptions { Catalogue = new Dictionary<string, ChannelKind> { [" "] = (ChannelKind)7 }, Window = TimeSpan.Zero };
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => options.Validate());
        Assert.Contains("Window", e.Message, StringComparison.Ordinal);
        Assert.Contains("kind 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("names must not be empty", e.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<ArgumentException>(() => new ChannelOptions { Catalogue = new Dictionary<string, ChannelKind>() }.Validate());
    }

    [Fact]
    public void Merge_RejectsDifferentOptions()
    {
        var a = new ChannelAccumulator();
        var b = new ChannelAccumulator(new ChannelOptions { Window = TimeSpan.FromDays(1) });
        Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Equal(ChannelOptions.Default, new ChannelOptions { Catalogue = new Dictionary<string, ChannelKind>(ChannelOptions.DefaultCatalogue) });
    }

    [Property]
    public bool Shares_SumToOne_AndRatesAreInUnitInterval(int seed, byte size)
    {
        ChannelResult r = ChannelKpis.Calculate(Contacts.Random(seed, size));
        List<RateResult> rates = [r.Assisted, r.Digital, r.SelfService, r.Digitalisation, r.Escalation, r.EscalationFromDigital, r.EscalationFromSelfService, r.Switching, r.RepeatOnOtherChannel, r.CustomersRepeating];
        foreach (ChannelStats c in r.Channels)
        {
            rates.AddRange([c.Share, c.Resolution, c.Switching, c.Escalation]);
        }

        bool bounded = rates.All(rate => rate.Value is null
            ? rate.Count == 0
            : rate.Value is >= 0 and <= 1 && rate.ConfidenceInterval!.Value.Contains(rate.Value.Value));
        if (r.Contacts == 0)
        {
            return bounded && r.Channels.Count == 0;
        }

        double channelShares = r.Channels.Sum(c => c.Share.Value!.Value);
        double kindShares = r.Assisted.Value!.Value + r.Digital.Value!.Value + r.SelfService.Value!.Value;
        return bounded && Math.Abs(channelShares - 1) < 1e-12 && Math.Abs(kindShares - 1) < 1e-12
            && r.Channels.Sum(c => c.Contacts) == r.Contacts;
    }

    [Property]
    public bool MergeOfSplit_EqualsWhole(int seed, byte size, int cut)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        int at = contacts.Length == 0 ? 0 : Math.Abs(cut % (contacts.Length + 1));
        var left = new ChannelAccumulator();
        var right = new ChannelAccumulator();
        left.AddRange(contacts.AsSpan(0, at));
        foreach (ContactRecord c in contacts[at..])
        {
            right.Add(c);
        }

        left.AddCsat("voice", 5);
        right.AddCsat("chat", 2);
        right.AddCsat("voice", 3);
        right.Merge(left);

        var whole = new ChannelAccumulator();
        whole.AddRange(contacts);
        whole.AddCsat("chat", 2);
        whole.AddCsat("voice", 3);
        whole.AddCsat("voice", 5);
        return right.ToResult() == whole.ToResult();
    }

    [Property]
    public bool PermutationInvariant(int seed, byte size)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        ContactRecord[] shuffled = [.. contacts];
        new Random(seed ^ 0x5eed).Shuffle(shuffled);
        return ChannelKpis.Calculate(contacts) == ChannelKpis.Calculate(shuffled);
    }

    [Property]
    public bool Journeys_MatchABruteForceOracle(int seed, byte size, byte windowHours)
    {
        ContactRecord[] contacts = Contacts.Random(seed, size);
        var options = new ChannelOptions { Window = TimeSpan.FromHours(1 + windowHours) };
        ChannelResult r = ChannelKpis.Calculate(contacts, options);
        Oracle o = Oracle.Of(contacts, options);
        return r.Switching.Successes == o.Switched && r.RepeatOnOtherChannel.Successes == o.Repeated
            && r.CustomersRepeating.Successes == o.CustomersRepeating && r.CustomersRepeating.Count == o.Customers
            && r.EscalationFromDigital.Count == o.Digital && r.EscalationFromDigital.Successes == o.EscalatedFromDigital
            && r.EscalationFromSelfService.Count == o.SelfService && r.EscalationFromSelfService.Successes == o.EscalatedFromSelfService
            && r.Assisted.Successes == contacts.Length - o.Digital - o.SelfService;
    }

    [Fact]
    public void Oracle_AgreesWithTheWorkedExample()
    {
        Oracle o = Oracle.Of(WorkedExample(), ChannelOptions.Default);
        Assert.Equal((3, 3, 3, 5, 5, 1, 1, 1), (o.Switched, o.Repeated, o.CustomersRepeating, o.Customers, o.Digital, o.EscalatedFromDigital, o.SelfService, o.EscalatedFromSelfService));
    }

    [Fact]
    public void State_RoundTripsThroughJson()
    {
        var acc = new ChannelAccumulator(new ChannelOptions { Window = TimeSpan.FromDays(2) });
        acc.AddRange(WorkedExample());
        acc.AddCsat("voice", 4);
        string json = System.Text.Json.JsonSerializer.Serialize(acc, Engagement.Metrics.Serialization.EngagementMetricsJsonContext.Default.ChannelAccumulator);
        ChannelAccumulator back = System.Text.Json.JsonSerializer.Deserialize(json, Engagement.Metrics.Serialization.EngagementMetricsJsonContext.Default.ChannelAccumulator)!;
        Assert.Equal(acc.Options, back.Options);
        Assert.Equal(acc.ToResult(), back.ToResult());
    }

    // O(n²) definitions straight from the docs, with no sorting or grouping tricks.
    private readonly record struct Oracle(int Switched, int Repeated, int CustomersRepeating, int Customers, int Digital, int EscalatedFromDigital, int SelfService, int EscalatedFromSelfService)
    {
        public static Oracle Of(ContactRecord[] contacts, ChannelOptions options)
        {
            ChannelKind Kind(ContactRecord c) => c.SelfService ? ChannelKind.SelfService : options.Catalogue[c.Channel];
            bool Same(ContactRecord a, ContactRecord b) => a.CustomerId == b.CustomerId && a.Reason == b.Reason;
            TimeSpan w = options.Window;
            int switched = 0, repeated = 0, digital = 0, fromDigital = 0, selfService = 0, fromSelfService = 0;
            var repeating = new HashSet<string>();
            for (int i = 0; i < contacts.Length; i++)
            {
                ContactRecord a = contacts[i];
                bool sw = false, rep = false, esc = false;
                for (int j = 0; j < contacts.Length; j++)
                {
                    ContactRecord b = contacts[j];
                    if (i == j || !Same(a, b))
                    {
                        continue;
                    }

                    TimeSpan d = b.QueuedAt - a.QueuedAt;
                    sw |= b.Channel != a.Channel && d > TimeSpan.Zero && d <= w;
                    rep |= b.Channel != a.Channel && d < TimeSpan.Zero && -d <= w;
                    esc |= Kind(b) == ChannelKind.Assisted && d >= TimeSpan.Zero && d <= w;
                }

                switched += sw ? 1 : 0;
                repeated += rep ? 1 : 0;
                if (rep)
                {
                    repeating.Add(a.CustomerId);
                }

                switch (Kind(a))
                {
                    case ChannelKind.Digital:
                        digital++;
                        fromDigital += esc ? 1 : 0;
                        break;
                    case ChannelKind.SelfService:
                        selfService++;
                        fromSelfService += esc ? 1 : 0;
                        break;
                    default:
                        break;
                }
            }

            return new Oracle(switched, repeated, repeating.Count, contacts.Select(c => c.CustomerId).Distinct().Count(), digital, fromDigital, selfService, fromSelfService);
        }
    }
}
