using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>
/// Survey KPIs (NPS, CSAT, CES) with the options registered by
/// <see cref="EngagementMetricsServiceCollectionExtensions.AddEngagementMetrics"/>: the injectable face of
/// <see cref="NetPromoterScore"/>, <see cref="CustomerSatisfaction"/> and <see cref="CustomerEffortScore"/>.
/// </summary>
/// <remarks>Implementations are thread-safe singletons; every method gives the same result as the static calculator with the same options.</remarks>
public interface ISurveyCalculator
{
    /// <summary>The Net Promoter Score of 0–10 answers; see <see cref="NetPromoterScore.Calculate(ReadOnlySpan{int}, NpsOptions?)"/>.</summary>
    /// <param name="scores">The answers.</param>
    /// <returns>The score, counts and interval.</returns>
    NpsResult Nps(ReadOnlySpan<int> scores);

    /// <summary>The weighted Net Promoter Score; see <see cref="NetPromoterScore.Calculate(ReadOnlySpan{int}, ReadOnlySpan{double}, NpsOptions?)"/>.</summary>
    /// <param name="scores">The answers.</param>
    /// <param name="weights">One survey weight per answer.</param>
    /// <returns>The score, counts and interval.</returns>
    NpsResult Nps(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights);

    /// <summary>Customer satisfaction; see <see cref="CustomerSatisfaction.Calculate(ReadOnlySpan{int}, CsatOptions?)"/>.</summary>
    /// <param name="scores">The answers on the registered scale.</param>
    /// <returns>The satisfied share, mean and intervals.</returns>
    CsatResult Csat(ReadOnlySpan<int> scores);

    /// <summary>Customer effort score; see <see cref="CustomerEffortScore.Calculate(ReadOnlySpan{int}, CesOptions?)"/>.</summary>
    /// <param name="scores">The answers on the registered scale.</param>
    /// <returns>The mean effort, easy share and intervals.</returns>
    CesResult Ces(ReadOnlySpan<int> scores);

    /// <summary>A new, empty NPS accumulator with the registered options, for streaming and merging.</summary>
    /// <returns>The accumulator.</returns>
    NpsAccumulator CreateNpsAccumulator();

    /// <summary>A new, empty CSAT accumulator with the registered options.</summary>
    /// <returns>The accumulator.</returns>
    CsatAccumulator CreateCsatAccumulator();

    /// <summary>A new, empty CES accumulator with the registered options.</summary>
    /// <returns>The accumulator.</returns>
    CesAccumulator CreateCesAccumulator();
}
