using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// One-shot calculators of the campaign funnel (reach versus engagement) and of frequency versus engagement, and the
/// per-segment helper for <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> of <see cref="FunnelAccumulator"/>s.
/// Formulas and caveats: docs/metrics/funnel.md.
/// </summary>
/// <example>
/// <code>
/// FunnelResult all = CampaignFunnels.Calculate(sends);
/// var byCampaign = new SegmentedAccumulator&lt;string, FunnelAccumulator&gt;(new FunnelAccumulator(), StringComparer.Ordinal);
/// foreach (CampaignSend s in sends) byCampaign.Add(s.CampaignId, s);
/// SendFrequencyResult frequency = CampaignFunnels.Frequency(sends);
/// </code>
/// </example>
public static class CampaignFunnels
{
    /// <summary>The funnel of a set of sends.</summary>
    /// <param name="sends">The sends, in any order.</param>
    /// <param name="options">The options; <see cref="FunnelOptions.Default"/> when null.</param>
    /// <returns>The funnel; all counts 0 and every rate null for no sends.</returns>
    /// <exception cref="ArgumentException">A send is invalid (see <see cref="CampaignSend.Validate"/>); the message names its index and id.</exception>
    public static FunnelResult Calculate(ReadOnlySpan<CampaignSend> sends, FunnelOptions? options = null)
    {
        var accumulator = new FunnelAccumulator(options);
        accumulator.AddRange(sends);
        return accumulator.ToResult();
    }

    /// <summary>Frequency versus engagement of a set of sends.</summary>
    /// <param name="sends">The sends, in any order.</param>
    /// <param name="options">Buckets, window and level; <see cref="FunnelOptions.Default"/> when null.</param>
    /// <returns>The buckets and trend tests.</returns>
    /// <exception cref="ArgumentException">A send is invalid or outside the fixed window; the message names its index and id.</exception>
    public static SendFrequencyResult Frequency(ReadOnlySpan<CampaignSend> sends, FunnelOptions? options = null)
    {
        var accumulator = new SendFrequencyAccumulator(options);
        accumulator.AddRange(sends);
        return accumulator.ToResult();
    }

    /// <summary>Adds one send to the segment <paramref name="key"/> (its campaign, channel, period…).</summary>
    /// <typeparam name="TKey">The segment key.</typeparam>
    /// <param name="segments">The segments.</param>
    /// <param name="key">The segment.</param>
    /// <param name="send">The send.</param>
    /// <exception cref="ArgumentException">The send is invalid; nothing is added and no segment is created.</exception>
    public static void Add<TKey>(this SegmentedAccumulator<TKey, FunnelAccumulator> segments, TKey key, in CampaignSend send)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(segments);
        segments.Add(key, send, static (accumulator, s) => accumulator.Add(s));
    }
}
