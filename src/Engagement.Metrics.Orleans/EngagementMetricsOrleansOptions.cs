using System.Globalization;

namespace Engagement.Metrics.Orleans;

/// <summary>The silo-side settings of the scale-out package: which metrics exist and how ingest is buffered and deduplicated.</summary>
public sealed class EngagementMetricsOrleansOptions
{
    private readonly Dictionary<string, MetricDefinition> _metrics = new(StringComparer.Ordinal);

    /// <summary>The registered metrics by name.</summary>
    public IReadOnlyDictionary<string, MetricDefinition> Metrics => _metrics;

    /// <summary>
    /// How long a per-silo ingest worker buffers partial aggregates before writing them to the aggregate grains.
    /// Callers are acknowledged only after that write, so this is added to ingest latency; longer windows coalesce
    /// more batches into one grain call and one storage write per key. <see cref="TimeSpan.Zero"/> writes every batch
    /// immediately. Default 20 ms.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A worker flushes early once it buffers this many events. Default 50 000.</summary>
    public int MaxBufferedEvents { get; set; } = 50_000;

    /// <summary>
    /// How long an aggregate grain remembers the id of a batch it applied, to ignore a retried or redelivered copy.
    /// A copy that arrives later than this would be counted again, so set it above the longest time a producer keeps
    /// retrying. Default 7 days.
    /// </summary>
    public TimeSpan AppliedBatchRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The most batch ids an aggregate grain remembers (oldest forgotten first), bounding its state at about
    /// 24 bytes per id. Default 100 000.
    /// </summary>
    public int MaxAppliedBatchIds { get; set; } = 100_000;

    /// <summary>Registers a metric; one call per accumulator type (or per differently configured copy, under another name).</summary>
    /// <typeparam name="TAccumulator">The accumulator.</typeparam>
    /// <typeparam name="TValue">The observation type.</typeparam>
    /// <param name="definition">The metric definition, for example <see cref="SurveyMetrics.Nps"/>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">A metric with the same name is already registered.</exception>
    public EngagementMetricsOrleansOptions AddMetric<TAccumulator, TValue>(MetricDefinition<TAccumulator, TValue> definition)
        where TAccumulator : class
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_metrics.TryAdd(definition.Name, definition))
        {
            throw new ArgumentException($"A metric named '{definition.Name}' is already registered; give the second definition another name.", nameof(definition));
        }

        return this;
    }

    /// <summary>Registers NPS, CSAT and CES with their default options under <c>nps</c>, <c>csat</c> and <c>ces</c>.</summary>
    /// <returns>These options, for chaining.</returns>
    public EngagementMetricsOrleansOptions AddSurveyMetrics() =>
        AddMetric(SurveyMetrics.Nps()).AddMetric(SurveyMetrics.Csat()).AddMetric(SurveyMetrics.Ces());

    /// <summary>Registers the contact-centre KPIs (<see cref="ServiceMetrics.Service"/>) under <see cref="ServiceMetrics.ServiceName"/>.</summary>
    /// <param name="options">The service options; <see cref="Engagement.Metrics.Service.ServiceOptions.Default"/> when null.</param>
    /// <returns>These options, for chaining.</returns>
    public EngagementMetricsOrleansOptions AddServiceMetrics(Engagement.Metrics.Service.ServiceOptions? options = null) =>
        AddMetric(ServiceMetrics.Service(options));

    /// <summary>Registers churn counts for one reporting period (<see cref="ChurnMetrics.Churn"/>).</summary>
    /// <param name="name">The metric name, unique per period, for example <c>churn-2026-11</c>.</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The day after the last day of the period.</param>
    /// <returns>These options, for chaining.</returns>
    public EngagementMetricsOrleansOptions AddChurnMetric(string name, DateOnly from, DateOnly to) =>
        AddMetric(ChurnMetrics.Churn(name, from, to));

    /// <summary>Registers the conversation signals (<see cref="ConversationMetrics.Conversations"/>) under <see cref="ConversationMetrics.ConversationsName"/>.</summary>
    /// <param name="options">The conversation options; <see cref="Engagement.Metrics.Conversations.ConversationOptions.Default"/> when null.</param>
    /// <param name="scorer">Scores customer text on the silo when messages carry no sentiment; none when null.</param>
    /// <returns>These options, for chaining.</returns>
    public EngagementMetricsOrleansOptions AddConversationMetrics(Engagement.Metrics.Conversations.ConversationOptions? options = null, Engagement.Metrics.Sentiment.ISentimentScorer? scorer = null) =>
        AddMetric(ConversationMetrics.Conversations(options, scorer));

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (FlushInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FlushInterval), FlushInterval, "FlushInterval must be zero (no buffering) or positive.");
        }

        if (MaxBufferedEvents < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBufferedEvents), MaxBufferedEvents, "MaxBufferedEvents must be at least 1.");
        }

        if (AppliedBatchRetention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AppliedBatchRetention), AppliedBatchRetention, "AppliedBatchRetention must be positive; make it longer than producers keep retrying.");
        }

        if (MaxAppliedBatchIds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAppliedBatchIds), MaxAppliedBatchIds, "MaxAppliedBatchIds must be at least 1.");
        }
    }

    internal MetricDefinition Get(string metric) =>
        _metrics.TryGetValue(metric, out MetricDefinition? definition)
            ? definition
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Metric '{metric}' is not registered on this silo; register it with AddEngagementMetrics(o => o.AddMetric(...)). Registered: {string.Join(", ", _metrics.Keys)}."),
                nameof(metric));
}
