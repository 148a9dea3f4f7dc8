using System.Text.Json;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.DependencyInjection;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Retention;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Service;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Surveys;
using Engagement.Metrics.Triage;
using Engagement.Metrics.Tests.Lifetime;
using Engagement.Metrics.Tests.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Metrics.Tests.DependencyInjection;

public class EngagementMetricsServicesTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    private static ServiceProvider Build(Action<EngagementMetricsOptions>? configure = null) =>
        new ServiceCollection().AddEngagementMetrics(configure).BuildServiceProvider(Strict);

    [Fact]
    public void Every_calculator_and_options_record_resolves_as_a_singleton()
    {
        using ServiceProvider sp = Build();
        Type[] services =
        [
            typeof(ISurveyCalculator), typeof(IServiceCalculator), typeof(ISocialCalculator), typeof(IRetentionCalculator),
            typeof(ILifetimeValueCalculator), typeof(IConversationCalculator), typeof(ITriageCalculator), typeof(ISentimentScorer), typeof(IAsyncSentimentScorer), typeof(EngagementMetricsOptions),
            typeof(NpsOptions), typeof(CsatOptions), typeof(CesOptions), typeof(ServiceOptions), typeof(SurvivalOptions),
            typeof(CustomerLifetimeValueOptions), typeof(SentimentOptions), typeof(ConversationOptions), typeof(TriageOptions), typeof(TriageAlertOptions),
        ];
        foreach (Type type in services)
        {
            Assert.Same(sp.GetRequiredService(type), sp.GetRequiredService(type));
        }
    }

    [Fact]
    public void Configured_options_reach_the_calculators()
    {
        using ServiceProvider sp = Build(o =>
        {
            o.Csat = o.Csat with { SatisfiedThreshold = 5 };
            o.Nps = o.Nps with { IntervalMethod = NpsIntervalMethod.Wald };
        });
        ISurveyCalculator surveys = sp.GetRequiredService<ISurveyCalculator>();
        int[] csat = [5, 4, 4, 3, 5];

        // Top-box only: 2 of 5 answers are 5, where the default top-2-box would count 4.
        Assert.Equal(40, surveys.Csat(csat).Score);
        Assert.Equal(CustomerSatisfaction.Calculate(csat, new CsatOptions { SatisfiedThreshold = 5 }), surveys.Csat(csat));
        int[] nps = [10, 9, 8, 3, 0, 10, 7];
        Assert.Equal(NetPromoterScore.Calculate(nps, new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald }), surveys.Nps(nps));
        NpsAccumulator acc = surveys.CreateNpsAccumulator();
        acc.AddRange(nps);
        Assert.Equal(surveys.Nps(nps), acc.ToResult());
        Assert.Equal(5, sp.GetRequiredService<CsatOptions>().SatisfiedThreshold);
    }

    [Fact]
    public void The_other_calculators_agree_with_their_static_counterparts()
    {
        using ServiceProvider sp = Build();
        ContactRecord[] contacts = Engagement.Metrics.Tests.Service.Contacts.WorkedExample();
        IServiceCalculator service = sp.GetRequiredService<IServiceCalculator>();
        Assert.Equal(ServiceKpis.Calculate(contacts), service.Calculate(contacts));
        Assert.Equal(ServiceKpis.CalculateRepeatContacts(contacts), service.CalculateRepeatContacts(contacts));

        CustomerRecord[] customers = RetentionData.January();
        IRetentionCalculator retention = sp.GetRequiredService<IRetentionCalculator>();
        Assert.Equal(
            Churn.Calculate(customers, RetentionData.Jan1, RetentionData.Feb1, ChurnMethod.Adjusted),
            retention.Churn(customers, RetentionData.Jan1, RetentionData.Feb1, ChurnMethod.Adjusted));
        long[] survivors = RetentionData.Regular[..8];
        Assert.Equal(ShiftedBetaGeometric.Fit(survivors).Alpha, retention.FitShiftedBetaGeometric(survivors).Alpha);

        RfmRecord[] rfm = LifetimeData.CdnowSummary;
        ILifetimeValueCalculator lifetime = sp.GetRequiredService<ILifetimeValueCalculator>();
        Assert.Equal(BgNbd.Fit(rfm).LogLikelihood, lifetime.FitBgNbd(rfm).LogLikelihood);
    }

    [Fact]
    public void Conversation_and_triage_calculators_score_text_with_the_registered_scorer()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        ConversationMessage[] messages =
        [
            new() { MessageId = "m1", ConversationId = "c1", CustomerId = "k1", Channel = "sms", Direction = MessageDirection.Inbound, SentAt = at, Text = "This is terrible, still waiting!" },
            new() { MessageId = "m2", ConversationId = "c1", CustomerId = "k1", Channel = "sms", Direction = MessageDirection.Outbound, SentAt = at.AddMinutes(5), Text = "Sorry, fixing it now." },
            new() { MessageId = "m3", ConversationId = "c1", CustomerId = "k1", Channel = "sms", Direction = MessageDirection.Inbound, SentAt = at.AddMinutes(9), Text = "Great, thank you so much!" },
        ];

        using ServiceProvider lexicon = Build();
        var reference = new ConversationAccumulator(ConversationOptions.Default, new LexiconSentimentScorer());
        reference.AddRange(messages);
        Assert.Equal(Json(reference.ToResult()), Json(lexicon.GetRequiredService<IConversationCalculator>().Calculate(messages)));
        Assert.True(reference.ToResult().Overall.MeanSentimentShift > 0); // angry, then thankful

        var services = new ServiceCollection();
        services.AddEngagementMetrics().AddSentimentScorer<NeutralScorer>();
        using ServiceProvider neutral = services.BuildServiceProvider(Strict);
        Assert.Equal(0, neutral.GetRequiredService<IConversationCalculator>().Calculate(messages).Overall.MeanSentimentShift);

        ITriageCalculator triage = lexicon.GetRequiredService<ITriageCalculator>();
        Assert.Equal(MessageClassifier.Classify(messages[0].Text), triage.Classify(messages[0].Text));
        Assert.Equal(TriagePriority.Calculate(messages[0], at.AddHours(2), new LexiconSentimentScorer()), triage.Prioritize(messages[0], at.AddHours(2)));
    }

    private static string Json(ConversationSummary summary) => JsonSerializer.Serialize(summary, EngagementMetricsJsonContext.Default.ConversationSummary);

    [Fact]
    public void Invalid_settings_stop_registration_and_name_every_broken_property()
    {
        var services = new ServiceCollection();
        ArgumentException e = Assert.Throws<ArgumentException>(() => services.AddEngagementMetrics(o =>
        {
            o.Csat = o.Csat with { SatisfiedThreshold = 9 };
            o.Service = o.Service with { ServiceLevelThreshold = TimeSpan.FromSeconds(-1) };
            o.Survival = null!;
        }));

        Assert.Contains("Csat: CsatOptions is not valid: SatisfiedThreshold 9", e.Message, StringComparison.Ordinal);
        Assert.Contains("Service: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Survival is null", e.Message, StringComparison.Ordinal);
        Assert.Contains("AddEngagementMetrics", e.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void The_sentiment_scorer_and_any_calculator_are_replaceable()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISurveyCalculator, FixedSurveys>();
        services.AddEngagementMetrics(o => o.Sentiment = o.Sentiment with { Language = SentimentLanguage.Spanish }).AddSentimentScorer<NeutralScorer>();
        using ServiceProvider sp = services.BuildServiceProvider(Strict);

        Assert.IsType<FixedSurveys>(sp.GetRequiredService<ISurveyCalculator>());
        Assert.IsType<NeutralScorer>(sp.GetRequiredService<ISentimentScorer>());
        Assert.Equal(SentimentLanguage.Spanish, sp.GetRequiredService<SentimentOptions>().Language);
    }

    [Fact]
    public void Default_is_a_fresh_valid_instance_each_time()
    {
        EngagementMetricsOptions a = EngagementMetricsOptions.Default;
        a.Csat = a.Csat with { SatisfiedThreshold = 5 };
        Assert.Equal(4, EngagementMetricsOptions.Default.Csat.SatisfiedThreshold);
        Assert.Same(a, a.Validate());
    }

    private sealed class NeutralScorer : ISentimentScorer
    {
        public SentimentScore Score(ReadOnlySpan<char> text) => new(0, 0, 1, 0, SentimentLabel.Neutral);

        public void ScoreBatch(ReadOnlySpan<string?> texts, Span<SentimentScore> destination) => destination[..texts.Length].Fill(Score(default));
    }

    private sealed class FixedSurveys : ISurveyCalculator
    {
        public NpsResult Nps(ReadOnlySpan<int> scores) => default;

        public NpsResult Nps(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights) => default;

        public CsatResult Csat(ReadOnlySpan<int> scores) => default;

        public CesResult Ces(ReadOnlySpan<int> scores) => default;

        public NpsAccumulator CreateNpsAccumulator() => new();

        public CsatAccumulator CreateCsatAccumulator() => new();

        public CesAccumulator CreateCesAccumulator() => new();
    }
}
