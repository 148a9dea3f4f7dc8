using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>Characters readable past the text in the folded buffer, for 64-character masks and 16-lane word packing.</summary>
    private const int Padding = 64;

    private static readonly SearchValues<char> SpanishLetters = SearchValues.Create("ñÑáéíóúÁÉÍÓÚ");
    private static readonly SearchValues<char> InvertedMarks = SearchValues.Create("¡¿");
    private static readonly SearchValues<char> AsciiChars = SearchValues.Create(AsciiRange());
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
        Span<char> padded = Rent(ref scratch.Folded, text.Length + Padding);
        Span<char> folded = padded[..text.Length];
        Span<Token> tokens = Rent(ref scratch.Tokens, text.Length + 1);
        Span<ulong> masks = Rent(ref scratch.Masks, MaskLength(text.Length));
        Fold(text, folded);

        int n;
        TextSignals signals;
        if (lexicon is null)
        {
            n = Tokenize(text, padded, masks, tokens, symbols, null, out signals);
            lexicon = DetectLanguage(text, folded, tokens[..n]) == SentimentLanguage.Spanish ? SentimentLexicons.Spanish : SentimentLexicons.English;
            LookUpAll(padded, tokens[..n], lexicon);
        }
        else
        {
            n = Tokenize(text, padded, masks, tokens, symbols, lexicon, out signals);
        }

        n = ResolvePhrases(folded, tokens[..n], lexicon, out int contrast);
        return Finish(tokens[..n], Rent(ref scratch.Candidates, n), contrast, signals, options);
    }

    /// <summary>
    /// Folds like <see cref="TextFolding.Fold(ReadOnlySpan{char}, Span{char})"/>: runs of ASCII (all of a typical
    /// English message, most of a Spanish one) are lower-cased with the vectorised ASCII routine, the characters
    /// between them one by one.
    /// </summary>
    private static void Fold(ReadOnlySpan<char> text, Span<char> folded)
    {
        int done = 0;
        while (done < text.Length)
        {
            int next = text[done..].IndexOfAnyExcept(AsciiChars);
            int run = next < 0 ? text.Length - done : next;
            _ = Ascii.ToLower(text.Slice(done, run), folded.Slice(done, run), out _);
            done += run;
            while (done < text.Length && text[done] >= 128)
            {
                folded[done] = TextFolding.Fold(text[done]);
                done++;
            }
        }
    }

    /// <summary>The raw (un-normalised, unpunctuated) valence sum: the emoji derivation uses it on CLDR names.</summary>
    public static double RawSum(string text, SentimentLexicon lexicon, SymbolTable symbols)
    {
        var padded = new char[text.Length + Padding];
        var tokens = new Token[text.Length + 1];
        TextFolding.Fold(text, padded);
        int n = Tokenize(text, padded, new ulong[MaskLength(text.Length)], tokens, symbols, lexicon, out TextSignals signals);
        n = ResolvePhrases(padded.AsSpan(0, text.Length), tokens.AsSpan(0, n), lexicon, out int contrast);
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
        Span<char> padded = Rent(ref scratch.Folded, text.Length + Padding);
        Span<Token> tokens = Rent(ref scratch.Tokens, text.Length + 1);
        Span<ulong> masks = Rent(ref scratch.Masks, MaskLength(text.Length));
        TextFolding.Fold(text, padded);
        int n = Tokenize(text, padded, masks, tokens, SymbolTable.Empty, null, out _);
        return DetectLanguage(text, padded[..text.Length], tokens[..n]);
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

    private static string AsciiRange() => string.Create(128, 0, static (chars, _) =>
    {
        for (int c = 0; c < chars.Length; c++)
        {
            chars[c] = (char)c;
        }
    });

    /// <summary>The number of mask words <see cref="Tokenize"/> needs: two per 64 characters.</summary>
    private static int MaskLength(int length) => 2 * ((length + 63) >> 6);

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
    /// Exclamation and question marks are counted over the whole text (vectorised). Each word is packed and hashed
    /// once (<see cref="WordKey"/>) and, when <paramref name="lexicon"/> is given, looked up at once.
    /// <paramref name="padded"/> is the folded text followed by <see cref="Padding"/> readable characters;
    /// <paramref name="masks"/> has room for <see cref="MaskLength"/> of the text's length.
    /// </summary>
    /// <remarks>
    /// White space and "other" characters (neither word nor space) are first classified 64 at a time into bit
    /// masks (<see cref="BuildMasks"/>), so chunk boundaries are found with bit scans rather than a branch per
    /// character. A chunk without "other" characters — most chunks — is exactly one word (less leading and
    /// trailing apostrophes); only chunks with punctuation, emoticons or emoji take the character-by-character path.
    /// </remarks>
    private static int Tokenize(ReadOnlySpan<char> text, ReadOnlySpan<char> padded, Span<ulong> masks, Span<Token> tokens, SymbolTable symbols, SentimentLexicon? lexicon, out TextSignals signals)
    {
        ReadOnlySpan<char> folded = padded[..text.Length];
        signals = default;
        signals.Exclamations = text.Count('!');
        signals.Questions = text.Count('?');
        int blocks = (folded.Length + 63) >> 6;
        Span<ulong> spaces = masks[..blocks];
        Span<ulong> others = masks.Slice(blocks, blocks);
        BuildMasks(padded, folded.Length, spaces, others);
        int n = 0;
        int position = 0;
        while (true)
        {
            int chunkStart = NextClear(spaces, position);
            if (chunkStart >= folded.Length)
            {
                break;
            }

            int chunkEnd = Math.Min(NextSet(spaces, chunkStart), folded.Length);
            position = chunkEnd;

            // A plain chunk (all word characters) is one word without its outer apostrophes; so is the word part of
            // a chunk that only ends in punctuation ("great," "thanks!"), which may still be an emoticon ("xd!").
            int other = NextSet(others, chunkStart);
            bool plain = other >= chunkEnd;
            if (!plain && (other == chunkStart || NextClear(others, other) < chunkEnd || !BelowSymbols(folded[other..chunkEnd])))
            {
                n = ScanChunk(text, padded, chunkStart, chunkEnd, tokens, symbols, lexicon, n);
                continue;
            }

            int wordEnd = Math.Min(other, chunkEnd);
            int before = n;
            int w = chunkStart;
            while (folded[w] == '\'')
            {
                if (++w == wordEnd)
                {
                    break;
                }
            }

            if (w < wordEnd)
            {
                int end = wordEnd;
                while (folded[end - 1] == '\'')
                {
                    end--;
                }

                AddWord(text, padded, tokens, ref n, w, end, lexicon);
            }

            if (!plain && TryEmoticon(folded[chunkStart..chunkEnd], symbols, out double emoticon, out int emoticonLength))
            {
                n = before;
                tokens[n++] = new Token(chunkStart, emoticonLength, TokenKind.Symbol) { Valence = emoticon, Flags = TermFlags.HasValence };
            }
        }

        // Words and ALL-CAPS words that survived (emoticon chunks drop theirs).
        int words = 0;
        int caps = 0;
        foreach (ref readonly Token token in tokens[..n])
        {
            words += (int)(token.Kind & TokenKind.Word);
            caps += (int)(token.Kind & TokenKind.AllCaps) >> 2;
        }

        signals.CapsDifferential = caps > 0 && caps < words;
        return n;
    }

    /// <summary>
    /// A chunk with punctuation, symbols or emoticons, character by character: words, emoji (one code point each),
    /// and at the end the whole chunk as an emoticon, which replaces whatever the chunk produced.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ScanChunk(ReadOnlySpan<char> text, ReadOnlySpan<char> padded, int chunkStart, int chunkEnd, Span<Token> tokens, SymbolTable symbols, SentimentLexicon? lexicon, int n)
    {
        ReadOnlySpan<char> folded = padded[..text.Length];
        int chunkTokens = 0;
        for (int k = chunkStart; k < chunkEnd; k++)
        {
            int cls = Class(folded[k]);
            if ((cls & WordStart) != 0)
            {
                int w = k;
                while (k + 1 < chunkEnd && (Class(folded[k + 1]) & Word) != 0)
                {
                    k++;
                }

                int end = k + 1;
                while (folded[end - 1] == '\'')
                {
                    end--;
                }

                AddWord(text, padded, tokens, ref n, w, end, lexicon);
                chunkTokens++;
                continue;
            }

            if ((cls & Word) != 0)
            {
                continue;
            }

            char d = folded[k];
            if (d < 0x2100)
            {
                continue;
            }

            if (char.IsHighSurrogate(d) && k + 1 < chunkEnd && char.IsLowSurrogate(folded[k + 1]))
            {
                chunkTokens += AddSymbol(folded.Slice(k, 2), k, symbols, tokens, ref n);
                k++;
            }
            else if (char.GetUnicodeCategory(d) == UnicodeCategory.OtherSymbol)
            {
                chunkTokens += AddSymbol(folded.Slice(k, 1), k, symbols, tokens, ref n);
            }
        }

        // A chunk that turns out to be a known emoticon replaces whatever words and symbols it produced.
        if (TryEmoticon(folded[chunkStart..chunkEnd], symbols, out double emoticon, out int emoticonLength))
        {
            n -= chunkTokens;
            tokens[n++] = new Token(chunkStart, emoticonLength, TokenKind.Symbol) { Valence = emoticon, Flags = TermFlags.HasValence };
        }

        return n;
    }

    /// <summary>True when no character could be an emoji (all below U+2100, where <see cref="ScanChunk"/> looks symbols up).</summary>
    /// <remarks>A loop: the tail is one to three characters, and <c>ContainsAnyInRange</c> allocated here.</remarks>
    private static bool BelowSymbols(ReadOnlySpan<char> chars)
    {
        foreach (char c in chars)
        {
            if (c >= 0x2100)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends word token [w, end), looked up when a lexicon is given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddWord(ReadOnlySpan<char> text, ReadOnlySpan<char> padded, Span<Token> tokens, ref int n, int w, int end, SentimentLexicon? lexicon)
    {
        char first = text[w];
        bool allCaps = (first < 128 ? (uint)(first - 'A') <= 'Z' - 'A' : char.IsUpper(first)) && IsAllCaps(text[w..end]);
        ref Token token = ref tokens[n++];
        token = new Token(w, end - w, allCaps ? TokenKind.Word | TokenKind.AllCaps : TokenKind.Word);
        WordAt(padded, ref token, lexicon);
    }

    /// <summary>
    /// Bit masks of the folded text, 64 characters per word: <paramref name="spaces"/> (white space; set for every
    /// position past the end) and <paramref name="others"/> (neither word character nor white space). ASCII is
    /// classified 16 characters per vector; the rare non-ASCII characters one by one with <see cref="Class"/>.
    /// </summary>
    private static void BuildMasks(ReadOnlySpan<char> padded, int length, Span<ulong> spaces, Span<ulong> others)
    {
        ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(padded));
        Vector256<ushort> blank = Vector256.Create((ushort)' ');
        Vector256<ushort> tab = Vector256.Create((ushort)'\t');
        Vector256<ushort> four = Vector256.Create((ushort)('\r' - '\t'));
        Vector256<ushort> a = Vector256.Create((ushort)'a');
        Vector256<ushort> letters = Vector256.Create((ushort)('z' - 'a'));
        Vector256<ushort> zero = Vector256.Create((ushort)'0');
        Vector256<ushort> digits = Vector256.Create((ushort)('9' - '0'));
        Vector256<ushort> apostrophe = Vector256.Create((ushort)'\'');
        Vector256<ushort> ascii = Vector256.Create((ushort)127);
        for (int b = 0; b < spaces.Length; b++)
        {
            ulong space = 0;
            ulong other = 0;
            ulong nonAscii = 0;
            for (int q = 0; q < 4; q++)
            {
                Vector256<ushort> v = Vector256.LoadUnsafe(ref chars, (nuint)((b * 64) + (q * 16)));
                Vector256<ushort> isSpace = Vector256.Equals(v, blank) | Vector256.LessThanOrEqual(v - tab, four);
                Vector256<ushort> isWord = Vector256.LessThanOrEqual(v - a, letters) | Vector256.LessThanOrEqual(v - zero, digits) | Vector256.Equals(v, apostrophe);
                Vector256<ushort> isNonAscii = Vector256.GreaterThan(v, ascii);
                space |= (ulong)isSpace.ExtractMostSignificantBits() << (q * 16);
                other |= (ulong)(~(isSpace | isWord | isNonAscii)).ExtractMostSignificantBits() << (q * 16);
                nonAscii |= (ulong)isNonAscii.ExtractMostSignificantBits() << (q * 16);
            }

            int live = length - (b * 64);
            if (live < 64)
            {
                ulong inside = (1UL << live) - 1;
                space = (space & inside) | ~inside;
                other &= inside;
                nonAscii &= inside;
            }

            while (nonAscii != 0)
            {
                int bit = BitOperations.TrailingZeroCount(nonAscii);
                nonAscii &= nonAscii - 1;
                int cls = NonAsciiClass(Unsafe.As<ushort, char>(ref Unsafe.Add(ref chars, (b * 64) + bit)));
                space |= cls == Space ? 1UL << bit : 0;
                other |= cls == 0 ? 1UL << bit : 0;
            }

            spaces[b] = space;
            others[b] = other;
        }
    }

    /// <summary>The first position at or after <paramref name="from"/> whose bit is set (blocks × 64 if none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextSet(ReadOnlySpan<ulong> mask, int from)
    {
        int b = from >> 6;
        if (b >= mask.Length)
        {
            return mask.Length << 6;
        }

        ulong bits = mask[b] & (ulong.MaxValue << from);
        while (bits == 0)
        {
            if (++b == mask.Length)
            {
                return mask.Length << 6;
            }

            bits = mask[b];
        }

        return (b << 6) + BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>The first position at or after <paramref name="from"/> whose bit is clear (blocks × 64 if none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextClear(ReadOnlySpan<ulong> mask, int from)
    {
        int b = from >> 6;
        if (b >= mask.Length)
        {
            return mask.Length << 6;
        }

        ulong bits = ~mask[b] & (ulong.MaxValue << from);
        while (bits == 0)
        {
            if (++b == mask.Length)
            {
                return mask.Length << 6;
            }

            bits = ~mask[b];
        }

        return (b << 6) + BitOperations.TrailingZeroCount(bits);
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

    /// <summary>
    /// Packs and hashes the word token's text and, with a lexicon, looks it up: words of at most 16 ASCII characters
    /// (one vector load, a branch-free two-slot probe, English "-n't" negation from the same vector) here, anything
    /// else in <see cref="WordAtSlow"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WordAt(ReadOnlySpan<char> padded, ref Token token, SentimentLexicon? lexicon)
    {
        int length = token.Length;
        Vector256<ushort> chars = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(padded), token.Start)))
            & Vector256.LessThan(Vector256<ushort>.Indices, Vector256.Create((ushort)length));
        if ((uint)(length - 1) >= WordKey.MaxPacked || (chars & Vector256.Create((ushort)0xFF80)) != Vector256<ushort>.Zero)
        {
            WordAtSlow(padded, ref token, lexicon);
            return;
        }

        Vector128<ulong> key = Vector128.Narrow(chars.GetLower(), chars.GetUpper()).AsUInt64();
        ulong lo = key.ToScalar();
        ulong hi = key.GetElement(1);
        uint hash = WordKey.Mix(lo, hi);
        token.Hash = hash;
        if (lexicon is null)
        {
            return;
        }

        SpanTable<TermEntry> words = lexicon.Words;
        int entry = words.FindPacked(lo, hi, hash);
        if (lexicon.Spanish && entry == 0)
        {
            WordAtSlow(padded, ref token, lexicon);
            return;
        }

        // "-n't": bit (length - 1) of the 't' lanes, (length - 2) of the apostrophe lanes, (length - 3) of the 'n'
        // lanes; shift counts of short words wrap to 31, past the 16 lanes, so they read 0.
        uint t = Vector256.Equals(chars, Vector256.Create((ushort)'t')).ExtractMostSignificantBits();
        uint apostrophe = Vector256.Equals(chars, Vector256.Create((ushort)'\'')).ExtractMostSignificantBits();
        uint n = Vector256.Equals(chars, Vector256.Create((ushort)'n')).ExtractMostSignificantBits();
        uint negation = (t >> (length - 1)) & (apostrophe >> (length - 2)) & (n >> (length - 3)) & 1;
        ref readonly TermEntry found = ref words.ValueAt(entry);
        token.Valence = found.Valence;
        token.Boost = found.Boost;
        token.Flags = found.Flags | (TermFlags)((byte)lexicon.SuffixNegation * negation);
    }

    /// <summary>
    /// <see cref="WordAt"/> for words that are not 1–16 ASCII characters, and Spanish misses (inflection fallbacks).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WordAtSlow(ReadOnlySpan<char> padded, ref Token token, SentimentLexicon? lexicon)
    {
        ReadOnlySpan<char> word = padded.Slice(token.Start, token.Length);
        token.Hash = WordKey.Hash(word);
        if (lexicon is null)
        {
            return;
        }

        int index = lexicon.Words.Find(word, token.Hash);
        TermEntry entry = lexicon.Words.ValueAt(index);
        if (index == 0 && lexicon.Spanish)
        {
            _ = SpanishForms.TryLookUp(word, lexicon, out entry, out sbyte adjust);
            token.SelfAdjust = adjust;
        }

        token.Valence = entry.Valence;
        token.Boost = entry.Boost;
        token.Flags = entry.Flags | NegationSuffix(word, lexicon);
    }

    /// <summary>English "-n't" words negate (VADER); nothing for Spanish.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TermFlags NegationSuffix(ReadOnlySpan<char> word, SentimentLexicon lexicon) =>
        !lexicon.Spanish && word.Length >= 3 && word[^1] == 't' && word[^2] == '\'' && word[^3] == 'n' ? TermFlags.Negation : TermFlags.None;

    /// <summary>Looks every word token up (after language detection chose the lexicon).</summary>
    private static void LookUpAll(ReadOnlySpan<char> padded, Span<Token> tokens, SentimentLexicon lexicon)
    {
        foreach (ref Token token in tokens)
        {
            if ((token.Kind & TokenKind.Word) != 0)
            {
                WordAt(padded, ref token, lexicon);
            }
        }
    }

    /// <summary>
    /// Replaces a word that starts a lexicon phrase (longest first) by the phrase and drops the tokens it consumed;
    /// finds the first contrast token. Returns the new count.
    /// </summary>
    private static int ResolvePhrases(ReadOnlySpan<char> folded, Span<Token> tokens, SentimentLexicon lexicon, out int contrast)
    {
        // Tokens are updated in place through a ref; `kept` trails `i` (and tokens move) only after a phrase
        // consumed tokens. A phrase needs a following word, and the pair filter rules most pairs out inline.
        int found = -1;
        int kept = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            int at = i;
            ref Token token = ref tokens[i];
            if ((token.Flags & TermFlags.PhraseStart) != 0
                && i + 1 < tokens.Length
                && (tokens[i + 1].Kind & TokenKind.Word) != 0
                && lexicon.MayStartPhrase(token.Hash, tokens[i + 1].Hash)
                && TryPhrase(folded, tokens, i, lexicon, out TermEntry phrase, out int consumed))
            {
                token.Valence = phrase.Valence;
                token.Boost = phrase.Boost;
                token.Flags = phrase.Flags | NegationSuffix(folded.Slice(token.Start, token.Length), lexicon);
                i += consumed - 1;
            }

            if (found < 0 && (token.Flags & TermFlags.Contrast) != 0)
            {
                found = kept;
            }

            if (kept != at)
            {
                tokens[kept] = token;
            }

            kept++;
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
    /// in the same pass. 0 for tokens that are not <see cref="IsCandidate"/>.
    /// </summary>
    private static double Sentiment(ReadOnlySpan<Token> tokens, int i, int contrast, bool capsDifferential) =>
        IsCandidate(tokens[i]) ? CandidateSentiment(tokens, i, contrast, capsDifferential) : 0;

    /// <summary>A token that can have a sentiment: it has a valence and is not a booster.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCandidate(in Token token) => (token.Flags & (TermFlags.HasValence | TermFlags.Booster)) == TermFlags.HasValence;

    /// <summary>
    /// <see cref="Sentiment"/> of a candidate token, written without data-dependent branches: a rule that does not
    /// apply adds ±0 or multiplies by 1 instead of being skipped, which gives the same bits because the running value
    /// is never −0 (a valence is non-zero, and a sum is −0 only if both terms are). Boosts are 0 on non-boosters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CandidateSentiment(ReadOnlySpan<Token> tokens, int i, int contrast, bool capsDifferential)
    {
        ref readonly Token token = ref tokens[i];

        // A negator that is also a lexicon word ("no") counts only when it does not negate a sentiment word.
        if ((token.Flags & TermFlags.Negation) != 0 && i + 1 < tokens.Length && (tokens[i + 1].Flags & TermFlags.HasValence) != 0)
        {
            return 0;
        }

        int caps = capsDifferential ? (int)TokenKind.AllCaps : 0;
        double v = token.Valence;
        double sign = (v > 0 ? 2 : 0) - 1;
        int capsWord = ((int)token.Kind & caps) >> 2;
        v += sign * SentimentRules.CapsIncrement * capsWord;
        v += sign * token.SelfAdjust * SentimentRules.BoosterIncrement;
        int negated = 0;
        ReadOnlySpan<double> scale = SentimentRules.DistanceScale;
        for (int d = 1; d <= SentimentRules.Window && i - d >= 0; d++)
        {
            ref readonly Token before = ref tokens[i - d];
            int capsBooster = ((int)before.Kind & caps & ((int)(before.Flags & TermFlags.Booster) >> 2)) >> 2;
            double boost = sign * before.Boost;
            boost += sign * SentimentRules.CapsIncrement * capsBooster;
            v += boost * scale[d - 1];
            negated |= (int)(before.Flags & TermFlags.Negation);
        }

        // × −0.74 when negated; × 0 for a negated-only word that is not negated; × 1 otherwise.
        int rule = negated + ((int)(token.Flags & TermFlags.NegatedOnly) >> 5);
        double sentiment = v * NegationFactors[rule];
        ReadOnlySpan<double> weights = contrast >= 0 ? ContrastWeights : NoContrastWeights;
        return sentiment * weights[Math.Sign(i - contrast) + 1];
    }

    private static ReadOnlySpan<double> NegationFactors => [1, 0, SentimentRules.NegationScalar, SentimentRules.NegationScalar];

    private static ReadOnlySpan<double> ContrastWeights => [SentimentRules.BeforeContrast, 1, SentimentRules.AfterContrast];

    private static ReadOnlySpan<double> NoContrastWeights => [1, 1, 1];

    /// <summary>
    /// Sums the tokens' sentiment (in token order) into the compound and the proportions. Only tokens with a valence
    /// that are not boosters can be non-zero; they are listed first without a branch (<paramref name="candidates"/>
    /// is scratch of at least the token count), the others count as neutral. Skipping their +0 terms changes no
    /// bit of the sums (none of them is ever −0).
    /// </summary>
    private static SentimentScore Finish(ReadOnlySpan<Token> tokens, Span<int> candidates, int contrast, in TextSignals signals, SentimentOptions options)
    {
        int count = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            candidates[count] = i;
            count += IsCandidate(tokens[i]) ? 1 : 0;
        }

        // positive += s + 1 when s > 0, negative += s - 1 when s < 0, else neutral += 1, as 0/1 multipliers: the
        // skipped terms become ±0, which leave both sums unchanged (positive is never −0; negative is +0 or < 0).
        double sum = 0;
        double positive = 0;
        double negative = 0;
        double neutral = tokens.Length - count;
        foreach (int i in candidates[..count])
        {
            double s = CandidateSentiment(tokens, i, contrast, signals.CapsDifferential);
            sum += s;
            int up = s > 0 ? 1 : 0;
            int down = s < 0 ? 1 : 0;
            positive += (s + 1) * up;
            negative += (s - 1) * down;
            neutral += 1 - up - down;
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
        public ulong[] Masks = new ulong[64];
        public int[] Candidates = new int[512];
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
