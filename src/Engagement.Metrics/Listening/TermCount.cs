using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Listening;

/// <summary>
/// One theme (a 1–3 word term, folded) with how often it occurred, in how many messages, and the mean sentiment of
/// those messages.
/// </summary>
public readonly struct TermCount : IEquatable<TermCount>
{
    /// <summary>Creates a term count (also the JSON constructor).</summary>
    /// <param name="term">The folded term, words separated by single spaces.</param>
    /// <param name="words">The number of words, 1..3.</param>
    /// <param name="count">Occurrences, ≥ 0.</param>
    /// <param name="mentions">Messages containing the term at least once, 0 ≤ mentions ≤ count.</param>
    /// <param name="sentimentSum">Σ compound sentiment over the messages containing the term that carried a score.</param>
    /// <param name="sentimentMentions">How many of those messages carried a score, 0 ≤ sentimentMentions ≤ mentions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or larger than the one it is part of.</exception>
    [JsonConstructor]
    public TermCount(string term, int words, long count, long mentions, double sentimentSum, long sentimentMentions)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentOutOfRangeException.ThrowIfLessThan(words, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(mentions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mentions, count);
        ArgumentOutOfRangeException.ThrowIfNegative(sentimentMentions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sentimentMentions, mentions);
        Term = term;
        Words = words;
        Count = count;
        Mentions = mentions;
        SentimentSum = sentimentSum;
        SentimentMentions = sentimentMentions;
    }

    /// <summary>The folded term (lower case, accents removed, ñ kept), words separated by single spaces.</summary>
    public string Term { get; }

    /// <summary>The number of words in the term, 1..3.</summary>
    public int Words { get; }

    /// <summary>Occurrences of the term (a message repeating it counts each time).</summary>
    public long Count { get; }

    /// <summary>Messages containing the term at least once.</summary>
    public long Mentions { get; }

    /// <summary>Σ compound sentiment (−1..1) over the messages containing the term that carried a score.</summary>
    public double SentimentSum { get; }

    /// <summary>The number of messages containing the term that carried a sentiment score.</summary>
    public long SentimentMentions { get; }

    /// <summary>
    /// Sentiment of the theme: the mean compound score (−1..1) of the messages containing the term,
    /// <c>SentimentSum / SentimentMentions</c>; <see langword="null"/> when none carried a score.
    /// </summary>
    [JsonIgnore]
    public double? MeanSentiment => SentimentMentions > 0 ? SentimentSum / SentimentMentions : null;

    /// <inheritdoc />
    public bool Equals(TermCount other) =>
        string.Equals(Term, other.Term, StringComparison.Ordinal) && Words == other.Words && Count == other.Count
        && Mentions == other.Mentions && SentimentSum.Equals(other.SentimentSum) && SentimentMentions == other.SentimentMentions;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TermCount other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Term, Words, Count, Mentions, SentimentSum, SentimentMentions);

    /// <summary>Formats as <c>refund: 42 (in 40 messages)</c>.</summary>
    /// <returns>The formatted count.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Term}: {Count} (in {Mentions} messages)");

    /// <summary>Compares two term counts for equality.</summary>
    /// <param name="left">The first term count.</param>
    /// <param name="right">The second term count.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(TermCount left, TermCount right) => left.Equals(right);

    /// <summary>Compares two term counts for inequality.</summary>
    /// <param name="left">The first term count.</param>
    /// <param name="right">The second term count.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(TermCount left, TermCount right) => !left.Equals(right);
}
