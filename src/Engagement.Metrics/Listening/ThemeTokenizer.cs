using System.Runtime.CompilerServices;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Listening;

/// <summary>
/// Splits a message into folded word tokens for theme counting, without allocating: the tokens are written, folded
/// and separated by single spaces, into a scratch buffer, so an n-gram's text is one contiguous slice of it.
/// </summary>
/// <remarks>
/// Rules (documented on docs/metrics/listening.md): characters are folded (lower case, accents removed, ñ kept); a
/// token is a run of letters and digits, with an apostrophe or hyphen kept between two word characters ("don't",
/// "wi-fi"); URLs (<c>http://</c>, <c>https://</c>, <c>www.</c> up to the next white space) and handles (<c>@name</c>)
/// are removed; <c>#</c> is dropped so a hashtag counts as its word; any other punctuation or symbol is a
/// <em>break</em> that n-grams do not cross, as are removed URLs, handles and all-digit tokens (order numbers, times).
/// Stop words and tokens shorter than the minimum length stay in the stream as stop tokens: an n-gram may contain
/// them inside ("caida del servicio") but never start or end with one.
/// </remarks>
internal sealed class ThemeTokenizer
{
    private static readonly TermTable EnglishStopWords = Build(StopWords.English, null);
    private static readonly TermTable SpanishStopWords = Build(StopWords.Spanish, null);
    private static readonly TermTable AllStopWords = Build(StopWords.English, StopWords.Spanish);

    private readonly TermTable _stopWords;
    private readonly int _minimumLength;
    private char[] _text = new char[512];
    private int[] _start = new int[128];
    private int[] _length = new int[128];
    private ulong[] _hash = new ulong[128];
    private byte[] _flags = new byte[128];
    private ulong[] _termHash = new ulong[384];
    private int[] _termStart = new int[384];
    private int[] _termLength = new int[384];
    private int[] _termWords = new int[384];

    public const byte Stop = 1;
    public const byte BreakBefore = 2;

    public ThemeTokenizer(SentimentLanguage language, int minimumLength)
    {
        _stopWords = language switch
        {
            SentimentLanguage.English => EnglishStopWords,
            SentimentLanguage.Spanish => SpanishStopWords,
            _ => AllStopWords,
        };
        _minimumLength = minimumLength;
    }

    public int TokenCount { get; private set; }

    public static bool IsStopWord(ReadOnlySpan<char> folded, SentimentLanguage language)
    {
        TermTable table = language switch
        {
            SentimentLanguage.English => EnglishStopWords,
            SentimentLanguage.Spanish => SpanishStopWords,
            _ => AllStopWords,
        };
        return table.Find(TermHash.Of(folded)) >= 0;
    }

    public void Tokenize(ReadOnlySpan<char> source)
    {
        if (_text.Length < source.Length * 2 + 2)
        {
            _text = new char[source.Length * 2 + 2];
        }

        char[] text = _text;
        int written = 0;
        int tokens = 0;
        bool pendingBreak = false;
        int i = 0;
        int n = source.Length;
        while (i < n)
        {
            char c = Classify(source[i], out bool isWord);
            if (isWord)
            {
                int start = written;
                ulong hash = TermHash.Start;
                while (true)
                {
                    text[written++] = c;
                    hash = TermHash.Step(hash, c);
                    i++;

                    // Most words are plain ASCII: one table load per character until the first other character.
                    while (i < n && source[i] < 128 && AsciiWord[source[i]] is var folded and not 0)
                    {
                        text[written++] = (char)folded;
                        hash = TermHash.Step(hash, (char)folded);
                        i++;
                    }

                    if (i >= n)
                    {
                        break;
                    }

                    c = Classify(source[i], out isWord);
                    if (isWord)
                    {
                        continue;
                    }

                    if ((c == '\'' || c == '-') && i + 1 < n && IsWordChar(TextFolding.Fold(source[i + 1])))
                    {
                        continue;
                    }

                    break;
                }

                int length = written - start;
                if (IsAllDigits(text.AsSpan(start, length)))
                {
                    written = start;
                    pendingBreak = true;
                    continue;
                }

                if (tokens == _start.Length)
                {
                    GrowTokens();
                }

                bool stop = length < _minimumLength || _stopWords.Find(hash) >= 0;
                _start[tokens] = start;
                _length[tokens] = length;
                _hash[tokens] = hash;
                _flags[tokens] = (byte)((stop ? Stop : 0) | (pendingBreak ? BreakBefore : 0));
                tokens++;
                text[written++] = ' ';
                pendingBreak = false;
                continue;
            }

            if (c is ' ' or '\t' or '\r' or '\n' or '#' || char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '@' && i + 1 < n && IsWordChar(TextFolding.Fold(source[i + 1])))
            {
                i++;
                while (i < n && (IsWordChar(TextFolding.Fold(source[i])) || source[i] is '_' or '.'))
                {
                    i++;
                }

                pendingBreak = true;
                continue;
            }

            if (c is ':' or '.' && tokens > 0 && StartsUrl(source, i, text.AsSpan(_start[tokens - 1], _length[tokens - 1])))
            {
                // Reached from a scheme or "www" token already written: undo that token and skip the URL.
                tokens--;
                written = _start[tokens];
                while (i < n && !char.IsWhiteSpace(source[i]))
                {
                    i++;
                }

                pendingBreak = true;
                continue;
            }

            pendingBreak = true;
            i++;
        }

        TokenCount = tokens;
    }

