using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Social.Reputation;

/// <summary>A reputation score on 0..1000 with every component's contribution, so a change can be explained.</summary>
/// <remarks>See <see cref="ReputationOptions"/> for the formula and defaults and <see cref="ReputationComponent"/> for each component's value.</remarks>
public readonly struct ReputationScore : IEquatable<ReputationScore>
{
    /// <summary>The top of the scale.</summary>
    public const double Maximum = 1000;

    private readonly ReputationContribution[]? _contributions;

    /// <summary>Creates a score from its contributions (also the JSON constructor).</summary>
    /// <param name="asOf">The date the recency component was measured at.</param>
    /// <param name="contributions">One contribution per component.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contributions"/> is null.</exception>
    [JsonConstructor]
    public ReputationScore(DateTimeOffset asOf, IReadOnlyList<ReputationContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        AsOf = asOf;
        _contributions = [.. contributions];
    }

    /// <summary>The date the recency component was measured at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>One contribution per component, in <see cref="ReputationComponent"/> order.</summary>
    public IReadOnlyList<ReputationContribution> Contributions => _contributions ?? [];

    /// <summary>Whether the score exists (at least one component with data and positive weight).</summary>
    public bool HasValue => Score.HasValue;

    /// <summary>The score on 0..1000, the sum of the contributions' points; null without data (no reviews).</summary>
    public double? Score
    {
        get
        {
            double sum = 0;
            bool any = false;
            foreach (ReputationContribution c in Contributions)
            {
                if (c.Points is { } p && c.EffectiveWeight > 0)
                {
                    sum += p;
                    any = true;
                }
            }

            return any ? Math.Clamp(sum, 0, Maximum) : null;
        }
    }

    /// <summary>The contribution of one component.</summary>
    /// <param name="component">The component.</param>
    /// <returns>Its contribution.</returns>
    /// <exception cref="KeyNotFoundException">The score has no such component.</exception>
    public ReputationContribution Contribution(ReputationComponent component)
    {
        foreach (ReputationContribution c in Contributions)
        {
            if (c.Component == component)
            {
                return c;
            }
        }

        throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"The score has no {component} component."));
    }

    /// <inheritdoc />
    public bool Equals(ReputationScore other) => AsOf.Equals(other.AsOf) && Contributions.SequenceEqual(other.Contributions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReputationScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(AsOf);
        foreach (ReputationContribution c in Contributions)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>Reputation 712/1000</c>.</summary>
    /// <returns>The formatted score.</returns>
    public override string ToString() => HasValue
        ? string.Create(CultureInfo.InvariantCulture, $"Reputation {Score:F0}/1000")
        : "Reputation — (no data)";

    /// <summary>Compares two scores for equality.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns>Whether everything is equal.</returns>
    public static bool operator ==(ReputationScore left, ReputationScore right) => left.Equals(right);

    /// <summary>Compares two scores for inequality.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(ReputationScore left, ReputationScore right) => !left.Equals(right);
}
