using Engagement.Metrics.Sentiment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>Registers the Engagement.Metrics calculators and their options with dependency injection.</summary>
/// <example>
/// <code>
/// services.AddEngagementMetrics(o =&gt; o.Csat = o.Csat with { SatisfiedThreshold = 5 })
///         .AddSentimentScorer&lt;MyRemoteScorer&gt;();
///
/// public sealed class SurveyEndpoint(ISurveyCalculator surveys)
/// {
///     public NpsResult Nps(int[] answers) =&gt; surveys.Nps(answers);
/// }
/// </code>
/// </example>
public static class EngagementMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons and unless already registered: the validated <see cref="EngagementMetricsOptions"/>
    /// and each area's options record (so <c>NpsOptions</c>, <c>ServiceOptions</c>, … can be injected on their own);
    /// <see cref="ISurveyCalculator"/>, <see cref="IServiceCalculator"/>, <see cref="ISocialCalculator"/>,
    /// <see cref="IRetentionCalculator"/>, <see cref="ILifetimeValueCalculator"/>, <see cref="IConversationCalculator"/>,
    /// <see cref="ITriageCalculator"/> (both score text with the registered <see cref="ISentimentScorer"/>); and sentiment scoring
    /// (<see cref="SentimentServiceCollectionExtensions.AddSentimentScoring"/>: <see cref="ISentimentScorer"/>, replaceable with
    /// <see cref="SentimentServiceCollectionExtensions.AddSentimentScorer{TScorer}"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the defaults; runs once, now.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentException">
    /// The configured options are invalid. They are validated here, at start-up, so a bad setting stops the
    /// application before it serves a request; the message names every broken setting by its property path.
    /// </exception>
    public static IServiceCollection AddEngagementMetrics(this IServiceCollection services, Action<EngagementMetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new EngagementMetricsOptions();
        configure?.Invoke(options);
        options.Validate();

        services.TryAddSingleton(options);
        services.TryAddSingleton(options.Nps);
        services.TryAddSingleton(options.Csat);
        services.TryAddSingleton(options.Ces);
        services.TryAddSingleton(options.Service);
        services.TryAddSingleton(options.Channels);
        services.TryAddSingleton(options.Conversations);
        services.TryAddSingleton(options.Triage);
        services.TryAddSingleton(options.TriageAlerts);
        services.TryAddSingleton(options.Social);
        services.TryAddSingleton(options.Reviews);
        services.TryAddSingleton(options.Reputation);
        services.TryAddSingleton(options.NetEmotionalValue);
        services.TryAddSingleton(options.Survival);
        services.TryAddSingleton(options.RetentionFit);
        services.TryAddSingleton(options.LifetimeFit);
        services.TryAddSingleton(options.CustomerLifetimeValue);

        services.TryAddSingleton<ISurveyCalculator>(sp => new SurveyCalculator(Get<Surveys.NpsOptions>(sp), Get<Surveys.CsatOptions>(sp), Get<Surveys.CesOptions>(sp)));
        services.TryAddSingleton<IServiceCalculator>(sp => new ServiceCalculator(Get<Service.ServiceOptions>(sp), Get<Channels.ChannelOptions>(sp)));
        services.TryAddSingleton<ISocialCalculator>(sp => new SocialCalculator(Get<Social.SocialOptions>(sp), Get<Social.Reviews.ReviewOptions>(sp), Get<Social.Reputation.ReputationOptions>(sp)));
        services.TryAddSingleton<IRetentionCalculator>(sp => new RetentionCalculator(Get<Retention.SurvivalOptions>(sp), Get<Statistics.FitOptions>(sp)));
        services.TryAddSingleton<ILifetimeValueCalculator>(sp => new LifetimeValueCalculator(Get<Lifetime.LifetimeFitOptions>(sp), Get<Lifetime.CustomerLifetimeValueOptions>(sp)));
        services.TryAddSingleton<IConversationCalculator>(sp => new ConversationCalculator(Get<Conversations.ConversationOptions>(sp), Get<ISentimentScorer>(sp)));
        services.TryAddSingleton<ITriageCalculator>(sp => new TriageCalculator(Get<Triage.TriageOptions>(sp), Get<Triage.TriageAlertOptions>(sp), Get<ISentimentScorer>(sp)));
        return services.AddSentimentScoring(options.Sentiment);
    }

    private static T Get<T>(IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
