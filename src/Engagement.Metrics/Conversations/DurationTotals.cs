using System.Text.Json.Serialization;
using Engagement.Metrics.Service;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// A streaming summary of durations: their exact total in ticks (so the mean is exact and merges are exact) and a
/// <see cref="QuantileSketch"/> of the seconds for the median and p90. Part of the
/// <see cref="StreamingConversationAccumulator"/>'s state, of which there are several per customer, so the sketch keeps
/// its bins compactly (about 12 bytes a bin while few or spread out) rather than in the fast 1–16 KiB window.
/// </summary>
public sealed class DurationTotals
{
    /// <summary>Creates an empty summary.</summary>
    /// <param name="relativeAccuracy">The sketch's relative accuracy α, in [1e-6, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeAccuracy"/> is out of range.</exception>
    public DurationTotals(double relativeAccuracy)
    {
        Sketch = new QuantileSketch(relativeAccuracy, SketchBinPolicy.Compact);
    }

    /// <summary>Restores a summary (also the JSON constructor).</summary>
    /// <param name="totalTicks">The sum of the durations in ticks, ≥ 0.</param>
    /// <param name="sketch">The sketch of the durations in seconds (copied into a memory-lean sketch).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalTicks"/> is negative, or the sketch holds a negative duration.</exception>
    [JsonConstructor]
    public DurationTotals(long totalTicks, QuantileSketch sketch)
    {
        ArgumentNullException.ThrowIfNull(sketch);
        ArgumentOutOfRangeException.ThrowIfNegative(totalTicks);
        if (sketch.Min < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sketch), sketch.Min, "A duration cannot be negative.");
        }

        TotalTicks = totalTicks;
        Sketch = new QuantileSketch(sketch.RelativeAccuracy, SketchBinPolicy.Compact);
        Sketch.Merge(sketch);
    }

    private DurationTotals(QuantileSketch sketch, long totalTicks)
    {
        TotalTicks = totalTicks;
        Sketch = sketch;
    }

    /// <summary>The sum of the durations, in ticks.</summary>
    public long TotalTicks { get; private set; }

    /// <summary>The durations in seconds.</summary>
    public QuantileSketch Sketch { get; }

    /// <summary>The number of durations.</summary>
    [JsonIgnore]
    public long Count => Sketch.Count;

    /// <summary>The mean (exact), median and p90 (within the sketch's relative accuracy of the order statistic) in seconds.</summary>
    /// <returns>The summary; every value is <see langword="null"/> without durations.</returns>
    public DurationResult ToResult() => Count == 0
        ? new DurationResult(0, null, null, null, null, 0)
        : new DurationResult(Count, (double)TotalTicks / Count / TimeSpan.TicksPerSecond, Sketch.Quantile(0.5), Sketch.Quantile(0.9), null, 0);

    // Takes ownership of a compact sketch the caller built (the streaming customer tables export this way).
    internal static DurationTotals Adopt(long totalTicks, QuantileSketch sketch) => new(sketch, totalTicks);

    internal void Add(long ticks)
    {
        TotalTicks = checked(TotalTicks + ticks);
        Sketch.AddUnchecked((double)ticks / TimeSpan.TicksPerSecond);
    }

    internal void Merge(DurationTotals other)
    {
        TotalTicks = checked(TotalTicks + other.TotalTicks);
        Sketch.Merge(other.Sketch);
    }

    internal DurationTotals Clone()
    {
        var copy = new DurationTotals(Sketch.RelativeAccuracy);
        copy.Merge(this);
        return copy;
    }
}
