using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Listening;

/// <summary>
/// Top contributors: per author (or source), the mentions published and their total reach; exact and mergeable.
/// Memory grows with the number of distinct authors.
/// </summary>
public sealed class ContributorAccumulator : IMergeableAccumulator<ContributorAccumulator>
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Contributor> _contributors = [];

    /// <summary>Creates an empty accumulator.</summary>
    public ContributorAccumulator()
    {
    }

    /// <summary>Restores an accumulator from its persisted state (also the JSON constructor).</summary>
    /// <param name="contributors">Every author with its counts; authors must be distinct.</param>
    /// <exception cref="ArgumentException">An author repeats.</exception>
    [JsonConstructor]
    public ContributorAccumulator(IReadOnlyList<Contributor> contributors)
    {
        ArgumentNullException.ThrowIfNull(contributors);
        for (int i = 0; i < contributors.Count; i++)
        {
            Contributor c = contributors[i];
            if (!_index.TryAdd(c.Author, _contributors.Count))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"contributors[{i}] repeats the author '{c.Author}'; list each author once."), nameof(contributors));
            }

            _contributors.Add(c);
            Count += c.Mentions;
        }
    }

    /// <summary>Every author with its counts, in first-seen order (the persisted state).</summary>
    public IReadOnlyList<Contributor> Contributors => [.. _contributors];

    /// <summary>The number of mentions added.</summary>
    [JsonIgnore]
    public long Count { get; private set; }

    /// <summary>Counts one mention for its author.</summary>
    /// <param name="mention">The mention; validated first.</param>
    /// <exception cref="ArgumentException">The mention is not valid (see <see cref="Mention.Validate"/>).</exception>
    public void Add(in Mention mention)
    {
        mention.Validate();
        AddCore(mention.Author, 1, mention.Reach ?? 0, mention.Reach is null ? 0 : 1);
    }

    /// <summary>Counts many mentions; validates all of them before counting any.</summary>
    /// <param name="mentions">The mentions.</param>
    /// <exception cref="ArgumentException">A mention is not valid; its position and id are named, and nothing was added.</exception>
    public void AddRange(ReadOnlySpan<Mention> mentions)
    {
        for (int i = 0; i < mentions.Length; i++)
        {
            mentions[i].ValidateAt(i);
        }

        foreach (ref readonly Mention m in mentions)
        {
            AddCore(m.Author, 1, m.Reach ?? 0, m.Reach is null ? 0 : 1);
        }
    }

    /// <inheritdoc />
    public void Merge(ContributorAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (Contributor c in other.Contributors)
        {
            AddCore(c.Author, c.Mentions, c.Reach, c.MentionsWithReach);
        }
    }

    /// <inheritdoc />
    public ContributorAccumulator CreateEmpty() => new();

    /// <summary>The authors publishing most mentions and those reaching most accounts.</summary>
    /// <param name="count">How many authors per ranking, ≥ 0.</param>
    /// <returns>Both rankings (ties by the other measure, then by author, ordinal).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public ContributorRanking Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var byMentions = new List<Contributor>(_contributors);
        byMentions.Sort(static (a, b) =>
        {
            int c = b.Mentions.CompareTo(a.Mentions);
            c = c != 0 ? c : b.Reach.CompareTo(a.Reach);
            return c != 0 ? c : string.CompareOrdinal(a.Author, b.Author);
        });
        var byReach = new List<Contributor>(_contributors.Count);
        foreach (Contributor c in _contributors)
        {
            if (c.MentionsWithReach > 0)
            {
                byReach.Add(c);
            }
        }

        byReach.Sort(static (a, b) =>
        {
            int c = b.Reach.CompareTo(a.Reach);
            c = c != 0 ? c : b.Mentions.CompareTo(a.Mentions);
            return c != 0 ? c : string.CompareOrdinal(a.Author, b.Author);
        });
        Truncate(byMentions, count);
        Truncate(byReach, count);
        return new ContributorRanking(Count, _contributors.Count, byMentions, byReach);
    }

    private static void Truncate(List<Contributor> list, int count)
    {
        if (list.Count > count)
        {
            list.RemoveRange(count, list.Count - count);
        }
    }

    private void AddCore(string author, long mentions, long reach, long withReach)
    {
        if (_index.TryGetValue(author, out int i))
        {
            Contributor c = _contributors[i];
            _contributors[i] = new Contributor(author, c.Mentions + mentions, checked(c.Reach + reach), c.MentionsWithReach + withReach);
        }
        else
        {
            _index.Add(author, _contributors.Count);
            _contributors.Add(new Contributor(author, mentions, reach, withReach));
        }

        Count += mentions;
    }
}
