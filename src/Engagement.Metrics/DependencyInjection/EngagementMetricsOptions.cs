using Engagement.Metrics.Channels;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Retention;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Service;
using Engagement.Metrics.Social;
using Engagement.Metrics.Social.Reputation;
using Engagement.Metrics.Social.Reviews;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using Engagement.Metrics.Triage;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>
/// Every area's options in one place, for <see cref="EngagementMetricsServiceCollectionExtensions.AddEngagementMetrics"/>.
/// Each property holds that area's own options record with its documented, industry-standard defaults.
/// </summary>
/// <remarks>
/// The area records are immutable, so change one with a <c>with</c> expression inside the configuration callback:
/// <code>
/// services.AddEngagementMetrics(o =&gt; o.Csat = o.Csat with { SatisfiedThreshold = 5 });
/// </code>
/// The properties are settable (unlike the area records) because this type is the configuration surface of a
/// callback, the way <c>Microsoft.Extensions</c> options classes are; it is validated once, at registration, and the
/// registered area records never change afterwards.
/// </remarks>
public sealed record EngagementMetricsOptions
{
    /// <summary>A new instance holding every area's defaults (a new one each time, so no caller can change another's).</summary>
    public static EngagementMetricsOptions Default => new();

    /// <summary>Net Promoter Score: scale, bands and interval method.</summary>
    public NpsOptions Nps { get; set; } = NpsOptions.Default;

    /// <summary>Customer satisfaction: scale and satisfied threshold.</summary>
    public CsatOptions Csat { get; set; } = CsatOptions.Default;

    /// <summary>Customer effort score: scale and direction.</summary>
    public CesOptions Ces { get; set; } = CesOptions.Default;

    /// <summary>Contact-centre KPIs: service-level target, short-abandon threshold, repeat-contact window.</summary>
    public ServiceOptions Service { get; set; } = ServiceOptions.Default;

    /// <summary>Channel mix and effectiveness: the channel catalogue.</summary>
    public ChannelOptions Channels { get; set; } = ChannelOptions.Default;

    /// <summary>Conversation signals: response and repeat windows, ignored-channel rule, engagement-score weights.</summary>
    public ConversationOptions Conversations { get; set; } = ConversationOptions.Default;

    /// <summary>Triage: classifier phrase lists and weights, priority weights and severity terms.</summary>
    public TriageOptions Triage { get; set; } = TriageOptions.Default;

    /// <summary>Triage alerts: passive (engagement) and hostile (sentiment) thresholds.</summary>
    public TriageAlertOptions TriageAlerts { get; set; } = TriageAlertOptions.Default;

    /// <summary>Social engagement: interaction weights and denominators.</summary>
    public SocialOptions Social { get; set; } = SocialOptions.Default;

    /// <summary>Review metrics: rating scale and response-time target.</summary>
    public ReviewOptions Reviews { get; set; } = ReviewOptions.Default;

    /// <summary>Reputation score: component weights.</summary>
    public ReputationOptions Reputation { get; set; } = ReputationOptions.Default;

    /// <summary>The default sentiment scorer: language and label thresholds.</summary>
    public SentimentOptions Sentiment { get; set; } = SentimentOptions.Default;

    /// <summary>Net Emotional Value: the emotion catalogue.</summary>
    public NetEmotionalValueOptions NetEmotionalValue { get; set; } = NetEmotionalValueOptions.Default;

    /// <summary>Kaplan–Meier survival: interval level.</summary>
    public SurvivalOptions Survival { get; set; } = SurvivalOptions.Default;

    /// <summary>Maximum-likelihood fitting of the retention models (sBG).</summary>
    public FitOptions RetentionFit { get; set; } = FitOptions.Default;

    /// <summary>Maximum-likelihood fitting of the lifetime models (BG/NBD, Gamma-Gamma).</summary>
    public LifetimeFitOptions LifetimeFit { get; set; } = LifetimeFitOptions.Default;

    /// <summary>Customer lifetime value: horizon, discount rate, margin.</summary>
    public CustomerLifetimeValueOptions CustomerLifetimeValue { get; set; } = CustomerLifetimeValueOptions.Default;

    /// <summary>Checks every area's options and reports every broken rule at once, each prefixed with its property.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">
    /// An area is null or breaks a rule. The message reads, for example,
    /// <c>EngagementMetricsOptions is not valid: Csat: CsatOptions is not valid: SatisfiedThreshold 9 must lie on the scale 1..5.</c>
    /// </exception>
    public EngagementMetricsOptions Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(Nps), Nps, static o => o.Validate());
        Check(errors, nameof(Csat), Csat, static o => o.Validate());
        Check(errors, nameof(Ces), Ces, static o => o.Validate());
        Check(errors, nameof(Service), Service, static o => o.Validate());
        Check(errors, nameof(Channels), Channels, static o => o.Validate());
        Check(errors, nameof(Conversations), Conversations, static o => o.Validate());
        Check(errors, nameof(Triage), Triage, static o => o.Validate());
        Check(errors, nameof(TriageAlerts), TriageAlerts, static o => o.Validate());
        Check(errors, nameof(Social), Social, static o => o.Validate());
        Check(errors, nameof(Reviews), Reviews, static o => o.Validate());
        Check(errors, nameof(Reputation), Reputation, static o => o.Validate());
        Check(errors, nameof(Sentiment), Sentiment, static o => o.Validate());
        Check(errors, nameof(NetEmotionalValue), NetEmotionalValue, static o => o.Validate());
        Check(errors, nameof(Survival), Survival, static o => o.Validate());
        Check(errors, nameof(RetentionFit), RetentionFit, static o => o.Validate());
        Check(errors, nameof(LifetimeFit), LifetimeFit, static o => o.Validate());
        Check(errors, nameof(CustomerLifetimeValue), CustomerLifetimeValue, static o => o.Validate());
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"{nameof(EngagementMetricsOptions)} is not valid: {string.Join(" ", errors)} Fix the AddEngagementMetrics(...) configuration.",
                nameof(EngagementMetricsOptions));
        }

        return this;
    }

    private static void Check<T>(List<string> errors, string name, T? options, Action<T> validate)
        where T : class
    {
        if (options is null)
        {
            errors.Add($"{name} is null; leave it unset for the defaults.");
            return;
        }

        try
        {
            validate(options);
        }
        catch (ArgumentException e)
        {
            errors.Add($"{name}: {e.Message}");
        }
    }
}
