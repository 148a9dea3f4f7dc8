using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Listening;

/// <summary>The top contributors: the authors publishing most mentions and the authors reaching most accounts.</summary>
public readonly struct ContributorRanking : IEquatable<ContributorRanking>
{
    /// <summary>Creates a ranking (also the JSON constructor).</summary>
    /// <param name="mentions">All mentions counted.</param>
    /// <param name="authors">Distinct authors.</param>
    /// <param name="byMentions">Authors by mentions published, most first.</param>
    /// <param name="byReach">Authors with a reported reach, by total reach, largest first.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    [JsonConstructor]
    public ContributorRanking(long mentions, int authors, IReadOnlyList<Contributor> byMentions, IReadOnlyList<Contributor> byReach)
    {
        ArgumentNullException.ThrowIfNull(byMentions);
        ArgumentNullException.ThrowIfNull(byReach);
        Mentions = mentions;
        Authors = authors;
        ByMentions = byMentions;
        ByReach = byReach;
    }

    /// <summary>All mentions counted.</summary>
    public long Mentions { get; }

    /// <summary>The number of distinct authors.</summary>
    public int Authors { get; }

    /// <summary>Authors by mentions published, most first (ties by reach, then author).</summary>
    public IReadOnlyList<Contributor> ByMentions { get; }

    /// <summary>Authors with at least one mention reporting reach, by total reach, largest first.</summary>
    public IReadOnlyList<Contributor> ByReach { get; }

    /// <inheritdoc />
    public bool Equals(ContributorRanking other) =>
        Mentions == other.Mentions && Authors == other.Authors && ByMentions.SequenceEqual(other.ByMentions) && ByReach.SequenceEqual(other.ByReach);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContributorRanking other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mentions, Authors, ByMentions.Count, ByReach.Count);

    /// <summary>Formats as <c>300 mentions by 120 authors</c>.</summary>
    /// <returns>The formatted ranking.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mentions} mentions by {Authors} authors");

    /// <summary>Compares two rankings for equality.</summary>
    /// <param name="left">The first ranking.</param>
    /// <param name="right">The second ranking.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(ContributorRanking left, ContributorRanking right) => left.Equals(right);

    /// <summary>Compares two rankings for inequality.</summary>
    /// <param name="left">The first ranking.</param>
    /// <param name="right">The second ranking.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(ContributorRanking left, ContributorRanking right) => !left.Equals(right);
}
