using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// The rule-and-lexicon scoring core (VADER's heuristics as described by Hutto &amp; Gilbert 2014, written by us):
/// fold → tokenise → look up words, phrases, emoticons and emoji → apply caps, boosters, negation, contrast →
/// add punctuation emphasis → normalise. Scratch buffers are per thread, so scoring allocates nothing after warm-up.
/// </summary>
internal static class LexiconEngine
{
    private const int MaxPhraseChars = 96;

    private static readonly SearchValues<char> SpanishLetters = SearchValues.Create("ñÑáéíóúÁÉÍÓÚ");
    private static readonly SearchValues<char> InvertedMarks = SearchValues.Create("¡¿");
    private static readonly byte[] AsciiClasses = BuildAsciiClasses();

    private const int Space = 1;
    private const int Word = 2;
    private const int WordStart = 4;

    // One thread-static holder (one TLS access per message) for both scratch buffers.
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Scores a message with a fixed lexicon.</summary>
    public static SentimentScore Score(ReadOnlySpan<char> text, SentimentLexicon? lexicon, SymbolTable symbols, SentimentOptions options)
    {
        if (text.IsEmpty)
        {
            return default;
        }

        Scratch scratch = t_scratch ??= new Scratch();
        Span<char> folded = Rent(ref scratch.Folded, text.Length);
        Span<Token> tokens = Rent(ref scratch.Tokens, text.Length + 1);
        Fold(text, folded);
        int n = Tokenize(text, folded, tokens, symbols, out TextSignals signals);
        lexicon ??= DetectLanguage(text, folded, tokens[..n]) == SentimentLanguage.Spanish ? SentimentLexicons.Spanish : SentimentLexicons.English;
        n = LookUp(folded, tokens[..n], lexicon, out int contrast);
        return Finish(tokens[..n], contrast, signals, options);
    }

    /// <summary>Folds; pure-ASCII text (the common case) is lower-cased with the vectorised ASCII routine.</summary>
    private static void Fold(ReadOnlySpan<char> text, Span<char> folded)
    {
        if (!Ascii.IsValid(text) || Ascii.ToLower(text, folded, out _) != OperationStatus.Done)
        {
            TextFolding.Fold(text, folded);
        }
    }

    /// <summary>The raw (un-normalised, unpunctuated) valence sum: the emoji derivation uses it on CLDR names.</summary>
    public static double RawSum(string text, SentimentLexicon lexicon, SymbolTable symbols)
    {
        var folded = new char[text.Length];
        var tokens = new Token[text.Length + 1];
        TextFolding.Fold(text, folded);
        int n = Tokenize(text, folded, tokens, symbols, out TextSignals signals);
        n = LookUp(folded, tokens.AsSpan(0, n), lexicon, out int contrast);
        Span<Token> t = tokens.AsSpan(0, n);
        double sum = 0;
        for (int i = 0; i < t.Length; i++)
        {
            sum += Sentiment(t, i, contrast, signals.CapsDifferential);
        }

        return sum;
    }

    /// <summary>English or Spanish for a message, by the rule documented on <see cref="SentimentLanguage.Auto"/>.</summary>
    public static SentimentLanguage DetectLanguage(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return SentimentLanguage.English;
        }

