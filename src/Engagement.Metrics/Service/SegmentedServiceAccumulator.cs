namespace Engagement.Metrics.Service;

/// <summary>
/// One <see cref="ServiceAccumulator"/> per key — a channel, a contact reason, a period, or a combination — that
/// merges into the overall result. The service counterpart of the survey area's
/// <see cref="Surveys.SegmentedAccumulator{TKey, TAccumulator}"/>, whose accumulators take scores, not contacts.
/// </summary>
/// <typeparam name="TKey">The segment or period key.</typeparam>
/// <example>
/// <code>
/// var byChannel = new SegmentedServiceAccumulator&lt;string&gt;();
/// foreach (ContactRecord c in contacts) byChannel.Add(c.Channel, c);
/// ServiceResult voice = byChannel.Groups["voice"].ToResult();
/// ServiceResult overall = byChannel.ToOverall().ToResult();
/// </code>
/// </example>
/// <threadsafety>Not thread-safe: give each thread its own instance and merge them.</threadsafety>
public sealed class SegmentedServiceAccumulator<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, ServiceAccumulator> _groups;

    /// <summary>Creates an empty set of segments.</summary>
    /// <param name="options">The options every segment uses; <see cref="ServiceOptions.Default"/> when null.</param>
    /// <param name="comparer">How keys are compared; the default comparer when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SegmentedServiceAccumulator(ServiceOptions? options = null, IEqualityComparer<TKey>? comparer = null)
    {
        Options = (options ?? ServiceOptions.Default).Validate();
        _groups = new Dictionary<TKey, ServiceAccumulator>(comparer);
    }

    /// <summary>The options every segment uses.</summary>
    public ServiceOptions Options { get; }

    /// <summary>The accumulator of each key seen so far.</summary>
    public IReadOnlyDictionary<TKey, ServiceAccumulator> Groups => _groups;

    /// <summary>Adds one contact to a segment.</summary>
    /// <param name="key">The segment.</param>
    /// <param name="contact">The contact.</param>
    /// <exception cref="ArgumentException">The contact is invalid; nothing is added and no segment is created.</exception>
    public void Add(TKey key, in ContactRecord contact)
    {
        contact.Validate();
        Segment(key).Add(contact);
    }

    /// <summary>The accumulator for <paramref name="key"/>, created empty on first use.</summary>
    /// <param name="key">The segment.</param>
    /// <returns>The segment's accumulator.</returns>
    public ServiceAccumulator Segment(TKey key)
    {
        if (!_groups.TryGetValue(key, out ServiceAccumulator? accumulator))
        {
            accumulator = new ServiceAccumulator(Options);
            _groups.Add(key, accumulator);
        }

        return accumulator;
    }

    /// <summary>Merges another set of segments into this one, key by key.</summary>
    /// <param name="other">Segments with equal options.</param>
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(SegmentedServiceAccumulator<TKey> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Options != Options)
        {
            throw new ArgumentException("Cannot merge segments with different options.", nameof(other));
        }

        foreach (KeyValuePair<TKey, ServiceAccumulator> group in other._groups.ToArray())
        {
            Segment(group.Key).Merge(group.Value);
        }
    }

    /// <summary>The result of every segment.</summary>
    /// <returns>One result per key.</returns>
    public IReadOnlyDictionary<TKey, ServiceResult> ToResults()
    {
        var results = new Dictionary<TKey, ServiceResult>(_groups.Count, _groups.Comparer);
        foreach (KeyValuePair<TKey, ServiceAccumulator> group in _groups)
        {
            results.Add(group.Key, group.Value.ToResult());
        }

        return results;
    }

    /// <summary>Merges every segment into one new accumulator: the overall result.</summary>
    /// <returns>A new accumulator holding all contacts.</returns>
    public ServiceAccumulator ToOverall()
    {
        var overall = new ServiceAccumulator(Options);
        foreach (ServiceAccumulator group in _groups.Values)
        {
            overall.Merge(group);
        }

        return overall;
    }
}
