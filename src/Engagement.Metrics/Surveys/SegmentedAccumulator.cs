namespace Engagement.Metrics.Surveys;

/// <summary>
/// One accumulator per key — a segment (channel, region, agent) or a period (day, month) — that merges into
/// the overall result.
/// </summary>
/// <typeparam name="TKey">The segment or period key.</typeparam>
/// <typeparam name="TAccumulator">The accumulator kept per key, for example <see cref="NpsAccumulator"/> or <c>SentimentAccumulator</c>.</typeparam>
/// <example>
/// <code>
/// var byChannel = new SegmentedAccumulator&lt;string, NpsAccumulator&gt;(new NpsAccumulator());
/// byChannel.Add("chat", 9);
/// byChannel.Add("voice", 4);
/// NpsResult chat = byChannel.Groups["chat"].ToResult();
/// NpsResult overall = byChannel.ToOverall().ToResult();
/// </code>
/// </example>
/// <threadsafety>Not thread-safe: give each thread its own instance and merge them.</threadsafety>
public sealed class SegmentedAccumulator<TKey, TAccumulator>
    where TKey : notnull
    where TAccumulator : class, IMergeableAccumulator<TAccumulator>
{
    private readonly Dictionary<TKey, TAccumulator> _groups;
    private readonly TAccumulator _template;

    /// <summary>Creates an empty set of segments.</summary>
    /// <param name="template">An accumulator whose options every segment uses (its contents are ignored).</param>
    /// <param name="comparer">How keys are compared; the default comparer when null.</param>
    public SegmentedAccumulator(TAccumulator template, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        _template = template.CreateEmpty();
        _groups = new Dictionary<TKey, TAccumulator>(comparer);
    }

    /// <summary>The accumulator of each key seen so far.</summary>
    public IReadOnlyDictionary<TKey, TAccumulator> Groups => _groups;

    /// <summary>The accumulator for <paramref name="key"/>, created empty on first use.</summary>
    /// <param name="key">The segment or period.</param>
    /// <returns>The segment's accumulator.</returns>
    public TAccumulator Segment(TKey key)
    {
        if (!_groups.TryGetValue(key, out TAccumulator? accumulator))
        {
            accumulator = _template.CreateEmpty();
            _groups.Add(key, accumulator);
        }

        return accumulator;
    }

    /// <summary>
    /// Applies <paramref name="add"/> to the segment's accumulator; for a new key, to a fresh accumulator that is
    /// inserted only if <paramref name="add"/> succeeds, so a rejected observation never leaves an empty segment.
    /// </summary>
    /// <typeparam name="TState">What <paramref name="add"/> adds (passed through, so the callback need not capture).</typeparam>
    /// <param name="key">The segment or period.</param>
    /// <param name="state">The observation.</param>
    /// <param name="add">Adds <paramref name="state"/> to an accumulator; may throw to reject it.</param>
    public void Add<TState>(TKey key, TState state, Action<TAccumulator, TState> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        if (_groups.TryGetValue(key, out TAccumulator? existing))
        {
            add(existing, state);
            return;
        }

        TAccumulator created = _template.CreateEmpty();
        add(created, state);
        _groups.Add(key, created);
    }

    /// <summary>Merges another set of segments into this one, key by key.</summary>
    /// <param name="other">Segments whose accumulators have the same options.</param>
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(SegmentedAccumulator<TKey, TAccumulator> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _template.CreateEmpty().Merge(other._template);
        foreach (KeyValuePair<TKey, TAccumulator> group in other._groups)
        {
            Segment(group.Key).Merge(group.Value);
        }
    }

    /// <summary>Merges every segment into one new accumulator: the overall result.</summary>
    /// <returns>A new accumulator holding all responses.</returns>
    public TAccumulator ToOverall()
    {
        TAccumulator overall = _template.CreateEmpty();
        foreach (TAccumulator group in _groups.Values)
        {
            overall.Merge(group);
        }

        return overall;
    }
}
