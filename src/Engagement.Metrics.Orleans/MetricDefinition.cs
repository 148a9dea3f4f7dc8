using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Engagement.Metrics.Orleans;

/// <summary>Adds a batch of observations to an accumulator.</summary>
/// <typeparam name="TAccumulator">The accumulator.</typeparam>
/// <typeparam name="TValue">The observation type.</typeparam>
/// <param name="accumulator">A fresh, empty accumulator owned by the caller (a partial aggregate).</param>
/// <param name="values">The observations of one segment and day.</param>
/// <remarks>Throw <see cref="ArgumentException"/> for a bad value: the whole batch is then rejected and nothing is stored.</remarks>
public delegate void MetricApply<in TAccumulator, TValue>(TAccumulator accumulator, ReadOnlySpan<TValue> values);

/// <summary>
/// How the cluster aggregates one metric: its name, its observation type, and how to create, fill, merge and
/// serialize its accumulator. Register it once per silo with
/// <see cref="EngagementMetricsOrleansOptions.AddMetric{TAccumulator, TValue}(MetricDefinition{TAccumulator, TValue})"/>.
/// </summary>
/// <remarks>This base is the non-generic view the grains use; create definitions with <see cref="MetricDefinition{TAccumulator, TValue}"/>.</remarks>
public abstract class MetricDefinition
{
    private protected MetricDefinition(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The metric's name: part of every grain key and the <see cref="MetricBatch.Metric"/> batches name.</summary>
    public string Name { get; }

    /// <summary>The observation type batches of this metric carry.</summary>
    public abstract Type ValueType { get; }

    internal abstract object CreateEmptyState();

    internal abstract object DeserializeState(ReadOnlySpan<byte> json);

    internal abstract byte[] SerializeState(object accumulator);

    internal abstract void MergeState(object into, object from);
}

/// <summary>The part of a definition the ingest grain of one observation type needs.</summary>
/// <typeparam name="TValue">The observation type.</typeparam>
public abstract class MetricDefinition<TValue> : MetricDefinition
{
    private protected MetricDefinition(string name)
        : base(name)
    {
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(TValue);

    /// <summary>Folds the observations of one segment and day into a new partial accumulator.</summary>
    internal abstract object Aggregate(ReadOnlySpan<TValue> values);
}

/// <summary>
/// A metric whose state is a <typeparamref name="TAccumulator"/> filled from <typeparamref name="TValue"/> observations.
/// </summary>
/// <typeparam name="TAccumulator">
/// A mergeable accumulator: merging is associative and commutative, and merging two partial accumulators equals
/// accumulating all their observations in one (exactly, for counts and unweighted data).
/// </typeparam>
/// <typeparam name="TValue">The observation type; it travels in grain calls and streams, so Orleans must be able to serialize it.</typeparam>
/// <example>
/// <code>
/// // A future accumulator needs one definition like this and one AddMetric call:
/// var churn = new MetricDefinition&lt;ChurnAccumulator, CustomerPeriod&gt;(
///     "churn",
///     EngagementMetricsJsonContext.Default.ChurnAccumulator,
///     createEmpty: () =&gt; new ChurnAccumulator(),
///     apply: (acc, values) =&gt; acc.AddRange(values),
///     merge: (into, from) =&gt; into.Merge(from));
/// </code>
/// </example>
public sealed class MetricDefinition<TAccumulator, TValue> : MetricDefinition<TValue>
    where TAccumulator : class
{
    private readonly Func<TAccumulator> _createEmpty;
    private readonly MetricApply<TAccumulator, TValue> _apply;
    private readonly Action<TAccumulator, TAccumulator> _merge;

    /// <summary>Creates a definition.</summary>
    /// <param name="name">The metric name, for example <c>"nps"</c>; not empty.</param>
    /// <param name="jsonTypeInfo">The accumulator's source-generated JSON contract (from <c>EngagementMetricsJsonContext.Default</c>): the persisted and transmitted state.</param>
    /// <param name="createEmpty">Creates an empty accumulator with the options every partial and aggregate uses.</param>
    /// <param name="apply">Adds a batch of observations to an accumulator, validating them.</param>
    /// <param name="merge">Merges the second accumulator into the first.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public MetricDefinition(
        string name,
        JsonTypeInfo<TAccumulator> jsonTypeInfo,
        Func<TAccumulator> createEmpty,
        MetricApply<TAccumulator, TValue> apply,
        Action<TAccumulator, TAccumulator> merge)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        ArgumentNullException.ThrowIfNull(createEmpty);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(merge);
        JsonTypeInfo = jsonTypeInfo;
        _createEmpty = createEmpty;
        _apply = apply;
        _merge = merge;
    }

    /// <summary>The accumulator's JSON contract.</summary>
    public JsonTypeInfo<TAccumulator> JsonTypeInfo { get; }

    /// <summary>Creates an empty accumulator with the metric's options.</summary>
    /// <returns>The accumulator.</returns>
    public TAccumulator CreateEmpty() => _createEmpty();

    /// <summary>Adds observations to an accumulator.</summary>
    /// <param name="accumulator">The accumulator.</param>
    /// <param name="values">The observations.</param>
    public void Apply(TAccumulator accumulator, ReadOnlySpan<TValue> values) => _apply(accumulator, values);

    /// <summary>Merges <paramref name="from"/> into <paramref name="into"/>.</summary>
    /// <param name="into">The accumulator that grows.</param>
    /// <param name="from">The accumulator merged in (unchanged).</param>
    public void Merge(TAccumulator into, TAccumulator from) => _merge(into, from);

    /// <summary>Serializes an accumulator with <see cref="JsonTypeInfo"/>.</summary>
    /// <param name="accumulator">The accumulator.</param>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] Serialize(TAccumulator accumulator) => JsonSerializer.SerializeToUtf8Bytes(accumulator, JsonTypeInfo);

    /// <summary>Restores an accumulator serialized with <see cref="Serialize"/>.</summary>
    /// <param name="json">UTF-8 JSON.</param>
    /// <returns>The accumulator.</returns>
    /// <exception cref="JsonException">The JSON is not an accumulator state.</exception>
    public TAccumulator Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, JsonTypeInfo) ?? throw new JsonException($"The stored state of metric '{Name}' is null.");

    internal override object CreateEmptyState() => CreateEmpty();

    internal override object DeserializeState(ReadOnlySpan<byte> json) => Deserialize(json);

    internal override byte[] SerializeState(object accumulator) => Serialize((TAccumulator)accumulator);

    internal override void MergeState(object into, object from) => Merge((TAccumulator)into, (TAccumulator)from);

    internal override object Aggregate(ReadOnlySpan<TValue> values)
    {
        TAccumulator partial = CreateEmpty();
        Apply(partial, values);
        return partial;
    }
}