    // Whether the ':' or '.' at `at`, after the token `previous`, continues "http://", "https://" or "www.".
    private static bool StartsUrl(ReadOnlySpan<char> s, int at, ReadOnlySpan<char> previous) =>
        s[at] == ':'
            ? at + 2 < s.Length && s[at + 1] == '/' && s[at + 2] == '/' && (previous.SequenceEqual("http") || previous.SequenceEqual("https"))
            : previous.SequenceEqual("www");

    /// <summary>
    /// Calls the sink for every term of the last tokenized message: each non-stop token, and each 2- to
    /// <paramref name="maxWords"/>-word n-gram that starts and ends with a non-stop token and crosses no break.
    /// </summary>
    /// <remarks>
    /// The terms are listed first and handed to <see cref="ITermSink.Prepare"/> before the first
    /// <see cref="ITermSink.Add"/>, so a sink whose table is larger than the cache can start every lookup of the
    /// message at once instead of waiting for each miss in turn.
    /// </remarks>
    public void ForEachTerm<TSink>(int maxWords, ref TSink sink)
        where TSink : struct, ITermSink
    {
        int terms = CollectTerms(maxWords);
        sink.Prepare(_termHash.AsSpan(0, terms));
        ReadOnlySpan<char> buffer = _text;
        for (int k = 0; k < terms; k++)
        {
            sink.Add(buffer.Slice(_termStart[k], _termLength[k]), _termHash[k], _termWords[k]);
        }
    }

    private int CollectTerms(int maxWords)
    {
        int tokens = TokenCount;
        int[] starts = _start;
        int[] lengths = _length;
        ulong[] hashes = _hash;
        byte[] flags = _flags;
        if (_termHash.Length < tokens * maxWords)
        {
            int size = tokens * maxWords;
            _termHash = new ulong[size];
            _termStart = new int[size];
            _termLength = new int[size];
            _termWords = new int[size];
        }

        int terms = 0;
        for (int i = 0; i < tokens; i++)
        {
            if ((flags[i] & Stop) != 0)
            {
                continue;
            }

            int start = starts[i];
            ulong hash = hashes[i];
            AddTerm(ref terms, start, lengths[i], hash, 1);
            int last = Math.Min(tokens, i + maxWords);
            for (int j = i + 1; j < last; j++)
            {
                if ((flags[j] & BreakBefore) != 0)
                {
                    break;
                }

                hash = TermHash.Combine(hash, hashes[j]);
                if ((flags[j] & Stop) == 0)
                {
                    AddTerm(ref terms, start, starts[j] + lengths[j] - start, hash, j - i + 1);
                }
            }
        }

        return terms;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddTerm(ref int terms, int start, int length, ulong hash, int words)
    {
        _termStart[terms] = start;
        _termLength[terms] = length;
        _termHash[terms] = hash;
        _termWords[terms] = words;
        terms++;
    }

    /// <summary>Folds a character and says whether it is a word character; ASCII costs one table load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Classify(char raw, out bool isWord)
    {
        if (raw < 128)
        {
            char folded = (char)AsciiWord[raw];
            isWord = folded != 0;
            return isWord ? folded : raw;
        }

        char c = TextFolding.Fold(raw);
        isWord = char.IsLetterOrDigit(c);
        return c;
    }

    // ASCII letters and digits folded to lower case; 0 for every other ASCII character.
    private static ReadOnlySpan<byte> AsciiWord =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
    ];

    // Order numbers and times break n-grams; a word rarely starts with a digit, so this usually reads one character.
    private static bool IsAllDigits(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if ((uint)(c - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }

    // Called on folded characters only, so ASCII upper case never reaches it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) =>
        c < 128 ? (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    private void GrowTokens()
    {
        int size = _start.Length * 2;
        Array.Resize(ref _start, size);
        Array.Resize(ref _length, size);
        Array.Resize(ref _hash, size);
        Array.Resize(ref _flags, size);
    }

    private static TermTable Build(string[] first, string[]? second)
    {
        var table = new TermTable(first.Length + (second?.Length ?? 0));
        foreach (string word in first)
        {
            table.GetOrAdd(word, TermHash.Of(word), 1);
        }

        foreach (string word in second ?? [])
        {
            table.GetOrAdd(word, TermHash.Of(word), 1);
        }

        return table;
    }
}

/// <summary>Receives the terms of a message from <see cref="ThemeTokenizer.ForEachTerm"/>.</summary>
internal interface ITermSink
{
    /// <summary>Sees the hashes of every term of the message before the first <see cref="Add"/>.</summary>
    void Prepare(ReadOnlySpan<ulong> hashes);

    /// <summary>One occurrence of a folded term with its <see cref="TermHash"/> and word count.</summary>
    void Add(ReadOnlySpan<char> term, ulong hash, int words);
}
