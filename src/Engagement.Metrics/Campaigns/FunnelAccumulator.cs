using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// A single-pass, mergeable accumulator of the campaign funnel (<see cref="FunnelResult"/>): seven counters, so merges
/// are exact, associative and commutative, and the memory does not grow with the number of sends.
/// </summary>
/// <remarks>
/// Per campaign or per channel, keep one per key in a <see cref="SegmentedAccumulator{TKey, TAccumulator}"/>
/// (<see cref="CampaignFunnels.Add{TKey}(SegmentedAccumulator{TKey, FunnelAccumulator}, TKey, in CampaignSend)"/>). Sends are validated with <see cref="CampaignSend.Validate"/>; a batch is validated
/// whole before anything is counted, so a rejected batch leaves the accumulator exactly as it was. Not thread-safe:
/// use one per thread and <see cref="Merge(FunnelAccumulator)"/>.
/// </remarks>
public sealed class FunnelAccumulator : IMergeableAccumulator<FunnelAccumulator>
{
    private const int CounterCount = 7;
    private long _sent;
    private long _delivered;
    private long _trackedOpens;
    private long _impliedOpens;
    private long _clicked;
    private long _replied;
    private long _unsubscribed;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The options (only the confidence level is used here); <see cref="FunnelOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public FunnelAccumulator(FunnelOptions? options = null)
    {
        Options = (options ?? FunnelOptions.Default).Validate();
    }

    /// <summary>Restores an accumulator from its state (the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="counts">The counters, as returned by <see cref="Counts"/>.</param>
    /// <exception cref="ArgumentException">The counts have the wrong length, a count is negative, or the stages are not nested.</exception>
    [JsonConstructor]
    public FunnelAccumulator(FunnelOptions options, IReadOnlyList<long> counts)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != CounterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"counts has {counts.Count} elements; {CounterCount} are expected."), nameof(counts));
        }

        try
        {
            _ = new FunnelResult(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], Options.ConfidenceLevel);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"counts [{string.Join(", ", counts)}] are not a funnel: {e.Message}", nameof(counts), e);
        }

        (_sent, _delivered, _trackedOpens, _impliedOpens, _clicked, _replied, _unsubscribed) = (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
    }

    /// <summary>The options.</summary>
    public FunnelOptions Options { get; }

    /// <summary>The number of sends added.</summary>
    [JsonIgnore]
    public long Count => _sent;

    /// <summary>The counters, in this order: sent, delivered, trackedOpens, impliedOpens, clicked, replied, unsubscribed (the persisted state).</summary>
    public IReadOnlyList<long> Counts => [_sent, _delivered, _trackedOpens, _impliedOpens, _clicked, _replied, _unsubscribed];

    /// <summary>Adds one send.</summary>
    /// <param name="send">The send.</param>
    /// <exception cref="ArgumentException">The send is invalid (see <see cref="CampaignSend.Validate"/>); nothing is added.</exception>
    public void Add(in CampaignSend send)
    {
        send.Validate();
        Apply(send);
    }

    /// <summary>Adds a batch of sends; the whole batch is validated first.</summary>
    /// <param name="sends">The sends.</param>
    /// <exception cref="ArgumentException">A send is invalid; the message names its index and id, and nothing from the batch is added.</exception>
    public void AddRange(ReadOnlySpan<CampaignSend> sends)
    {
        for (int i = 0; i < sends.Length; i++)
        {
            if (!sends[i].IsValid)
            {
                sends[i].ValidateAt(i);
            }
        }

        for (int i = 0; i < sends.Length; i++)
        {
            Apply(sends[i]);
        }
    }

    private void Apply(in CampaignSend send)
    {
        _sent++;
        if (!send.Delivered)
        {
            return;
        }

        _delivered++;
        _trackedOpens += send.Opened ? 1 : 0;
        _impliedOpens += !send.Opened && (send.Clicked || send.Replied) ? 1 : 0;
        _clicked += send.Clicked ? 1 : 0;
        _replied += send.Replied ? 1 : 0;
        _unsubscribed += send.Unsubscribed ? 1 : 0;
    }

    /// <summary>Adds another accumulator's counts to this one (exact, associative and commutative).</summary>
    /// <param name="other">An accumulator with the same options.</param>
    /// <exception cref="ArgumentException">The options differ; nothing is merged.</exception>
    public void Merge(FunnelAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Options != Options)
        {
            throw new ArgumentException("Cannot merge funnel accumulators with different options; nothing was merged.", nameof(other));
        }

        _sent += other._sent;
        _delivered += other._delivered;
        _trackedOpens += other._trackedOpens;
        _impliedOpens += other._impliedOpens;
        _clicked += other._clicked;
        _replied += other._replied;
        _unsubscribed += other._unsubscribed;
    }

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    public FunnelAccumulator CreateEmpty() => new(Options);

    /// <summary>The funnel of every send added.</summary>
    /// <returns>The result; all counts 0 and every rate null when nothing was added.</returns>
    public FunnelResult ToResult() => new(_sent, _delivered, _trackedOpens, _impliedOpens, _clicked, _replied, _unsubscribed, Options.ConfidenceLevel);
}
