using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Listening;

/// <summary>An author or source with the mentions it published and their total reach.</summary>
public readonly struct Contributor : IEquatable<Contributor>
{
    /// <summary>Creates a contributor (also the JSON constructor).</summary>
    /// <param name="author">The author or source.</param>
    /// <param name="mentions">Mentions published, ≥ 0.</param>
    /// <param name="reach">Σ reach over the mentions that report one, ≥ 0.</param>
    /// <param name="mentionsWithReach">Mentions that report a reach, 0..mentions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="author"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or too large.</exception>
    [JsonConstructor]
    public Contributor(string author, long mentions, long reach, long mentionsWithReach)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentOutOfRangeException.ThrowIfNegative(mentions);
        ArgumentOutOfRangeException.ThrowIfNegative(reach);
        ArgumentOutOfRangeException.ThrowIfNegative(mentionsWithReach);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mentionsWithReach, mentions);
        Author = author;
        Mentions = mentions;
        Reach = reach;
        MentionsWithReach = mentionsWithReach;
    }

    /// <summary>The author or source (empty for mentions without one).</summary>
    public string Author { get; }

    /// <summary>Mentions published by the author.</summary>
    public long Mentions { get; }

    /// <summary>Total reach: Σ reach over the author's mentions that report one.</summary>
    public long Reach { get; }

    /// <summary>The author's mentions that report a reach.</summary>
    public long MentionsWithReach { get; }

    /// <inheritdoc />
    public bool Equals(Contributor other) =>
        string.Equals(Author, other.Author, StringComparison.Ordinal) && Mentions == other.Mentions && Reach == other.Reach && MentionsWithReach == other.MentionsWithReach;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Contributor other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Author, Mentions, Reach, MentionsWithReach);

    /// <summary>Formats as <c>@ana: 12 mentions, reach 40000</c>.</summary>
    /// <returns>The formatted contributor.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Author}: {Mentions} mentions, reach {Reach}");

    /// <summary>Compares two contributors for equality.</summary>
    /// <param name="left">The first contributor.</param>
    /// <param name="right">The second contributor.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(Contributor left, Contributor right) => left.Equals(right);

    /// <summary>Compares two contributors for inequality.</summary>
    /// <param name="left">The first contributor.</param>
    /// <param name="right">The second contributor.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(Contributor left, Contributor right) => !left.Equals(right);
}
