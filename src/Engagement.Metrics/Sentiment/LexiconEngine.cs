using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// The rule-and-lexicon scoring core (VADER's heuristics as described by Hutto &amp; Gilbert 2014, written by us):
/// fold → tokenise → look up words, phrases, emoticons and emoji → apply caps, boosters, negation, contrast →
/// add punctuation emphasis → normalise. Scratch buffers are per thread, so scoring allocates nothing after warm-up.
/// </summary>
internal static class LexiconEngine
{
    private const int MaxPhraseChars = 96;
    private const int MaxWordChars = 48;

    private static readonly SearchValues<char> SpanishLetters = SearchValues.Create("ñÑáéíóúÁÉÍÓÚ");
    private static readonly SearchValues<char> InvertedMarks = SearchValues.Create("¡¿");

    [ThreadStatic]
    private static char[]? t_folded;

    [ThreadStatic]
    private static Token[]? t_tokens;

    /// <summary>Scores a message with a fixed lexicon.</summary>
    public static SentimentScore Score(ReadOnlySpan<char> text, SentimentLexicon? lexicon, SymbolTable symbols, SentimentOptions options)
    {
        if (text.IsEmpty)
        {
            return default;
        }

        Span<char> folded = Rent(ref t_folded, text.Length);
        Span<Token> tokens = Rent(ref t_tokens, text.Length + 1);
        TextFolding.Fold(text, folded);
        int n = Tokenize(text, folded, tokens, symbols, out TextSignals signals);
        lexicon ??= DetectLanguage(text, folded, tokens[..n]) == SentimentLanguage.Spanish ? SentimentLexicons.Spanish : SentimentLexicons.English;
        n = LookUp(folded, tokens[..n], lexicon);
        return Finish(tokens[..n], signals, options);
    }

