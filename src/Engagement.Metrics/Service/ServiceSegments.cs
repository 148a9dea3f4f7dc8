using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Service;

/// <summary>
/// Contacts in a <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> of <see cref="ServiceAccumulator"/>s: one per
/// channel, contact reason, period or any combination, merging into the overall result.
/// </summary>
/// <example>
/// <code>
/// var byChannel = new SegmentedAccumulator&lt;string, ServiceAccumulator&gt;(new ServiceAccumulator());
/// foreach (ContactRecord c in contacts) byChannel.Add(c.Channel, c);
/// ServiceResult voice = byChannel.Groups["voice"].ToResult();
/// ServiceResult overall = byChannel.ToOverall().ToResult();
/// </code>
/// </example>
public static class ServiceSegments
{
    /// <summary>Adds one contact to the segment <paramref name="key"/>.</summary>
    /// <typeparam name="TKey">The segment or period key.</typeparam>
    /// <param name="segments">The segments.</param>
    /// <param name="key">The segment, for example the contact's channel or reason.</param>
    /// <param name="contact">The contact.</param>
    /// <exception cref="ArgumentException">The contact is invalid; nothing is added and no segment is created.</exception>
    public static void Add<TKey>(this SegmentedAccumulator<TKey, ServiceAccumulator> segments, TKey key, in ContactRecord contact)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(segments);
        segments.Add(key, contact, static (accumulator, c) => accumulator.Add(c));
    }

    /// <summary>The KPIs of every segment.</summary>
    /// <typeparam name="TKey">The segment or period key.</typeparam>
    /// <param name="segments">The segments.</param>
    /// <returns>One result per key, for example the input of <see cref="ContactDrivers.Analyze"/> when keyed by reason.</returns>
    public static IReadOnlyDictionary<TKey, ServiceResult> ToResults<TKey>(this SegmentedAccumulator<TKey, ServiceAccumulator> segments)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(segments);
        var results = new Dictionary<TKey, ServiceResult>(segments.Groups.Count);
        foreach (KeyValuePair<TKey, ServiceAccumulator> group in segments.Groups)
        {
            results.Add(group.Key, group.Value.ToResult());
        }

        return results;
    }
}
