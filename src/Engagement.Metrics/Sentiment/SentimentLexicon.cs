using System.Globalization;
using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Sentiment;

/// <summary>What a lexicon knows about a folded word or phrase.</summary>
[Flags]
internal enum TermFlags : byte
{
    None = 0,
    HasValence = 1,
    Negation = 2,
    Contrast = 4,
    PhraseStart = 8,
    Booster = 16,

    /// <summary>The valence counts only when the word is negated ("never arrived"); on its own the word is neutral ("arrived").</summary>
    NegatedOnly = 32,

    /// <summary>A phrase table key that only begins longer phrases ("cancel my" of "cancel my subscription").</summary>
    PhrasePrefix = 64,
}

/// <summary>A lexicon entry: valence (VADER scale −4..+4), booster increment (±0.293 or 0) and rule flags.</summary>
internal readonly struct TermEntry(double valence, double boost, TermFlags flags)
{
    public double Valence { get; } = valence;

    public double Boost { get; } = boost;

    public TermFlags Flags { get; } = flags;
}

/// <summary>
/// One language's read-only word and phrase tables, looked up by span (no string per token). Built once per process
/// from the embedded resources (see <see cref="SentimentLexicons"/>).
/// </summary>
internal sealed class SentimentLexicon
{
    private readonly ulong[] _pairBits = new ulong[1024];

    public SentimentLexicon(bool spanish, Dictionary<string, TermEntry> words, Dictionary<string, TermEntry> phrases, int maxPhraseWords)
    {
        Spanish = spanish;
        Words = new SpanTable<TermEntry>(words);
        Phrases = new SpanTable<TermEntry>(phrases);
        foreach (string phrase in phrases.Keys)
        {
            int space = phrase.IndexOf(' ', StringComparison.Ordinal);
            int end = phrase.IndexOf(' ', space + 1);
            int bit = PairBit(WordKey.Hash(phrase.AsSpan(0, space)), WordKey.Hash(phrase.AsSpan(space + 1, (end < 0 ? phrase.Length : end) - space - 1)));
            _pairBits[bit >> 6] |= 1UL << bit;
        }
        MaxPhraseWords = maxPhraseWords;
    }

    public bool Spanish { get; }

    /// <summary>The flag an English word ending in "n't" adds (<see cref="TermFlags.Negation"/>); none for Spanish.</summary>
    public TermFlags SuffixNegation => Spanish ? TermFlags.None : TermFlags.Negation;

    /// <summary>
    /// False when no phrase key starts with the two words whose table hashes are given (a one-hash Bloom filter of
    /// 2¹⁶ bits: no false negatives, so a phrase lookup is skipped only when it would miss).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartPhrase(uint first, uint second)
    {
        int bit = PairBit(first, second);
        return (_pairBits[bit >> 6] & (1UL << bit)) != 0;
    }

    private static int PairBit(uint first, uint second) => (int)(((first * 0x9E3779B1u) + (second * 0x85EBCA77u)) >> 16);

    /// <summary>Single words (and the first words of phrases, flagged <see cref="TermFlags.PhraseStart"/>).</summary>
    public SpanTable<TermEntry> Words { get; }

    /// <summary>Multi-word keys, words separated by one space, including <see cref="TermFlags.PhrasePrefix"/> prefixes.</summary>
    public SpanTable<TermEntry> Phrases { get; }

    public int MaxPhraseWords { get; }

    /// <summary>Mutable tables while a lexicon is assembled: later sources override earlier ones.</summary>
    internal sealed class Builder(bool spanish)
    {
        private readonly Dictionary<string, TermEntry> _words = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TermEntry> _phrases = new(StringComparer.Ordinal);
        private int _maxPhraseWords = 1;

        public void SetValence(string term, double valence, bool negatedOnly = false)
        {
            string key = Normalize(term);
            Dictionary<string, TermEntry> table = key.Contains(' ', StringComparison.Ordinal) ? _phrases : _words;
            table.TryGetValue(key, out TermEntry old);
            TermFlags flags = valence != 0 ? old.Flags | TermFlags.HasValence : old.Flags & ~TermFlags.HasValence;
            flags = negatedOnly ? flags | TermFlags.NegatedOnly : flags & ~TermFlags.NegatedOnly;
            table[key] = new TermEntry(valence, old.Boost, flags);
            Track(key);
        }

        public void SetRule(string term, TermFlags flags, double boost = 0)
        {
            string key = Normalize(term);
            Dictionary<string, TermEntry> table = key.Contains(' ', StringComparison.Ordinal) ? _phrases : _words;
            table.TryGetValue(key, out TermEntry old);
            table[key] = new TermEntry(old.Valence, boost != 0 ? boost : old.Boost, old.Flags | flags);
            Track(key);
        }

        public SentimentLexicon Build()
        {
            foreach (string phrase in _phrases.Keys.ToArray())
            {
                for (int space = phrase.IndexOf(' ', StringComparison.Ordinal), next; (next = phrase.IndexOf(' ', space + 1)) > 0; space = next)
                {
                    _phrases.TryAdd(phrase[..next], new TermEntry(0, 0, TermFlags.PhrasePrefix));
                }
            }

            foreach (string phrase in _phrases.Keys)
            {
                string first = phrase[..phrase.IndexOf(' ', StringComparison.Ordinal)];
                _words.TryGetValue(first, out TermEntry old);
                _words[first] = new TermEntry(old.Valence, old.Boost, old.Flags | TermFlags.PhraseStart);
            }

            return new SentimentLexicon(spanish, _words, _phrases, _maxPhraseWords);
        }

        private void Track(string key)
        {
            int words = 1;
            foreach (char c in key)
            {
                words += c == ' ' ? 1 : 0;
            }

            _maxPhraseWords = Math.Max(_maxPhraseWords, words);
        }

        private static string Normalize(string term) =>
            string.Join(' ', TextFolding.Fold(term.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    internal static double ParseValence(string text, string source, int line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && Math.Abs(v) <= 4
            ? v
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Embedded lexicon {source} line {line}: valence '{text}' is not a number in -4..4."));
}
