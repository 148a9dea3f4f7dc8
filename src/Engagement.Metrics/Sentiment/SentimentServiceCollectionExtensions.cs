using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// Registers sentiment scoring with dependency injection: the default <see cref="LexiconSentimentScorer"/>, and
/// replacements for it. The single entry point a later <c>AddEngagementMetrics</c> calls.
/// </summary>
/// <example>
/// <code>
/// services.AddSentimentScoring(new SentimentOptions { Language = SentimentLanguage.Spanish });
/// services.AddSentimentScorer&lt;MyCloudScorer&gt;();   // replaces the default ISentimentScorer
/// </code>
/// </example>
public static class SentimentServiceCollectionExtensions
{
    /// <summary>
    /// Registers, unless already registered: <see cref="SentimentOptions"/> (the given or default options),
    /// <see cref="ISentimentScorer"/> as a singleton <see cref="LexiconSentimentScorer"/>, and
    /// <see cref="IAsyncSentimentScorer"/> as the asynchronous view of whichever <see cref="ISentimentScorer"/> is
    /// registered (<see cref="SentimentScorerAdapters.AsAsync"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The options of the default scorer; <see cref="SentimentOptions.Default"/> when null.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IServiceCollection AddSentimentScoring(this IServiceCollection services, SentimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        SentimentOptions validated = (options ?? SentimentOptions.Default).Validate();
        services.TryAddSingleton(validated);
        services.TryAddSingleton<ISentimentScorer>(sp => new LexiconSentimentScorer(sp.GetRequiredService<SentimentOptions>()));
        services.TryAddSingleton<IAsyncSentimentScorer>(sp => sp.GetRequiredService<ISentimentScorer>().AsAsync());
        return services;
    }

    /// <summary>
    /// Replaces the registered <see cref="ISentimentScorer"/> with <typeparamref name="TScorer"/> (a singleton); the
    /// registered <see cref="IAsyncSentimentScorer"/> view follows it. Registers the defaults first if needed.
    /// </summary>
    /// <typeparam name="TScorer">The scorer; must be thread-safe.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddSentimentScorer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TScorer>(this IServiceCollection services)
        where TScorer : class, ISentimentScorer
    {
        AddSentimentScoring(services);
        services.Replace(ServiceDescriptor.Singleton<ISentimentScorer, TScorer>());
        return services;
    }

    /// <summary>
    /// Replaces the registered <see cref="IAsyncSentimentScorer"/> with <typeparamref name="TScorer"/> (a singleton),
    /// for remote scorers. The synchronous <see cref="ISentimentScorer"/> stays the default lexicon scorer, because a
    /// blocking view of a remote call should be chosen explicitly (<see cref="SentimentScorerAdapters.AsSynchronous"/>).
    /// </summary>
    /// <typeparam name="TScorer">The scorer; must be thread-safe.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddAsyncSentimentScorer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TScorer>(this IServiceCollection services)
        where TScorer : class, IAsyncSentimentScorer
    {
        AddSentimentScoring(services);
        services.Replace(ServiceDescriptor.Singleton<IAsyncSentimentScorer, TScorer>());
        return services;
    }
}