    /// <summary>The raw (un-normalised, unpunctuated) valence sum: the emoji derivation uses it on CLDR names.</summary>
    public static double RawSum(string text, SentimentLexicon lexicon, SymbolTable symbols)
    {
        var folded = new char[text.Length];
        var tokens = new Token[text.Length + 1];
        TextFolding.Fold(text, folded);
        int n = Tokenize(text, folded, tokens, symbols, out TextSignals signals);
        n = LookUp(folded, tokens.AsSpan(0, n), lexicon);
        Span<Token> t = tokens.AsSpan(0, n);
        ApplyRules(t, signals.CapsDifferential);
        double sum = 0;
        foreach (ref readonly Token token in t)
        {
            sum += token.Sentiment;
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

        Span<char> folded = Rent(ref t_folded, text.Length);
        Span<Token> tokens = Rent(ref t_tokens, text.Length + 1);
        TextFolding.Fold(text, folded);
        int n = Tokenize(text, folded, tokens, SymbolTable.Empty, out _);
        return DetectLanguage(text, folded, tokens[..n]);
    }

    private static SentimentLanguage DetectLanguage(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, ReadOnlySpan<Token> tokens)
    {
        var hints = SentimentLexicons.LanguageHints.GetAlternateLookup<ReadOnlySpan<char>>();
        int english = 0;
        int spanish = (text.ContainsAny(SpanishLetters) ? 1 : 0) + (text.ContainsAny(InvertedMarks) ? 1 : 0);
        foreach (ref readonly Token token in tokens)
        {
            if ((token.Kind & TokenKind.Word) != 0 && hints.TryGetValue(folded.Slice(token.Start, token.Length), out sbyte vote))
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

    private static Span<T> Rent<T>(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 512)];
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// Splits on white space; a white-space-delimited chunk that is a known emoticon becomes one symbol token;
    /// otherwise the chunk yields word tokens (runs of letters, digits, combining marks and inner apostrophes)
    /// and emoji tokens (one code point each, skipping variation selectors, joiners and skin-tone modifiers).
    /// </summary>
    private static int Tokenize(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, Span<Token> tokens, SymbolTable symbols, out TextSignals signals)
    {
        signals = default;
        int n = 0;
        int words = 0;
        int caps = 0;
        int i = 0;
        while (i < folded.Length)
        {
            char c = folded[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            bool plain = true;
            while (i < folded.Length && !char.IsWhiteSpace(folded[i]))
            {
                plain &= IsWordChar(folded[i]);
                i++;
            }

            ReadOnlySpan<char> chunk = folded[start..i];
            if (!plain && TryEmoticon(chunk, symbols, out double emoticon, out int emoticonLength))
            {
                tokens[n++] = new Token(start, emoticonLength, TokenKind.Symbol) { Valence = emoticon, Flags = TermFlags.HasValence };
                CountPunctuation(chunk[emoticonLength..], ref signals);
                continue;
            }

            int k = start;
            while (k < i)
            {
                char d = folded[k];
                if (IsWordChar(d) && d != '\'')
                {
                    int w = k;
                    while (k < i && IsWordChar(folded[k]))
                    {
                        k++;
                    }

                    int end = k;
                    while (end > w && folded[end - 1] == '\'')
                    {
                        end--;
                    }

                    bool allCaps = IsAllCaps(text[w..end]);
                    tokens[n++] = new Token(w, end - w, allCaps ? TokenKind.Word | TokenKind.AllCaps : TokenKind.Word);
                    words++;
                    caps += allCaps ? 1 : 0;
                    continue;
                }

                if (char.IsHighSurrogate(d) && k + 1 < i && char.IsLowSurrogate(folded[k + 1]))
                {
                    AddSymbol(folded.Slice(k, 2), k, symbols, tokens, ref n);
                    k += 2;
                    continue;
                }

                Signal(d, ref signals);
                if (d >= 0x2100 && char.GetUnicodeCategory(d) == UnicodeCategory.OtherSymbol)
                {
                    AddSymbol(folded.Slice(k, 1), k, symbols, tokens, ref n);
                }

                k++;
            }
        }

        signals.CapsDifferential = caps > 0 && caps < words;
        return n;
    }

    private static void AddSymbol(ReadOnlySpan<char> symbol, int start, SymbolTable symbols, Span<Token> tokens, ref int n)
    {
        if (symbols.Lookup.TryGetValue(symbol, out double valence))
        {
            tokens[n++] = new Token(start, symbol.Length, TokenKind.Symbol) { Valence = valence, Flags = TermFlags.HasValence };
        }
    }

    /// <summary>The whole chunk, or the chunk without trailing . , ! ? (counted as punctuation), as an emoticon.</summary>
    private static bool TryEmoticon(ReadOnlySpan<char> chunk, SymbolTable symbols, out double valence, out int length)
    {
        length = chunk.Length;
        if (length <= symbols.LongestKey && symbols.Lookup.TryGetValue(chunk, out valence))
        {
            return true;
        }

        while (length > 1 && chunk[length - 1] is '.' or ',' or '!' or '?')
        {
            length--;
        }

        if (length < chunk.Length && length <= symbols.LongestKey && symbols.Lookup.TryGetValue(chunk[..length], out valence))
        {
            return true;
        }

        valence = 0;
        length = 0;
        return false;
    }

    private static void CountPunctuation(ReadOnlySpan<char> rest, ref TextSignals signals)
    {
        foreach (char c in rest)
        {
            Signal(c, ref signals);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Signal(char folded, ref TextSignals signals)
    {
        switch (folded)
        {
            case '!':
                signals.Exclamations++;
                break;
            case '?':
                signals.Questions++;
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '\'';
        }

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
    private static int LookUp(ReadOnlySpan<char> folded, Span<Token> tokens, SentimentLexicon lexicon)
    {
        Span<char> key = stackalloc char[MaxPhraseChars];
        int kept = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            Token token = tokens[i];
            if ((token.Kind & TokenKind.Word) == 0)
            {
                tokens[kept++] = token;
                continue;
            }

            ReadOnlySpan<char> word = folded.Slice(token.Start, token.Length);
            bool found = lexicon.WordLookup.TryGetValue(word, out TermEntry entry);
            if (found && (entry.Flags & TermFlags.PhraseStart) != 0
                && TryPhrase(folded, tokens, i, lexicon, key, out TermEntry phrase, out int consumed))
            {
                entry = phrase;
                i += consumed - 1;
            }
            else if (!found)
            {
                if (lexicon.Spanish)
                {
                    found = SpanishForms.TryLookUp(word, lexicon, out entry, out token.SelfAdjust);
                }
            }

            token.Valence = entry.Valence;
            token.Boost = entry.Boost;
            token.Flags = entry.Flags;
            if (!lexicon.Spanish && word.EndsWith("n't"))
            {
                token.Flags |= TermFlags.Negation;
            }

            tokens[kept++] = token;
        }

        return kept;
    }

    private static bool TryPhrase(ReadOnlySpan<char> folded, ReadOnlySpan<Token> tokens, int first, SentimentLexicon lexicon, Span<char> key, out TermEntry entry, out int consumed)
    {
        int length = 0;
        int last = Math.Min(tokens.Length, first + lexicon.MaxPhraseWords);
        Span<int> ends = stackalloc int[8];
        int words = 0;
        for (int j = first; j < last && words < ends.Length; j++)
        {
            Token t = tokens[j];
            if ((t.Kind & TokenKind.Word) == 0 || length + t.Length + 1 > key.Length)
            {
                break;
            }

            if (words > 0)
            {
                key[length++] = ' ';
            }

            folded.Slice(t.Start, t.Length).CopyTo(key[length..]);
            length += t.Length;
            ends[words++] = length;
        }

        for (int w = words; w >= 2; w--)
        {
            if (lexicon.PhraseLookup.TryGetValue(key[..ends[w - 1]], out entry))
            {
                consumed = w;
                return true;
            }
        }

        entry = default;
        consumed = 1;
        return false;
    }

    /// <summary>Per-token sentiment: caps emphasis, boosters and negation in the 3-word window, contrast weighting.</summary>
    private static void ApplyRules(Span<Token> tokens, bool capsDifferential)
    {
        int contrast = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            ref Token token = ref tokens[i];
            if (contrast < 0 && (token.Flags & TermFlags.Contrast) != 0)
            {
                contrast = i;
            }

            token.Sentiment = 0;
            if ((token.Flags & TermFlags.HasValence) == 0 || (token.Flags & TermFlags.Booster) != 0)
            {
                continue;
            }

            // A negator that is also a lexicon word ("no") counts only when it does not negate a sentiment word.
            if ((token.Flags & TermFlags.Negation) != 0 && i + 1 < tokens.Length && (tokens[i + 1].Flags & TermFlags.HasValence) != 0)
            {
                continue;
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

            if (negated)
            {
                token.Sentiment = v * SentimentRules.NegationScalar;
            }
            else if ((token.Flags & TermFlags.NegatedOnly) == 0)
            {
                token.Sentiment = v;
            }
        }

        if (contrast >= 0)
        {
            for (int i = 0; i < tokens.Length; i++)
            {
                tokens[i].Sentiment *= i < contrast ? SentimentRules.BeforeContrast : i > contrast ? SentimentRules.AfterContrast : 1;
            }
        }
    }

    private static SentimentScore Finish(Span<Token> tokens, in TextSignals signals, SentimentOptions options)
    {
        ApplyRules(tokens, signals.CapsDifferential);
        double sum = 0;
        double positive = 0;
        double negative = 0;
        double neutral = 0;
        foreach (ref readonly Token token in tokens)
        {
            double s = token.Sentiment;
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
            ? new SentimentScore(compound, positive / total, neutral / total, -negative / total, options.Classify(compound))
            : new SentimentScore(compound, 0, 0, 0, options.Classify(compound));
    }

    [Flags]
    private enum TokenKind : byte
    {
        Word = 1,
        Symbol = 2,
        AllCaps = 4,
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
        public double Valence;
        public double Boost;
        public double Sentiment;
    }
}
