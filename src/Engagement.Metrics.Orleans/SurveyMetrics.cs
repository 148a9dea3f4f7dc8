using Engagement.Metrics.Serialization;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Orleans;

/// <summary>Ready-made definitions of the survey metrics (NPS, CSAT, CES) over <see cref="SurveyResponse"/> observations.</summary>
public static class SurveyMetrics
{
    /// <summary>The default name of the NPS metric.</summary>
    public const string NpsName = "nps";

    /// <summary>The default name of the CSAT metric.</summary>
    public const string CsatName = "csat";

    /// <summary>The default name of the CES metric.</summary>
    public const string CesName = "ces";

    /// <summary>Net Promoter Score (0..10 answers) kept in an <see cref="NpsAccumulator"/>.</summary>
    /// <param name="options">The NPS options; <see cref="NpsOptions.Default"/> when null.</param>
    /// <param name="name">The metric name.</param>
    /// <returns>The definition.</returns>
    public static MetricDefinition<NpsAccumulator, SurveyResponse> Nps(NpsOptions? options = null, string name = NpsName)
    {
        var template = new NpsAccumulator(options);
        return new(name, EngagementMetricsJsonContext.Default.NpsAccumulator, template.CreateEmpty, Apply, Merge);
    }

    /// <summary>Customer satisfaction kept in a <see cref="CsatAccumulator"/>.</summary>
    /// <param name="options">The CSAT options (scale, satisfied threshold); <see cref="CsatOptions.Default"/> when null.</param>
    /// <param name="name">The metric name.</param>
    /// <returns>The definition.</returns>
    public static MetricDefinition<CsatAccumulator, SurveyResponse> Csat(CsatOptions? options = null, string name = CsatName)
    {
        var template = new CsatAccumulator(options);
        return new(name, EngagementMetricsJsonContext.Default.CsatAccumulator, template.CreateEmpty, Apply, Merge);
    }

    /// <summary>Customer effort score kept in a <see cref="CesAccumulator"/>.</summary>
    /// <param name="options">The CES options (scale, direction); <see cref="CesOptions.Default"/> when null.</param>
    /// <param name="name">The metric name.</param>
    /// <returns>The definition.</returns>
    public static MetricDefinition<CesAccumulator, SurveyResponse> Ces(CesOptions? options = null, string name = CesName)
    {
        var template = new CesAccumulator(options);
        return new(name, EngagementMetricsJsonContext.Default.CesAccumulator, template.CreateEmpty, Apply, Merge);
    }

    private static void Apply<TAccumulator>(TAccumulator accumulator, ReadOnlySpan<SurveyResponse> values)
        where TAccumulator : IScoreAccumulator<TAccumulator>
    {
        // The accumulator is a fresh partial owned by the ingest grain: if a value is rejected half-way, the grain
        // discards every partial of the batch, so the batch as a whole still leaves the cluster unchanged.
        for (int i = 0; i < values.Length; i++)
        {
            accumulator.Add(values[i].Score, values[i].Weight);
        }
    }

    private static void Merge<TAccumulator>(TAccumulator into, TAccumulator from)
        where TAccumulator : IScoreAccumulator<TAccumulator> => into.Merge(from);
}
