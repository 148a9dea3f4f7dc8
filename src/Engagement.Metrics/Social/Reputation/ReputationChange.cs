using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Social.Reputation;

/// <summary>The change of a reputation score between two periods, component by component.</summary>
/// <remarks>The <see cref="ReputationComponentChange.PointsChange"/> of all components add up to <see cref="ScoreChange"/>.</remarks>
public readonly struct ReputationChange : IEquatable<ReputationChange>
{
    /// <summary>Creates a change (also the JSON constructor).</summary>
    /// <param name="before">The earlier score.</param>
    /// <param name="after">The later score.</param>
    [JsonConstructor]
    public ReputationChange(ReputationScore before, ReputationScore after)
    {
        Before = before;
        After = after;
    }

    /// <summary>The earlier score.</summary>
    public ReputationScore Before { get; }

    /// <summary>The later score.</summary>
    public ReputationScore After { get; }

    /// <summary>After − before on the 0..1000 scale; null when either score has no value.</summary>
    public double? ScoreChange => After.Score - Before.Score;

    /// <summary>The change of every component present in either score, in <see cref="ReputationComponent"/> order.</summary>
    public IReadOnlyList<ReputationComponentChange> Components
    {
        get
        {
            var changes = new List<ReputationComponentChange>(Before.Contributions.Count);
            foreach (ReputationComponent component in Enum.GetValues<ReputationComponent>())
            {
                ReputationContribution? before = Find(Before, component);
                ReputationContribution? after = Find(After, component);
                if (before is null && after is null)
                {
                    continue;
                }

                changes.Add(new ReputationComponentChange(
                    component,
                    before ?? new ReputationContribution(component, null, 0, 0),
                    after ?? new ReputationContribution(component, null, 0, 0)));
            }

            return changes;
        }
    }

    private static ReputationContribution? Find(ReputationScore score, ReputationComponent component)
    {
        foreach (ReputationContribution c in score.Contributions)
        {
            if (c.Component == component)
            {
                return c;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(ReputationChange other) => Before.Equals(other.Before) && After.Equals(other.After);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReputationChange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Before, After);

    /// <summary>Formats as <c>Reputation 640 → 712 (+72)</c>.</summary>
    /// <returns>The formatted change.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Reputation {Before.Score:F0} → {After.Score:F0} ({ScoreChange:+0;-0;0})");

    /// <summary>Compares two changes for equality.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns>Whether everything is equal.</returns>
    public static bool operator ==(ReputationChange left, ReputationChange right) => left.Equals(right);

    /// <summary>Compares two changes for inequality.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(ReputationChange left, ReputationChange right) => !left.Equals(right);
}
