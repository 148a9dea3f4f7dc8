using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Listening;

/// <summary>
/// An item monitored by a <see cref="SpaceSavingSketch"/>: its estimated count, an upper bound on the true count, and
/// the guaranteed error, so that <c>Count − Error ≤ true count ≤ Count</c>.
/// </summary>
public readonly struct HeavyHitter : IEquatable<HeavyHitter>
{
    /// <summary>Creates a monitored item (also the JSON constructor).</summary>
    /// <param name="item">The item (a folded term when counted by <see cref="SpaceSavingSketch.AddTerms"/>).</param>
    /// <param name="count">The estimated count, an upper bound on the true count, ≥ 1.</param>
    /// <param name="error">The largest possible overestimate, 0 ≤ error ≤ count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    [JsonConstructor]
    public HeavyHitter(string item, long count, long error)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfNegative(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, error);
        Item = item;
        Count = count;
        Error = error;
    }

    /// <summary>The item.</summary>
    public string Item { get; }

    /// <summary>The estimated count: never below the true count.</summary>
    public long Count { get; }

    /// <summary>The guaranteed error: the true count is at least <c>Count − Error</c>.</summary>
    public long Error { get; }

    /// <summary>The guaranteed count, <c>Count − Error</c>: a lower bound on the true count.</summary>
    [JsonIgnore]
    public long GuaranteedCount => Count - Error;

    /// <inheritdoc />
    public bool Equals(HeavyHitter other) => string.Equals(Item, other.Item, StringComparison.Ordinal) && Count == other.Count && Error == other.Error;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HeavyHitter other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Item, Count, Error);

    /// <summary>Formats as <c>refund: 42 (error ≤ 3)</c>.</summary>
    /// <returns>The formatted item.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Item}: {Count} (error <= {Error})");

    /// <summary>Compares two items for equality.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(HeavyHitter left, HeavyHitter right) => left.Equals(right);

    /// <summary>Compares two items for inequality.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(HeavyHitter left, HeavyHitter right) => !left.Equals(right);
}
