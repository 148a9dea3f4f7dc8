using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Retention;
using Engagement.Metrics.Service;
using Engagement.Metrics.Social;
using Engagement.Metrics.Social.Reputation;
using Engagement.Metrics.Social.Reviews;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Tests.Serialization;

public class JsonContextTests
{
    // One populated sample per registered type. A type added to the context without a sample fails
    // EveryRegisteredType_HasASample, so the round-trip test can never silently skip a type.
    private static readonly Dictionary<Type, object> Samples = BuildSamples();

    public static TheoryData<string> RegisteredTypeNames()
    {
        var data = new TheoryData<string>();
        foreach (Type t in RegisteredTypes())
        {
            data.Add(t.FullName!);
        }

        return data;
    }

    [Fact]
    public void EveryRegisteredType_HasASample()
    {
        Type[] missing = RegisteredTypes().Where(t => !Samples.ContainsKey(t)).ToArray();
        Assert.True(missing.Length == 0, "no sample for: " + string.Join(", ", missing.Select(t => t.Name)));
    }

    [Theory]
    [MemberData(nameof(RegisteredTypeNames))]
    public void RegisteredType_RoundTrips(string typeName)
    {
        Type type = RegisteredTypes().Single(t => t.FullName == typeName);
        JsonTypeInfo info = EngagementMetricsJsonContext.Default.GetTypeInfo(type)!;

        string json = JsonSerializer.Serialize(Samples[type], info);
        object? back = JsonSerializer.Deserialize(json, info);

        Assert.Equal(json, JsonSerializer.Serialize(back, info));
        if (typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type))
        {
            Assert.Equal(Samples[type], back);
        }
    }

    [Fact]
    public void Result_WithoutValue_SerializesNullNotNaNOrZero()
    {
        string json = JsonSerializer.Serialize(NetPromoterScore.Calculate(ReadOnlySpan<byte>.Empty), EngagementMetricsJson.Options);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("confidenceInterval").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("count").GetInt64());
    }

    [Fact]
    public void NpsResult_Json_UsesCamelCaseAndStringEnums()
    {
        string json = JsonSerializer.Serialize(NetPromoterScore.FromCounts(5, 2, 3), EngagementMetricsJson.Options);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(20, doc.RootElement.GetProperty("score").GetDouble());
        Assert.Equal("AdjustedWald", doc.RootElement.GetProperty("intervalMethod").GetString());
        Assert.Equal(0.95, doc.RootElement.GetProperty("confidenceInterval").GetProperty("level").GetDouble());
    }

    // JsonSerializableAttribute does not keep its type argument; read it back through CustomAttributeData.
    private static IEnumerable<Type> RegisteredTypes() =>
        typeof(EngagementMetricsJsonContext).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!);

    private static Dictionary<Type, object> BuildSamples()
    {
        var nps = new NpsAccumulator(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald, ConfidenceLevel = 0.9 });
        nps.AddRange(new byte[] { 10, 9, 7, 3, 0 });
        var csat = new CsatAccumulator();
        csat.AddRange(new[] { 5, 4, 1 }, new[] { 1.5, 2.0, 0.25 });
        var ces = new CesAccumulator(CesOptions.Legacy);
        ces.AddRange(new[] { 1, 2, 5 });
        var moments = new MeanVarianceAccumulator();
        moments.AddRange([1.5, 2.25, -4, 10]);
        var sketch = new QuantileSketch(0.02);
        sketch.AddRange([0.5, 3, 3, 250, -7, 0]);
        Engagement.Metrics.Service.ContactRecord[] contacts = Engagement.Metrics.Tests.Service.Contacts.WorkedExample();
        var service = new ServiceAccumulator(new ServiceOptions { ServiceLevelThreshold = TimeSpan.FromSeconds(30), QuantileRelativeAccuracy = 0.02 });
        service.AddRange(contacts);
        var conversations = new ConversationAccumulator(new ConversationOptions { AsOf = Tests.Conversations.ConversationExamples.AsOf, RepeatWindow = TimeSpan.FromDays(3) });
        conversations.AddRange(Tests.Conversations.ConversationExamples.WorkedExample());
        EngagementTrend conversationTrend = conversations.ToTrend(EngagementPeriod.Day);
        var streaming = new StreamingConversationAccumulator(new StreamingConversationOptions
        {
            Conversation = new ConversationOptions { ResponseWindow = TimeSpan.FromHours(1), RepeatWindow = TimeSpan.FromDays(3) },
            CloseAfter = TimeSpan.FromHours(6),
            TrendPeriod = EngagementPeriod.Day,
        });
        foreach (Engagement.Metrics.Conversations.ConversationMessage m in Tests.Conversations.ConversationExamples.WorkedExample().OrderBy(m => m.SentAt))
        {
            streaming.Add(m); // one at a time, so c1 closes (with a waiting repeat) while c2 and c3 stay open
        }

        CustomerTotals alice = streaming.Customers.Single(c => c.CustomerId == "alice");
        var repeat = new RepeatContactAccumulator();
        repeat.AddRange(contacts);
        var byReason = new SegmentedAccumulator<string, ServiceAccumulator>(new ServiceAccumulator());
        var channels = new Engagement.Metrics.Channels.ChannelAccumulator(new Engagement.Metrics.Channels.ChannelOptions { Window = TimeSpan.FromDays(3) });
        channels.AddRange(Engagement.Metrics.Tests.Channels.ChannelKpisTests.WorkedExample());
        channels.AddCsat("voice", 4);
        var funnel = new Engagement.Metrics.Campaigns.FunnelAccumulator(new Engagement.Metrics.Campaigns.FunnelOptions { ConfidenceLevel = 0.9 });
        funnel.AddRange(Engagement.Metrics.Tests.Campaigns.FunnelTests.WorkedExample());
        var frequency = new Engagement.Metrics.Campaigns.SendFrequencyAccumulator(new Engagement.Metrics.Campaigns.FunnelOptions { FrequencyEdges = [0.5, 1.5], WindowStart = Engagement.Metrics.Tests.Campaigns.FunnelTests.T0, WindowEnd = Engagement.Metrics.Tests.Campaigns.FunnelTests.T0.AddDays(14) });
        frequency.AddRange(Engagement.Metrics.Tests.Campaigns.FunnelTests.WorkedExample());
        var cost = new CostToServeAccumulator(Engagement.Metrics.Tests.Service.CostToServeTests.WorkedOptions());
        cost.AddRange(Engagement.Metrics.Tests.Channels.ChannelKpisTests.WorkedExample());
        foreach (Engagement.Metrics.Service.ContactRecord c in contacts)
        {
            byReason.Add(c.Reason, c);
        }

        var histogram = new ScoreHistogram(0, 10);
        histogram.AddRange(new byte[] { 1, 2, 10 });

        var sentiment = new SentimentAccumulator(new SentimentOptions { Language = SentimentLanguage.Spanish, ConfidenceLevel = 0.9 });
        sentiment.AddRange([0.5, -0.25, 0.01, 0.75]);
        var nev = new NetEmotionalValueAccumulator(new NetEmotionalValueOptions { PositiveEmotions = ["calm", "happy"], NegativeEmotions = ["annoyed"], IntensityWeighted = true });
        nev.Add("calm", 4);
        nev.Add("annoyed", 2.5);
        var listenTerms = new Engagement.Metrics.Listening.TermCountAccumulator(new Engagement.Metrics.Listening.ThemeOptions { MaxWords = 2 });
        listenTerms.Add("Otra caída del servicio, sin reembolso", -0.6);
        listenTerms.Add("refund refund please");
        var listenSov = new Engagement.Metrics.Listening.ShareOfVoiceAccumulator(Engagement.Metrics.Tests.Listening.ShareOfVoiceTests.Brands);
        listenSov.Add("Acme down, Globex fine");
        listenSov.Add("nothing");
        var listenMention = new Engagement.Metrics.Listening.Mention { MentionId = "m1", Author = "@ana", Channel = "twitter", PublishedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), Text = "Acme refund?", Reach = 1200 };
        var listenPeople = new Engagement.Metrics.Listening.ContributorAccumulator();
        listenPeople.Add(listenMention);
        listenPeople.Add(listenMention with { MentionId = "m2", Author = "news.example", Reach = null });
        var listenSketch = new Engagement.Metrics.Listening.SpaceSavingSketch(2, new Engagement.Metrics.Listening.ThemeOptions { MaxWords = 1 });
        listenSketch.Add("a", 3);
        listenSketch.Add("b");
        listenSketch.Add("c");
        var listenOther = new Engagement.Metrics.Listening.SpaceSavingSketch(2, listenSketch.Themes);
        listenOther.Add("d", 2);
        listenSketch.Merge(listenOther);
        var social = new SocialAccumulator(new SocialOptions { ShareWeight = 4, ConfidenceLevel = 0.9 });
        var socialPost = new SocialPost("p1", "instagram", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), 2000, 2600, null, 120, 18, 6)
        {
            Campaign = "spring", Saves = 10, Clicks = 40, PollVotes = 45, PollReach = 600,
        };
        social.Add(socialPost);
        var review = new Review("r1", "google", 2, 5, new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero))
        {
            RespondedAt = new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.Zero), Text = "Slow, but they fixed it.", Sentiment = 0.25,
        };
        var reviews = new ReviewAccumulator(new ReviewOptions { PriorMean = 4.1, NegativeThreshold = 2.5 });
        reviews.Add(review);
        reviews.Add(new Review("r2", "appstore", 9, 10, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero)));
        var reputationOptions = new ReputationOptions { EngagementWeight = 0.2, RecencyHalfLife = TimeSpan.FromDays(14) };
        ReputationScore reputation = ReputationScoring.Calculate(reviews.ToResult(), social.ToResult(), new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), reputationOptions);
        var fingerprints = new Engagement.Metrics.Triage.TextFingerprintAccumulator();
        fingerprints.AddRange(["Your code is 123456", "your code is 654321", "Where is my parcel?"]);
        Engagement.Metrics.Triage.TriageEntry triageEntry = Engagement.Metrics.Triage.TriageRanking.Build(
            [new Engagement.Metrics.Conversations.ConversationMessage { MessageId = "m1", ConversationId = "c1", CustomerId = "u1", Channel = "sms", Direction = Engagement.Metrics.Conversations.MessageDirection.Inbound, SentAt = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero), Text = "I want to cancel, where is my refund?" }],
            new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero),
            new LexiconSentimentScorer(),
            new Dictionary<string, double> { ["u1"] = 250 })[0];
        ReputationScore reputationBefore = ReputationScoring.Calculate(reviews.ToResult(), null, new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero));

        return new Dictionary<Type, object>
        {
            [typeof(Interval)] = new Interval(0.95, -1.5, 2.25),
            [typeof(Comparison)] = Comparison.Welch(5.4, 1.6, 10, 4, 0.5, 5, 0.9),
            [typeof(MeanVarianceAccumulator)] = moments,
            [typeof(MeanEstimate)] = moments.ToResult(),
            [typeof(QuantileSketch)] = sketch,
            [typeof(NpsOptions)] = nps.Options,
            [typeof(NpsResult)] = nps.ToResult(),
            [typeof(NpsAccumulator)] = nps,
            [typeof(CsatOptions)] = new CsatOptions { Maximum = 7, SatisfiedThreshold = 6 },
            [typeof(Engagement.Metrics.DependencyInjection.EngagementMetricsOptions)] = new Engagement.Metrics.DependencyInjection.EngagementMetricsOptions { Csat = new CsatOptions { SatisfiedThreshold = 5 } },
            [typeof(CsatResult)] = csat.ToResult(),
            [typeof(CsatAccumulator)] = csat,
            [typeof(CesOptions)] = CesOptions.Legacy,
            [typeof(CesResult)] = ces.ToResult(),
            [typeof(CesAccumulator)] = ces,
            [typeof(ScoreHistogram)] = histogram,
            [typeof(ScoreDistribution)] = csat.ToResult().Distribution,
            [typeof(StaffingOptions)] = new StaffingOptions
            {
                ServiceLevelThreshold = TimeSpan.FromSeconds(30),
                ServiceLevelTarget = 0.9,
                MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(15),
                MaxOccupancy = 0.85,
                Shrinkage = 0.3,
            },
            [typeof(ErlangCResult)] = ErlangC.Evaluate(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), 14, TimeSpan.FromSeconds(20)),
            [typeof(ErlangAResult)] = ErlangA.Evaluate(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(180), 14, TimeSpan.FromSeconds(20)),
            [typeof(RfmRecord)] = new RfmRecord("1", 2, 30.43, 38.86, 22.35),
            [typeof(CustomerRecord)] = new CustomerRecord("c-1", new DateOnly(2025, 1, 3), new DateOnly(2025, 6, 1), 49.5),
            [typeof(ChurnResult)] = new ChurnResult(ChurnMethod.Predictive, new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), 200, 50, 10, 5, 6100),
            [typeof(ChurnAccumulator)] = new ChurnAccumulator(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), 200, 50, 10, 5, 6100),
            [typeof(RevenueRetentionResult)] = new RevenueRetentionResult(1000, 50, 150, 400),
            [typeof(CohortRetentionTable)] = new CohortRetentionTable(new DateOnly(2025, 3, 31), [new CohortRow(new DateOnly(2025, 1, 1), 4, [3, 2, 1])]),
            [typeof(SbgModel)] = ShiftedBetaGeometric.Fit([1000, 631, 468, 382]),
            [typeof(SurvivalOptions)] = new SurvivalOptions { ConfidenceLevel = 0.9 },
            [typeof(KaplanMeierCurve)] = KaplanMeier.Estimate([2, 3, 3, 5], [true, true, false, true]),
            [typeof(LogRankResult)] = new LogRankResult(4, 1.75, 3, 5.25, 0.9),
            [typeof(ParetoNbdOptions)] = new ParetoNbdOptions { Fit = new FitOptions { MaxIterations = 80 } },
            [typeof(ParetoNbdModel)] = new ParetoNbdModel(new ParameterEstimate(0.553, 0.048), new ParameterEstimate(10.578, 0.843), new ParameterEstimate(0.606, 0.187), new ParameterEstimate(11.668, 6.21), -9594.97, 2357, new FitDiagnostics(FitStatus.Converged, 25, 27, 9.1e-6)),
            [typeof(BgBbRecord)] = new BgBbRecord(2, 4, 6, 229),
            [typeof(BgBbOptions)] = new BgBbOptions { Fit = new FitOptions { GradientTolerance = 1e-8 } },
            [typeof(BgBbModel)] = new BgBbModel(1.204, 0.750, 0.657, 2.783, [new BgBbRecord(0, 0, 6, 3464), new BgBbRecord(6, 6, 6, 1203)]),
            [typeof(LifetimeFitOptions)] = new LifetimeFitOptions { RequireConvergence = true, Fit = new FitOptions { MaxIterations = 80 } },
            [typeof(BgNbdModel)] = new BgNbdModel(new(0.243, 0.0126), new(4.414, 0.378), new(0.793, 0.186), new(2.426, 0.705), -9582.4, 2357, new FitDiagnostics(FitStatus.Converged, 30, 41, 1e-7)),
            [typeof(ModifiedBgNbdModel)] = new ModifiedBgNbdModel(0.525, 6.183, 0.891, 1.614),
            [typeof(GammaGammaModel)] = new GammaGammaModel(new(6.25, 1.19), new(3.74, 0.29), new(15.44, 4.16), -4055.9, 946, new FitDiagnostics(FitStatus.IterationLimit, 500, 700, 0.01)),
            [typeof(CustomerTransaction)] = new CustomerTransaction("42", new DateOnly(2024, 3, 1), 19.99),
            [typeof(RfmSummaryOptions)] = new RfmSummaryOptions { TimeUnit = RfmTimeUnit.Weeks },
            [typeof(CalibrationHoldoutSummary)] = new CalibrationHoldoutSummary(new RfmRecord[] { new("1", 2, 30.43, 38.86, 22.35), new("2", 0, 0, 38.86) }, new[] { 3, 0 }, new[] { 17.5, 0 }, 39, RfmTimeUnit.Weeks),
            [typeof(HoldoutValidationOptions)] = new HoldoutValidationOptions { OpenBucketFrequency = 5 },
            [typeof(HoldoutBucket)] = new HoldoutBucket(7, true, 12, 5.5, null),
            [typeof(HoldoutValidationResult)] = new HoldoutValidationResult(new[] { new HoldoutBucket(0, false, 3, 0.25, 0.3), new HoldoutBucket(1, true, 0, null, null) }, 3, 0.75, 0.9, 0.2, 0.3, 0.05),
            [typeof(CustomerLifetimeValueOptions)] = new CustomerLifetimeValueOptions { Periods = 24, PeriodLength = 4.345, DiscountRate = 0.02, Margin = 0.3 },
            [typeof(ParameterEstimate)] = new ParameterEstimate(0.243, 0.0125),
            [typeof(FitDiagnostics)] = new FitDiagnostics(FitStatus.Converged, 12, 15, 3.1e-7),
            [typeof(FitOptions)] = new FitOptions { MaxIterations = 50, GradientTolerance = 1e-7 },
            [typeof(ErlangAStaffingRequirement)] = ErlangA.RequiredAgents(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(120), new StaffingOptions { Shrinkage = 0.3, MaxAbandonmentRate = 0.05 }),
            [typeof(LinearTrendResult)] = LinearTrend.Fit([1, 2, 3, 4], [2, 4.5, 5.5, 8.25]),
            [typeof(ConversationOptions)] = conversations.Options,
            [typeof(EngagementScoreOptions)] = conversations.Options.Score,
            [typeof(ConversationEntry)] = conversations.Conversations[0].Entries[1],
            [typeof(ConversationState)] = conversations.Conversations[0],
            [typeof(ConversationAccumulator)] = conversations,
            [typeof(StreamingConversationOptions)] = streaming.Options,
            [typeof(StreamingConversationAccumulator)] = streaming,
            [typeof(SignalTotals)] = streaming.Overall,
            [typeof(DurationTotals)] = streaming.Overall.ResponseTimes!,
            [typeof(CustomerTotals)] = alice,
            [typeof(ClosedConversation)] = alice.AwaitingRepeat[0],
            [typeof(ConversationSignals)] = conversations.ToResult().Overall,
            [typeof(ConversationSummary)] = conversations.ToResult(),
            [typeof(ConversationResult)] = conversations.ToConversationResults()[0],
            [typeof(IReadOnlyList<ConversationResult>)] = conversations.ToConversationResults(),
            [typeof(CustomerEngagement)] = conversations.ToCustomerResults()[0],
            [typeof(IReadOnlyList<CustomerEngagement>)] = conversations.ToCustomerResults(),
            [typeof(EngagementScoreResult)] = conversations.ToResult().Overall.Score,
            [typeof(EngagementTrend)] = conversationTrend,
            [typeof(CustomerTrend)] = conversationTrend.Customers[0],
            [typeof(PeriodScore)] = conversationTrend.Overall[0],
            [typeof(DisengagementAlert)] = new DisengagementAlert("alice", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), 80, 50, ["responseRate", "questions"]),
            [typeof(ServiceOptions)] = service.Options,
            [typeof(RateResult)] = new RateResult(40, 31, 0.9),
            [typeof(DurationResult)] = service.ToResult().Asa,
            [typeof(HandleTimeResult)] = service.ToResult().Aht,
            [typeof(ServiceResult)] = service.ToResult(),
            [typeof(ServiceAccumulator)] = service,
            [typeof(ContactVisit)] = repeat.Visits[1],
            [typeof(RepeatContactResult)] = repeat.ToResult(),
            [typeof(RepeatContactAccumulator)] = repeat,
            [typeof(Engagement.Metrics.Channels.ChannelOptions)] = channels.Options,
            [typeof(Engagement.Metrics.Channels.ChannelStats)] = channels.ToResult().Channels[0],
            [typeof(Engagement.Metrics.Channels.ChannelResult)] = channels.ToResult(),
            [typeof(Engagement.Metrics.Channels.ChannelAccumulator)] = channels,
            [typeof(Engagement.Metrics.Campaigns.FunnelOptions)] = frequency.Options,
            [typeof(Engagement.Metrics.Campaigns.FunnelResult)] = funnel.ToResult(),
            [typeof(Engagement.Metrics.Campaigns.FunnelAccumulator)] = funnel,
            [typeof(Engagement.Metrics.Campaigns.CustomerSendStats)] = frequency.Customers[0],
            [typeof(Engagement.Metrics.Campaigns.FrequencyBucket)] = frequency.ToResult().Buckets[1],
            [typeof(Engagement.Metrics.Campaigns.SendFrequencyResult)] = frequency.ToResult(),
            [typeof(Engagement.Metrics.Campaigns.SendFrequencyAccumulator)] = frequency,
            [typeof(TrendTest)] = frequency.ToResult().UnsubscribeTrend,
            [typeof(ChannelUnitCost)] = new ChannelUnitCost(12, 0.3),
            [typeof(VolumeShift)] = cost.Options.Shifts[0],
            [typeof(CostToServeOptions)] = cost.Options,
            [typeof(CostBreakdown)] = cost.ToResult().Channels[0],
            [typeof(ShiftSavings)] = cost.ToResult().Shifts[0],
            [typeof(CostToServeResult)] = cost.ToResult(),
            [typeof(CostCell)] = cost.Cells[0],
            [typeof(CostToServeAccumulator)] = cost,
            [typeof(ContactDriver)] = ContactDrivers.Analyze(byReason.ToResults(), byReason.ToResults())[0],
            [typeof(StaffingRequirement)] = ErlangC.RequiredAgents(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), new StaffingOptions { Shrinkage = 0.3 }),
            [typeof(SentimentOptions)] = sentiment.Options,
            [typeof(SentimentScore)] = new SentimentScore(0.6249, 0.5, 0.5, 0, SentimentLabel.Positive),
            [typeof(SentimentSummary)] = sentiment.ToResult(),
            [typeof(SentimentAccumulator)] = sentiment,
            [typeof(SentimentShiftResult)] = SentimentShift.Calculate([-0.5, 0.1, 0.7]),
            [typeof(NetEmotionalValueOptions)] = nev.Options,
            [typeof(NetEmotionalValueResult)] = nev.ToResult(),
            [typeof(NetEmotionalValueAccumulator)] = nev,
            [typeof(SocialPost)] = socialPost,
            [typeof(SocialOptions)] = social.Options,
            [typeof(EngagementRate)] = social.ToResult().ByReach,
            [typeof(SocialResult)] = social.ToResult(),
            [typeof(SocialAccumulator)] = social,
            [typeof(Review)] = review,
            [typeof(ReviewOptions)] = reviews.Options,
            [typeof(ReviewResult)] = reviews.ToResult(),
            [typeof(ReviewAccumulator)] = reviews,
            [typeof(ReputationOptions)] = reputationOptions,
            [typeof(ReputationContribution)] = reputation.Contributions[0],
            [typeof(ReputationScore)] = reputation,
            [typeof(ReputationComponentChange)] = ReputationScoring.Compare(reputationBefore, reputation).Components[2],
            [typeof(ReputationChange)] = ReputationScoring.Compare(reputationBefore, reputation),
            [typeof(Engagement.Metrics.Triage.MessageClassifierOptions)] = Engagement.Metrics.Triage.MessageClassifierOptions.Default with { AutomatedThreshold = 2, PromotionalPhrases = ["gratis", "free"] },
            [typeof(Engagement.Metrics.Triage.MessageClassification)] = triageEntry.Classification,
            [typeof(Engagement.Metrics.Triage.TextFingerprintAccumulator)] = fingerprints,
            [typeof(Engagement.Metrics.Triage.PriorityOptions)] = new Engagement.Metrics.Triage.PriorityOptions { ValueReference = 500, WaitingSaturation = TimeSpan.FromHours(8), SeverityTerms = ["lawyer*", "abogad*"] },
            [typeof(Engagement.Metrics.Triage.PriorityScore)] = triageEntry.Priority,
            [typeof(Engagement.Metrics.Triage.TriageOptions)] = new Engagement.Metrics.Triage.TriageOptions { AutomatedLast = false },
            [typeof(Engagement.Metrics.Triage.TriageEntry)] = triageEntry,
            [typeof(Engagement.Metrics.Triage.TriageAlertOptions)] = new Engagement.Metrics.Triage.TriageAlertOptions { EngagementFloor = 25 },
            [typeof(Engagement.Metrics.Triage.TriageAlert)] = Engagement.Metrics.Triage.TriageAlerts.CheckPassive("cust7", 72, 40)!.Value,
            [typeof(Engagement.Metrics.Listening.Mention)] = listenMention,
            [typeof(Engagement.Metrics.Listening.ThemeOptions)] = listenTerms.Options,
            [typeof(Engagement.Metrics.Listening.TermCount)] = listenTerms.Get("caida"),
            [typeof(Engagement.Metrics.Listening.TermCountAccumulator)] = listenTerms,
            [typeof(Engagement.Metrics.Listening.TrendingOptions)] = new Engagement.Metrics.Listening.TrendingOptions { Threshold = 6.63, MinimumCount = 3 },
            [typeof(Engagement.Metrics.Listening.TrendingTerm)] = new Engagement.Metrics.Listening.TrendingTerm("refund", 1, 42, 1000, 5, 1200, 41.2353),
            [typeof(Engagement.Metrics.Listening.BrandDefinition)] = Engagement.Metrics.Listening.BrandDefinition.Of("Acme", "acmebank", "acme_help"),
            [typeof(Engagement.Metrics.Listening.ShareOfVoiceOptions)] = listenSov.Options,
            [typeof(Engagement.Metrics.Listening.BrandShare)] = listenSov.ToResult().Brands[0],
            [typeof(Engagement.Metrics.Listening.ShareOfVoiceResult)] = listenSov.ToResult(),
            [typeof(Engagement.Metrics.Listening.ShareOfVoiceAccumulator)] = listenSov,
            [typeof(Engagement.Metrics.Listening.Contributor)] = listenPeople.Contributors[0],
            [typeof(Engagement.Metrics.Listening.ContributorRanking)] = listenPeople.Top(5),
            [typeof(Engagement.Metrics.Listening.ContributorAccumulator)] = listenPeople,
            [typeof(Engagement.Metrics.Listening.HeavyHitter)] = listenSketch.Items[0],
            [typeof(Engagement.Metrics.Listening.SpaceSavingSketch)] = listenSketch,
        };
    }
}
