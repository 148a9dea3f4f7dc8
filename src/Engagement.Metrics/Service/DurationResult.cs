using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Service;

/// <summary>
/// A summary of contact durations in seconds — wait (ASA), first response time, resolution time: the mean
/// (<see cref="Value"/>), the median and the 90th percentile, and optionally the share within a target.
/// </summary>
/// <remarks>
/// The mean is exact (a sum of ticks over the count). The median and p90 come from a <see cref="QuantileSketch"/>:
/// each is within the sketch's relative accuracy α (default 1 %) of the order statistic of rank ⌊p(n − 1)⌋ (numpy
/// "lower"), not the interpolated percentile. Every value is <see langword="null"/> when <see cref="Count"/> is 0.
/// </remarks>
public readonly struct DurationResult : IEquatable<DurationResult>
{
    /// <summary>Creates a summary (also the JSON constructor).</summary>
    /// <param name="count">The number of durations, ≥ 0.</param>
    /// <param name="value">The mean in seconds; <see langword="null"/> exactly when <paramref name="count"/> is 0.</param>
    /// <param name="median">The median in seconds (sketch), or <see langword="null"/>.</param>
    /// <param name="p90">The 90th percentile in seconds (sketch), or <see langword="null"/>.</param>
    /// <param name="targetSeconds">The target in seconds for <see cref="WithinTarget"/>, or <see langword="null"/> for none.</param>
    /// <param name="withinTarget">How many durations were ≤ the target; 0 without a target.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or <paramref name="withinTarget"/> exceeds <paramref name="count"/>.</exception>
    [JsonConstructor]
    public DurationResult(long count, double? value, double? median, double? p90, double? targetSeconds, long withinTarget)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(withinTarget);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(withinTarget, count);
        Count = count;
        Value = count > 0 ? value : null;
        Median = count > 0 ? median : null;
        P90 = count > 0 ? p90 : null;
        TargetSeconds = targetSeconds;
        WithinTarget = withinTarget;
    }

    /// <summary>The number of durations.</summary>
    public long Count { get; }

    /// <summary>The mean duration in seconds; <see langword="null"/> when there is none.</summary>
    public double? Value { get; }

    /// <summary>The median duration in seconds (within α of the exact order statistic); <see langword="null"/> when there is none.</summary>
    public double? Median { get; }

    /// <summary>The 90th-percentile duration in seconds (within α of the exact order statistic); <see langword="null"/> when there is none.</summary>
    public double? P90 { get; }

    /// <summary>The target in seconds that <see cref="WithinTarget"/> counts against; <see langword="null"/> for none.</summary>
    public double? TargetSeconds { get; }

    /// <summary>How many durations were at or under the target (exact count, not from the sketch).</summary>
    public long WithinTarget { get; }

    /// <summary>The share within target, 0..1; <see langword="null"/> without durations or without a target.</summary>
    public double? WithinTargetShare => Count > 0 && TargetSeconds is not null ? (double)WithinTarget / Count : null;

    internal static DurationResult From(long count, long sumTicks, QuantileSketch sketch, TimeSpan? target, long withinTarget) =>
        new(
            count,
            count > 0 ? (double)sumTicks / count / TimeSpan.TicksPerSecond : null,
            sketch.Quantile(0.5),
            sketch.Quantile(0.9),
            target?.TotalSeconds,
            withinTarget);

    /// <inheritdoc />
    public bool Equals(DurationResult other) =>
        Count == other.Count && Nullable.Equals(Value, other.Value) && Nullable.Equals(Median, other.Median)
        && Nullable.Equals(P90, other.P90) && Nullable.Equals(TargetSeconds, other.TargetSeconds) && WithinTarget == other.WithinTarget;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DurationResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Value, Median, P90, TargetSeconds, WithinTarget);

    /// <summary>Formats as <c>mean 12.5 s, median 10.0 s, p90 30.0 s (n = 40)</c>.</summary>
    /// <returns>The formatted summary.</returns>
    public override string ToString() => Count > 0
        ? string.Create(CultureInfo.InvariantCulture, $"mean {Value:F1} s, median {Median:F1} s, p90 {P90:F1} s (n = {Count})")
        : "— (n = 0)";

    /// <summary>Compares two summaries for equality.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(DurationResult left, DurationResult right) => left.Equals(right);

    /// <summary>Compares two summaries for inequality.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(DurationResult left, DurationResult right) => !left.Equals(right);
}
