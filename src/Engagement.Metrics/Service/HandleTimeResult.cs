using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// Average handle time with its components: <c>AHT = (Σ talk + Σ hold + Σ conference + Σ wrap) / handled contacts</c>,
/// in seconds, plus the median and p90 of the per-contact handle time.
/// </summary>
/// <remarks>
/// Handled contacts are those neither abandoned nor self-service (<see cref="ContactRecord.IsHandled"/>). Because
/// every component is averaged over the same contacts, <c>Value = Talk + Hold + Conference + Wrap</c> (up to
/// rounding). The median and p90 come from a quantile sketch (relative accuracy α, default 1 %). Every value is
/// <see langword="null"/> when <see cref="Count"/> is 0.
/// </remarks>
public readonly struct HandleTimeResult : IEquatable<HandleTimeResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="count">The number of handled contacts, ≥ 0.</param>
    /// <param name="talk">Mean talk time in seconds, or <see langword="null"/> when <paramref name="count"/> is 0.</param>
    /// <param name="hold">Mean hold time in seconds.</param>
    /// <param name="conference">Mean conference time in seconds.</param>
    /// <param name="wrap">Mean wrap-up time in seconds.</param>
    /// <param name="median">Median handle time in seconds (sketch).</param>
    /// <param name="p90">90th-percentile handle time in seconds (sketch).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    [JsonConstructor]
    public HandleTimeResult(long count, double? talk, double? hold, double? conference, double? wrap, double? median, double? p90)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Talk = count > 0 ? talk : null;
        Hold = count > 0 ? hold : null;
        Conference = count > 0 ? conference : null;
        Wrap = count > 0 ? wrap : null;
        Median = count > 0 ? median : null;
        P90 = count > 0 ? p90 : null;
    }

    /// <summary>The number of handled contacts.</summary>
    public long Count { get; }

    /// <summary>The average handle time in seconds, the sum of the four component means; <see langword="null"/> without handled contacts.</summary>
    public double? Value => Count > 0 ? Talk + Hold + Conference + Wrap : null;

    /// <summary>Mean talk time per handled contact, seconds.</summary>
    public double? Talk { get; }

    /// <summary>Mean hold time per handled contact, seconds.</summary>
    public double? Hold { get; }

    /// <summary>Mean conference time per handled contact, seconds.</summary>
    public double? Conference { get; }

    /// <summary>Mean wrap-up (after-contact work) time per handled contact, seconds.</summary>
    public double? Wrap { get; }

    /// <summary>Median handle time, seconds (within α of the exact order statistic).</summary>
    public double? Median { get; }

    /// <summary>90th-percentile handle time, seconds (within α of the exact order statistic).</summary>
    public double? P90 { get; }

    /// <inheritdoc />
    public bool Equals(HandleTimeResult other) =>
        Count == other.Count && Nullable.Equals(Talk, other.Talk) && Nullable.Equals(Hold, other.Hold)
        && Nullable.Equals(Conference, other.Conference) && Nullable.Equals(Wrap, other.Wrap)
        && Nullable.Equals(Median, other.Median) && Nullable.Equals(P90, other.P90);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HandleTimeResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Talk, Hold, Conference, Wrap, Median, P90);

    /// <summary>Formats as <c>AHT 300.0 s (talk 240.0, hold 20.0, conference 0.0, wrap 40.0; n = 12)</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => Count > 0
        ? string.Create(CultureInfo.InvariantCulture, $"AHT {Value:F1} s (talk {Talk:F1}, hold {Hold:F1}, conference {Conference:F1}, wrap {Wrap:F1}; n = {Count})")
        : "AHT — (n = 0)";

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(HandleTimeResult left, HandleTimeResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(HandleTimeResult left, HandleTimeResult right) => !left.Equals(right);
}
