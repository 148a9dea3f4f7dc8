using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Listening;

/// <summary>
/// Exact, mergeable theme counts: every 1- to <see cref="ThemeOptions.MaxWords"/>-word term of the messages added,
/// with its occurrences, the messages containing it and their mean sentiment (sentiment per theme).
/// </summary>
/// <remarks>
/// <para>
/// The counting path allocates nothing per token: the tokenizer folds each message into a scratch buffer and hashes
/// each word as it reads it (64-bit FNV-1a, words combined into n-gram hashes), and the table is keyed by that
/// hash; a term's string is created once, the first time it is seen. Two distinct terms would be merged only if their
/// 64-bit hashes collided (probability below n²/2⁶⁵ for n distinct terms, about 3·10⁻⁸ for a million). Memory grows with the number of distinct
/// terms; for unbounded streams use <see cref="SpaceSavingSketch"/>, whose memory is fixed.
/// </para>
/// <para>
/// Merging adds counts term by term, so any split of a stream merged in any order gives the same counts as one pass
/// (exact integers; the sentiment sums are floating-point and equal up to rounding). Not thread-safe: use one
/// accumulator per thread and merge.
/// </para>
/// </remarks>
public sealed class TermCountAccumulator : IMergeableAccumulator<TermCountAccumulator>
{
    private readonly TermTable _table = new();
    private readonly ThemeTokenizer _tokenizer;
    private readonly long[] _totals = new long[3];
    private readonly int _maxWords;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">How messages are split into themes; <see langword="null"/> for <see cref="ThemeOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not valid.</exception>
    public TermCountAccumulator(ThemeOptions? options = null)
    {
        Options = (options ?? ThemeOptions.Default).Validate();
        _tokenizer = new ThemeTokenizer(Options.Language, Options.MinimumWordLength);
        _maxWords = Options.MaxWords;
    }

    /// <summary>Restores an accumulator from its persisted state (also the JSON constructor).</summary>
    /// <param name="options">The options the counts were made with.</param>
    /// <param name="count">The number of messages added, ≥ 0.</param>
    /// <param name="terms">Every term with its counts; terms must be distinct and have at most <see cref="ThemeOptions.MaxWords"/> words.</param>
    /// <exception cref="ArgumentException">The options are not valid, a term repeats or has too many words.</exception>
    [JsonConstructor]
    public TermCountAccumulator(ThemeOptions options, long count, IReadOnlyList<TermCount> terms)
        : this(options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(terms);
        for (int i = 0; i < terms.Count; i++)
        {
            TermCount t = terms[i];
            ulong hash = TermHash.Of(t.Term);
            if (t.Words > _maxWords || t.Words != CountWords(t.Term) || _table.Find(hash) >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"terms[{i}] ('{t.Term}', {t.Words} words) repeats an earlier term, or its word count does not match its text or exceeds MaxWords {_maxWords}."), nameof(terms));
            }