        Scratch scratch = t_scratch ??= new Scratch();
        Span<char> folded = Rent(ref scratch.Folded, text.Length);
        Span<Token> tokens = Rent(ref scratch.Tokens, text.Length + 1);
        TextFolding.Fold(text, folded);
        int n = Tokenize(text, folded, tokens, SymbolTable.Empty, out _);
        return DetectLanguage(text, folded, tokens[..n]);
    }

    private static SentimentLanguage DetectLanguage(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, ReadOnlySpan<Token> tokens)
    {
        SpanTable<sbyte> hints = SentimentLexicons.LanguageHints;
        int english = 0;
        int spanish = (text.ContainsAny(SpanishLetters) ? 1 : 0) + (text.ContainsAny(InvertedMarks) ? 1 : 0);
        foreach (ref readonly Token token in tokens)
        {
            if ((token.Kind & TokenKind.Word) != 0 && hints.TryGetValue(folded.Slice(token.Start, token.Length), token.Hash, out sbyte vote))
            {
                if (vote > 0)
                {
                    english++;
                }
                else
                {
                    spanish++;
                }
            }
        }

        return spanish > english ? SentimentLanguage.Spanish : SentimentLanguage.English;
    }

    private static Span<T> Rent<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 512)];
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// Splits on white space; a white-space-delimited chunk that is a known emoticon becomes one symbol token;
    /// otherwise the chunk yields word tokens (runs of letters, digits, combining marks and inner apostrophes)
    /// and emoji tokens (one code point each, skipping variation selectors, joiners and skin-tone modifiers).
    /// Exclamation and question marks are counted over the whole text (vectorised).
    /// </summary>
    private static int Tokenize(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, Span<Token> tokens, SymbolTable symbols, out TextSignals signals)
    {
        signals = default;
        signals.Exclamations = text.Count('!');
        signals.Questions = text.Count('?');
        int n = 0;
        int words = 0;
        int caps = 0;
        int chunkTokens = 0;
        int chunkWords = 0;
        int chunkCaps = 0;
        int chunkStart = -1;
        bool plain = true;
        for (int k = 0; k <= folded.Length; k++)
        {
            // One pass: words are emitted as they are read; a chunk (white-space-delimited) that turns out to be a
            // known emoticon replaces whatever words it produced.
            int cls = k < folded.Length ? Class(folded[k]) : Space;
            if (cls == Space)
            {
                if (chunkStart >= 0 && !plain && TryEmoticon(folded[chunkStart..k], symbols, out double emoticon, out int emoticonLength))
                {
                    n -= chunkTokens;
                    words -= chunkWords;
                    caps -= chunkCaps;
                    tokens[n++] = new Token(chunkStart, emoticonLength, TokenKind.Symbol) { Valence = emoticon, Flags = TermFlags.HasValence };
                }

                chunkStart = -1;
                continue;
            }

            if (chunkStart < 0)
            {
                chunkStart = k;
                plain = true;
                chunkTokens = 0;
                chunkWords = 0;
                chunkCaps = 0;
            }

            if ((cls & WordStart) != 0)
            {
                // The word's table hash is built while it is read, so the lookup does not re-read it.
                int w = k;
                uint hash = SpanTable<TermEntry>.Step(SpanTable<TermEntry>.Start, folded[k]);
                while (k + 1 < folded.Length && (Class(folded[k + 1]) & Word) != 0)
                {
                    k++;
                    hash = SpanTable<TermEntry>.Step(hash, folded[k]);
                }

                int end = k + 1;
                if (folded[k] == '\'')
                {
                    while (folded[end - 1] == '\'')
                    {
                        end--;
                    }

                    hash = SpanTable<TermEntry>.Hash(folded[w..end]);
                }

                char first = text[w];
                bool allCaps = (first < 128 ? (uint)(first - 'A') <= 'Z' - 'A' : char.IsUpper(first)) && IsAllCaps(text[w..end]);
                tokens[n++] = new Token(w, end - w, allCaps ? TokenKind.Word | TokenKind.AllCaps : TokenKind.Word) { Hash = hash };
                chunkTokens++;
                chunkWords++;
                int capital = allCaps ? 1 : 0;
                chunkCaps += capital;
                words++;
                caps += capital;
                continue;
            }

            if ((cls & Word) != 0)
            {
                continue;
            }

            plain = false;
            char d = folded[k];
            if (d < 0x2100)
            {
                continue;
            }

            if (char.IsHighSurrogate(d) && k + 1 < folded.Length && char.IsLowSurrogate(folded[k + 1]))
            {
                chunkTokens += AddSymbol(folded.Slice(k, 2), k, symbols, tokens, ref n);
                k++;
            }
            else if (char.GetUnicodeCategory(d) == UnicodeCategory.OtherSymbol)
            {
                chunkTokens += AddSymbol(folded.Slice(k, 1), k, symbols, tokens, ref n);
            }
        }

        signals.CapsDifferential = caps > 0 && caps < words;
        return n;
    }

    private static int AddSymbol(ReadOnlySpan<char> symbol, int start, SymbolTable symbols, Span<Token> tokens, ref int n)
    {
        if (symbols.Lookup.TryGetValue(symbol, out double valence))
        {
            tokens[n++] = new Token(start, symbol.Length, TokenKind.Symbol) { Valence = valence, Flags = TermFlags.HasValence };
            return 1;
        }

        return 0;
    }

    /// <summary>The whole chunk, or the chunk without trailing . , ! ? (counted as punctuation), as an emoticon.</summary>
    private static bool TryEmoticon(ReadOnlySpan<char> chunk, SymbolTable symbols, out double valence, out int length)
    {
        length = chunk.Length;
        if (!symbols.MayStart(chunk[0]))
        {
            valence = 0;
            length = 0;
            return false;
        }

        if (length <= symbols.LongestKey && symbols.MayEnd(chunk[^1]) && symbols.Lookup.TryGetValue(chunk, out valence))
        {
            return true;
        }

        while (length > 1 && chunk[length - 1] is '.' or ',' or '!' or '?')
        {
            length--;
        }

        if (length < chunk.Length && length <= symbols.LongestKey && symbols.MayEnd(chunk[length - 1]) && symbols.Lookup.TryGetValue(chunk[..length], out valence))
        {
            return true;
        }

        valence = 0;
        length = 0;
        return false;
    }

    /// <summary>The character class of a folded character: <see cref="Space"/>, or flags <see cref="Word"/> and <see cref="WordStart"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Class(char c) => c < 128 ? Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(AsciiClasses), c) : NonAsciiClass(c);

    private static int NonAsciiClass(char c) =>
        char.IsWhiteSpace(c) ? Space : IsNonAsciiWordChar(c) ? Word | WordStart : 0;

    private static byte[] BuildAsciiClasses()
    {
        var classes = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            classes[c] = (byte)(char.IsWhiteSpace((char)c) ? Space
                : char.IsAsciiLetterLower((char)c) || char.IsAsciiDigit((char)c) ? Word | WordStart
                : c == '\'' ? Word
                : 0);
        }

        return classes;
    }

    private static bool IsNonAsciiWordChar(char c)
    {
        UnicodeCategory category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsUpper(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    /// <summary>Looks every word up (phrases first, longest first); drops tokens a phrase consumed. Returns the new count.</summary>
    private static int LookUp(ReadOnlySpan<char> folded, Span<Token> tokens, SentimentLexicon lexicon, out int contrast)
    {
        // Tokens are updated in place through a ref (a copied Token whose field is passed by `out` would live in
        // memory, not registers); `kept` trails `i` only after a phrase consumed tokens.
        SpanTable<TermEntry> words = lexicon.Words;
        bool spanish = lexicon.Spanish;
        int kept = 0;
        int found = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            ref Token token = ref tokens[i];
            if ((token.Kind & TokenKind.Word) != 0)
            {
                ReadOnlySpan<char> word = folded.Slice(token.Start, token.Length);
                TermEntry entry;
                if (words.TryGetValue(word, token.Hash, out entry))
                {
                    if ((entry.Flags & TermFlags.PhraseStart) != 0
                        && TryPhrase(folded, tokens, i, lexicon, out TermEntry phrase, out int consumed))
                    {
                        entry = phrase;
                        i += consumed - 1;
                    }
                }
                else if (spanish)
                {
                    _ = SpanishForms.TryLookUp(word, lexicon, out entry, out sbyte adjust);
                    token.SelfAdjust = adjust;
                }

                token.Valence = entry.Valence;
                token.Boost = entry.Boost;
                token.Flags = entry.Flags;
                if (!spanish && word.Length >= 3 && word[^1] == 't' && word[^2] == '\'' && word[^3] == 'n')
                {
                    token.Flags |= TermFlags.Negation;
                }

                if (found < 0 && (token.Flags & TermFlags.Contrast) != 0)
                {
                    found = kept;
                }
            }

            tokens[kept++] = token;
        }

        contrast = found;
        return kept;
    }

    /// <summary>
    /// The longest phrase starting at token <paramref name="first"/>. Lengths are tried upwards and stop at the first
    /// key that is neither a phrase nor the prefix of one, so most attempts cost a single lookup; when the words are
    /// separated by single spaces the key is a slice of the folded text (no copy).
    /// </summary>
    private static bool TryPhrase(ReadOnlySpan<char> folded, ReadOnlySpan<Token> tokens, int first, SentimentLexicon lexicon, out TermEntry entry, out int consumed)
    {
        entry = default;
        consumed = 1;
        if (first + 1 < tokens.Length && (tokens[first + 1].Kind & TokenKind.Word) != 0
            && !lexicon.MayStartPhrase(tokens[first].Hash, tokens[first + 1].Hash))
        {
            return false;
        }

        Span<char> key = stackalloc char[MaxPhraseChars];
        int start = tokens[first].Start;
        int length = tokens[first].Length;
        bool contiguous = true;
        int last = Math.Min(tokens.Length, first + lexicon.MaxPhraseWords);
        for (int j = first + 1; j < last; j++)
        {
            Token t = tokens[j];
            if ((t.Kind & TokenKind.Word) == 0 || length + t.Length + 1 > key.Length)
            {
                break;
            }

            if (!contiguous || t.Start != start + length + 1 || folded[start + length] != ' ')
            {
                if (contiguous)
                {
                    folded.Slice(start, length).CopyTo(key);
                    contiguous = false;
                }

                key[length] = ' ';
                folded.Slice(t.Start, t.Length).CopyTo(key[(length + 1)..]);
            }

            length += t.Length + 1;
            ReadOnlySpan<char> candidate = contiguous ? folded.Slice(start, length) : key[..length];
            if (!lexicon.Phrases.TryGetValue(candidate, out TermEntry found))
            {
                break;
            }

            if ((found.Flags & TermFlags.PhrasePrefix) == 0)
            {
                entry = found;
                consumed = j - first + 1;
            }
        }

        return consumed > 1;
    }

    /// <summary>
    /// Token <paramref name="i"/>'s sentiment: caps emphasis, boosters and negation in the 3-word window, then the
    /// contrast weight (× 0.5 before the first contrast word at <paramref name="contrast"/>, × 1.5 after; −1 = none).
    /// Depends only on the token, the three before it and the negator check on the one after it, so the caller sums
    /// in the same pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Sentiment(ReadOnlySpan<Token> tokens, int i, int contrast, bool capsDifferential)
    {
        ref readonly Token token = ref tokens[i];
        if ((token.Flags & (TermFlags.HasValence | TermFlags.Booster)) != TermFlags.HasValence)
        {
            return 0;
        }

        // A negator that is also a lexicon word ("no") counts only when it does not negate a sentiment word.
        if ((token.Flags & TermFlags.Negation) != 0 && i + 1 < tokens.Length && (tokens[i + 1].Flags & TermFlags.HasValence) != 0)
        {
            return 0;
        }

        double v = token.Valence;
        double sign = v > 0 ? 1 : -1;
        if (capsDifferential && (token.Kind & TokenKind.AllCaps) != 0)
        {
            v += sign * SentimentRules.CapsIncrement;
        }

        v += sign * token.SelfAdjust * SentimentRules.BoosterIncrement;
        bool negated = false;
        for (int d = 1; d <= SentimentRules.Window && i - d >= 0; d++)
        {
            ref readonly Token before = ref tokens[i - d];
            if ((before.Flags & TermFlags.Booster) != 0)
            {
                double boost = sign * before.Boost;
                if (capsDifferential && (before.Kind & TokenKind.AllCaps) != 0)
                {
                    boost += sign * SentimentRules.CapsIncrement;
                }

                v += boost * SentimentRules.DistanceScale[d - 1];
            }

            negated |= (before.Flags & TermFlags.Negation) != 0;
        }

        double sentiment;
        if (negated)
        {
            sentiment = v * SentimentRules.NegationScalar;
        }
        else if ((token.Flags & TermFlags.NegatedOnly) == 0)
        {
            sentiment = v;
        }
        else
        {
            return 0;
        }

        if (contrast >= 0)
        {
            sentiment *= i < contrast ? SentimentRules.BeforeContrast : i > contrast ? SentimentRules.AfterContrast : 1;
        }

        return sentiment;
    }

    private static SentimentScore Finish(ReadOnlySpan<Token> tokens, int contrast, in TextSignals signals, SentimentOptions options)
    {
        double sum = 0;
        double positive = 0;
        double negative = 0;
        double neutral = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            double s = Sentiment(tokens, i, contrast, signals.CapsDifferential);
            sum += s;
            if (s > 0)
            {
                positive += s + 1;
            }
            else if (s < 0)
            {
                negative += s - 1;
            }
            else
            {
                neutral += 1;
            }
        }

        double emphasis = Math.Min(signals.Exclamations, SentimentRules.MaxExclamations) * SentimentRules.ExclamationIncrement
            + (signals.Questions <= 1 ? 0 : signals.Questions <= 3 ? signals.Questions * SentimentRules.QuestionIncrement : SentimentRules.QuestionCap);
        double compound = 0;
        if (sum != 0)
        {
            sum += sum > 0 ? emphasis : -emphasis;
            compound = Math.Clamp(sum / Math.Sqrt((sum * sum) + options.NormalizationAlpha), -1, 1);
        }

        if (positive > -negative)
        {
            positive += emphasis;
        }
        else if (positive < -negative)
        {
            negative -= emphasis;
        }

        double total = positive - negative + neutral;
        return total > 0
            ? new SentimentScore(compound, positive / total, neutral / total, Math.Abs(negative) / total, options.Classify(compound), trusted: true)
            : new SentimentScore(compound, 0, 0, 0, options.Classify(compound), trusted: true);
    }

    [Flags]
    private enum TokenKind : byte
    {
        Word = 1,
        Symbol = 2,
        AllCaps = 4,
    }

    private sealed class Scratch
    {
        public char[] Folded = new char[512];
        public Token[] Tokens = new Token[512];
    }

    private struct TextSignals
    {
        public int Exclamations;
        public int Questions;
        public bool CapsDifferential;
    }

    private struct Token(int start, int length, TokenKind kind)
    {
        public int Start = start;
        public int Length = length;
        public TokenKind Kind = kind;
        public TermFlags Flags;
        public sbyte SelfAdjust;
        public uint Hash;
        public double Valence;
        public double Boost;
    }
}
