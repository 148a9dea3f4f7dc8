using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Social.Reputation;

/// <summary>One component's part in a reputation score: its value, its weight and the points it earned.</summary>
/// <remarks><c>Points = 1000 × EffectiveWeight × Value</c>; the points of all components add up to the score.</remarks>
public readonly struct ReputationContribution : IEquatable<ReputationContribution>
{
    /// <summary>Creates a contribution (also the JSON constructor).</summary>
    /// <param name="component">The component.</param>
    /// <param name="value">Its value in [0, 1], or null when there was no data for it.</param>
    /// <param name="weight">Its configured weight.</param>
    /// <param name="effectiveWeight">Its weight after rescaling over the components with data (0 when it has none).</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1] or a weight is negative.</exception>
    [JsonConstructor]
    public ReputationContribution(ReputationComponent component, double? value, double weight, double effectiveWeight)
    {
        if (value is { } v && !(v >= 0 && v <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(value), v, "A component value must lie in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        ArgumentOutOfRangeException.ThrowIfNegative(effectiveWeight);
        Component = component;
        Value = value;
        Weight = weight;
        EffectiveWeight = value is null ? 0 : effectiveWeight;
    }

    /// <summary>The component.</summary>
    public ReputationComponent Component { get; }

    /// <summary>The component's value in [0, 1]; null when there was no data for it.</summary>
    public double? Value { get; }

    /// <summary>The configured weight.</summary>
    public double Weight { get; }

    /// <summary>The weight as a share of the weights of the components with data (0 when this one has none).</summary>
    public double EffectiveWeight { get; }

    /// <summary>The points earned, <c>1000 × EffectiveWeight × Value</c>; null when there was no data.</summary>
    public double? Points => Value * EffectiveWeight * ReputationScore.Maximum;

    /// <inheritdoc />
    public bool Equals(ReputationContribution other) =>
        Component == other.Component && Value.Equals(other.Value) && Weight.Equals(other.Weight) && EffectiveWeight.Equals(other.EffectiveWeight);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReputationContribution other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Component, Value, Weight, EffectiveWeight);

    /// <summary>Formats as <c>Rating: 0.80 × 35% = 280 points</c>.</summary>
    /// <returns>The formatted contribution.</returns>
    public override string ToString() => Value.HasValue
        ? string.Create(CultureInfo.InvariantCulture, $"{Component}: {Value:F2} × {EffectiveWeight:P0} = {Points:F0} points")
        : string.Create(CultureInfo.InvariantCulture, $"{Component}: no data");

    /// <summary>Compares two contributions for equality.</summary>
    /// <param name="left">The first contribution.</param>
    /// <param name="right">The second contribution.</param>
    /// <returns>Whether everything is equal.</returns>
    public static bool operator ==(ReputationContribution left, ReputationContribution right) => left.Equals(right);

    /// <summary>Compares two contributions for inequality.</summary>
    /// <param name="left">The first contribution.</param>
    /// <param name="right">The second contribution.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(ReputationContribution left, ReputationContribution right) => !left.Equals(right);
}