            ref TermTable.Slot e = ref _table.GetOrAdd(t.Term, hash, t.Words);
            e.Count = t.Count;
            e.Mentions = t.Mentions;
            ref TermTable.Cold cold = ref _table.ColdOf(e);
            cold.SentimentSum = t.SentimentSum;
            cold.SentimentMentions = t.SentimentMentions;
            _totals[t.Words - 1] += t.Count;
        }

        Count = count;
    }

    /// <summary>The options.</summary>
    public ThemeOptions Options { get; }

    /// <summary>The number of messages added.</summary>
    public long Count { get; private set; }

    /// <summary>The number of distinct terms.</summary>
    [JsonIgnore]
    public int DistinctTerms => _table.Count;

    /// <summary>Every term with its counts, in first-seen order (the persisted state; use <see cref="Top"/> for a ranking).</summary>
    public IReadOnlyList<TermCount> Terms
    {
        get
        {
            var list = new TermCount[_table.Count];
            for (int i = 0; i < list.Length; i++)
            {
                list[i] = ToTermCount(_table[i]);
            }

            return list;
        }
    }

    /// <summary>The total occurrences of all terms with the given number of words: the corpus size for trend tests.</summary>
    /// <param name="words">1..3.</param>
    /// <returns>Σ counts of the terms with that many words.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="words"/> is outside 1..3.</exception>
    public long TotalOccurrences(int words)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(words, 3);
        return _totals[words - 1];
    }

    /// <summary>Counts the themes of one message.</summary>
    /// <param name="text">The message text.</param>
    /// <param name="sentiment">The message's compound sentiment (−1..1), or <see langword="null"/> when not scored.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sentiment"/> is NaN or outside −1..1.</exception>
    public void Add(ReadOnlySpan<char> text, double? sentiment = null)
    {
        if (sentiment is { } s && !(s >= -1 && s <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sentiment), s, "A compound sentiment score must lie in [-1, 1]; the message was not added.");
        }

        AddCore(text, sentiment);
    }

    /// <summary>Counts the themes of one mention, scoring its sentiment with <paramref name="scorer"/> when given.</summary>
    /// <param name="mention">The mention; validated first.</param>
    /// <param name="scorer">Scores the text for sentiment per theme; <see langword="null"/> to skip sentiment.</param>
    /// <exception cref="ArgumentException">The mention is not valid (see <see cref="Mention.Validate"/>).</exception>
    public void Add(in Mention mention, ISentimentScorer? scorer = null)
    {
        mention.Validate();
        AddCore(mention.Text, scorer?.Score(mention.Text).Compound);
    }

    /// <summary>Counts the themes of many mentions; validates all of them before counting any.</summary>
    /// <param name="mentions">The mentions.</param>
    /// <param name="scorer">Scores the texts for sentiment per theme; <see langword="null"/> to skip sentiment.</param>
    /// <exception cref="ArgumentException">A mention is not valid; its position and id are named, and nothing was added.</exception>
    public void AddRange(ReadOnlySpan<Mention> mentions, ISentimentScorer? scorer = null)
    {
        for (int i = 0; i < mentions.Length; i++)
        {
            mentions[i].ValidateAt(i);
        }

        foreach (ref readonly Mention m in mentions)
        {
            AddCore(m.Text, scorer?.Score(m.Text).Compound);
        }
    }

    /// <summary>The counts of one term; zero counts when it was never seen.</summary>
    /// <param name="term">The term, in any case and with or without accents; words separated by white space.</param>
    /// <returns>The term's counts, with the term in its folded form.</returns>
    public TermCount Get(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        string folded = ListeningText.FoldPhrase(term);
        int index = _table.Find(TermHash.Of(folded));
        return index >= 0 ? ToTermCount(_table[index]) : new TermCount(folded, Math.Max(1, CountWords(folded)), 0, 0, 0, 0);
    }

    /// <summary>The most frequent terms: by count, then by messages, then by term (ordinal).</summary>
    /// <param name="count">How many terms to return, ≥ 0.</param>
    /// <param name="words">Only terms with this many words (1..3), or <see langword="null"/> for all.</param>
    /// <returns>At most <paramref name="count"/> terms, most frequent first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="words"/> is outside 1..3.</exception>
    public IReadOnlyList<TermCount> Top(int count, int? words = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (words is { } w && (w < 1 || w > 3))
        {
            throw new ArgumentOutOfRangeException(nameof(words), w, "Use 1, 2 or 3 words, or null for all terms.");
        }

        // Rank entry indices, so strings are made for the terms returned only.
        var selected = new List<int>();
        for (int i = 0; i < _table.Count; i++)
        {
            if (words is null || _table.WordsAt(i) == words)
            {
                selected.Add(i);
            }
        }

        TermTable table = _table;
        selected.Sort((a, b) =>
        {
            int c = table.CountAt(b).CompareTo(table.CountAt(a));
            c = c != 0 ? c : table.MentionsAt(b).CompareTo(table.MentionsAt(a));
            return c != 0 ? c : table.TermAt(a).SequenceCompareTo(table.TermAt(b));
        });
        var top = new TermCount[Math.Min(count, selected.Count)];
        for (int k = 0; k < top.Length; k++)
        {
            top[k] = ToTermCount(table[selected[k]]);
        }

        return top;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The other accumulator has different options.</exception>
    public void Merge(TermCountAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException("Cannot merge term counts made with different ThemeOptions; count both with the same options.", nameof(other));
        }

        TermCount[] snapshot = [.. other.Terms];
        foreach (TermCount t in snapshot)
        {
            ref TermTable.Slot e = ref _table.GetOrAdd(t.Term, TermHash.Of(t.Term), t.Words);
            e.Count += t.Count;
            e.Mentions += t.Mentions;
            ref TermTable.Cold cold = ref _table.ColdOf(e);
            cold.SentimentSum += t.SentimentSum;
            cold.SentimentMentions += t.SentimentMentions;
            _totals[t.Words - 1] += t.Count;
        }

        Count += other.Count;
    }

    /// <inheritdoc />
    public TermCountAccumulator CreateEmpty() => new(Options);

    internal void AddCore(ReadOnlySpan<char> text, double? sentiment)
    {
        _tokenizer.Tokenize(text);
        Count++;
        var sink = new Sink(this, _table.NextMessage(), sentiment);
        _tokenizer.ForEachTerm(_maxWords, ref sink);
    }

    /// <summary>The occurrences of an already folded term (words separated by single spaces); 0 when never seen.</summary>
    internal long CountOfFolded(string folded)
    {
        int index = _table.Find(TermHash.Of(folded));
        return index >= 0 ? _table.CountAt(index) : 0;
    }

    private struct Sink(TermCountAccumulator owner, uint stamp, double? sentiment) : ITermSink
    {
        public readonly void Prepare(ReadOnlySpan<ulong> hashes) => owner._table.Touch(hashes);

        public readonly void Add(ReadOnlySpan<char> term, ulong hash, int words)
        {
            ref TermTable.Slot e = ref owner._table.GetOrAdd(term, hash, words);
            e.Count++;
            owner._totals[words - 1]++;
            if (e.LastMessage != stamp)
            {
                e.LastMessage = stamp;
                e.Mentions++;
                if (sentiment is { } s)
                {
                    ref TermTable.Cold cold = ref owner._table.ColdOf(e);
                    cold.SentimentSum += s;
                    cold.SentimentMentions++;
                }
            }
        }
    }

    private static TermCount ToTermCount(TermTable.Entry e) =>
        new(e.Term, e.Words, e.Count, e.Mentions, e.SentimentSum, e.SentimentMentions);

    private static int CountWords(string term)
    {
        if (term.Length == 0)
        {
            return 0;
        }

        int words = 1;
        foreach (char c in term)
        {
            words += c == ' ' ? 1 : 0;
        }

        return words;
    }
}
