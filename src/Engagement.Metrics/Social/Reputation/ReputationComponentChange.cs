using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Social.Reputation;

/// <summary>How one component moved between two reputation scores.</summary>
public readonly struct ReputationComponentChange : IEquatable<ReputationComponentChange>
{
    /// <summary>Creates a change (also the JSON constructor).</summary>
    /// <param name="component">The component.</param>
    /// <param name="before">Its contribution to the earlier score.</param>
    /// <param name="after">Its contribution to the later score.</param>
    /// <exception cref="ArgumentException">The contributions belong to different components.</exception>
    [JsonConstructor]
    public ReputationComponentChange(ReputationComponent component, ReputationContribution before, ReputationContribution after)
    {
        if (before.Component != component || after.Component != component)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Both contributions must belong to {component}."), nameof(after));
        }

        Component = component;
        Before = before;
        After = after;
    }

    /// <summary>The component.</summary>
    public ReputationComponent Component { get; }

    /// <summary>Its contribution to the earlier score.</summary>
    public ReputationContribution Before { get; }

    /// <summary>Its contribution to the later score.</summary>
    public ReputationContribution After { get; }

    /// <summary>The change of the component's value; null when either side has no data.</summary>
    public double? ValueChange => After.Value - Before.Value;

    /// <summary>
    /// The change of the component's points, a component without data counting 0 points; null only when neither side
    /// has data. The points changes of all components add up to the change of the score.
    /// </summary>
    public double? PointsChange => Before.Points is null && After.Points is null ? null : After.Points.GetValueOrDefault() - Before.Points.GetValueOrDefault();

    /// <inheritdoc />
    public bool Equals(ReputationComponentChange other) => Component == other.Component && Before.Equals(other.Before) && After.Equals(other.After);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReputationComponentChange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Component, Before, After);

    /// <summary>Formats as <c>Rating: +12.0 points</c>.</summary>
    /// <returns>The formatted change.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Component}: {PointsChange:+0.0;-0.0;0.0} points");

    /// <summary>Compares two changes for equality.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns>Whether everything is equal.</returns>
    public static bool operator ==(ReputationComponentChange left, ReputationComponentChange right) => left.Equals(right);

    /// <summary>Compares two changes for inequality.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(ReputationComponentChange left, ReputationComponentChange right) => !left.Equals(right);
}
