using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Lifetime;

/// <summary>The customers with one calibration frequency (or more, for the last bucket): how many, and their mean actual and predicted holdout purchases.</summary>
public readonly struct HoldoutBucket : IEquatable<HoldoutBucket>
{
    /// <summary>Creates a bucket.</summary>
    /// <param name="frequency">The calibration frequency x (the lower bound when <paramref name="isOpenEnded"/>).</param>
    /// <param name="isOpenEnded">Whether the bucket holds every x ≥ <paramref name="frequency"/>.</param>
    /// <param name="customers">The number of customers in the bucket.</param>
    /// <param name="meanActual">Their mean holdout purchases; <see langword="null"/> when the bucket is empty.</param>
    /// <param name="meanPredicted">Their mean predicted holdout purchases; <see langword="null"/> when the bucket is empty.</param>
    [JsonConstructor]
    public HoldoutBucket(int frequency, bool isOpenEnded, int customers, double? meanActual, double? meanPredicted)
    {
        Frequency = frequency;
        IsOpenEnded = isOpenEnded;
        Customers = customers;
        MeanActual = meanActual;
        MeanPredicted = meanPredicted;
    }

    /// <summary>The calibration frequency x, or the lower bound of an open-ended bucket.</summary>
    public int Frequency { get; }

    /// <summary>Whether the bucket holds every x ≥ <see cref="Frequency"/>.</summary>
    public bool IsOpenEnded { get; }

    /// <summary>The number of customers.</summary>
    public int Customers { get; }

    /// <summary>Mean actual holdout purchases; <see langword="null"/> for an empty bucket.</summary>
    public double? MeanActual { get; }

    /// <summary>Mean predicted holdout purchases E[Y(t)]; <see langword="null"/> for an empty bucket.</summary>
    public double? MeanPredicted { get; }

    /// <inheritdoc />
    public bool Equals(HoldoutBucket other) =>
        Frequency == other.Frequency && IsOpenEnded == other.IsOpenEnded && Customers == other.Customers &&
        Nullable.Equals(MeanActual, other.MeanActual) && Nullable.Equals(MeanPredicted, other.MeanPredicted);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HoldoutBucket other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Frequency, IsOpenEnded, Customers, MeanActual, MeanPredicted);

    /// <summary>Formats as <c>x=2: n=100, actual 1.05, predicted 0.98</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"x={Frequency}{(IsOpenEnded ? "+" : string.Empty)}: n={Customers}, actual {MeanActual:G4}, predicted {MeanPredicted:G4}");

    /// <summary>Compares two buckets for equality.</summary>
    /// <param name="left">The first bucket.</param>
    /// <param name="right">The second bucket.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(HoldoutBucket left, HoldoutBucket right) => left.Equals(right);

    /// <summary>Compares two buckets for inequality.</summary>
    /// <param name="left">The first bucket.</param>
    /// <param name="right">The second bucket.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(HoldoutBucket left, HoldoutBucket right) => !left.Equals(right);
}
