using System.Globalization;
using System.Text;

namespace Engagement.Metrics.Sentiment;

/// <summary>Emoticons and emoji, shared by both languages: folded symbol text → valence.</summary>
internal sealed class SymbolTable
{
    private readonly UInt128 _firstChars;
    private readonly UInt128 _lastChars;

    public SymbolTable(Dictionary<string, double> symbols)
    {
        Lookup = new SpanTable<double>(symbols);
        foreach (string key in symbols.Keys)
        {
            Mark(ref _firstChars, key[0]);
            Mark(ref _lastChars, key[^1]);
        }
    }

    public static SymbolTable Empty { get; } = new([]);

    public SpanTable<double> Lookup { get; }

    public int LongestKey => Lookup.LongestKey;

    /// <summary>False when no key starts with <paramref name="c"/> (a cheap filter before a lookup; non-ASCII always passes).</summary>
    public bool MayStart(char c) => c >= 128 || (_firstChars & (UInt128.One << c)) != UInt128.Zero;

    /// <summary>False when no key ends with <paramref name="c"/> (non-ASCII always passes).</summary>
    public bool MayEnd(char c) => c >= 128 || (_lastChars & (UInt128.One << c)) != UInt128.Zero;

    private static void Mark(ref UInt128 set, char c)
    {
        if (c < 128)
        {
            set |= UInt128.One << c;
        }
    }
}

/// <summary>
/// The process-wide lexicons, built once on first use from the embedded resources (lazy, thread-safe).
/// </summary>
/// <remarks>
/// English: <c>vader_lexicon.txt</c> (Hutto &amp; Gilbert 2014, MIT) then <c>customer-service-en.tsv</c> (ours).
/// Spanish: <c>es-opener.tsv</c> (OpeNER, Apache-2.0, derived) then <c>es-vader-derived.tsv</c> (VADER, translated)
/// then <c>customer-service-es.tsv</c> (ours); later sources override earlier ones. Emoticons come from the VADER
/// lexicon (entries with a character other than a letter, digit or apostrophe); each emoji gets the valence our
/// English rules give its CLDR name in <c>emoji_utf8_lexicon.txt</c> (as VADER does by substituting the name),
/// then <c>emoji-ours.tsv</c> overrides a few. Rule words (negators, boosters, contrast) come from
/// <see cref="SentimentRules"/>.
/// </remarks>
internal static class SentimentLexicons
{
    private static readonly Lazy<SentimentLexicon> EnglishLexicon = new(BuildEnglish, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SentimentLexicon> SpanishLexicon = new(BuildSpanish, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SymbolTable> SymbolsTable = new(BuildSymbols, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SpanTable<sbyte>> Hints = new(BuildHints, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SentimentLexicon English => EnglishLexicon.Value;

    public static SentimentLexicon Spanish => SpanishLexicon.Value;

    public static SymbolTable Symbols => SymbolsTable.Value;

    /// <summary>Folded function word → +1 (English) or −1 (Spanish).</summary>
    public static SpanTable<sbyte> LanguageHints => Hints.Value;

    private static SentimentLexicon BuildEnglish()
    {
        var builder = new SentimentLexicon.Builder(spanish: false);
        foreach ((string term, string valence, int line) in Rows("vader_lexicon.txt"))
        {
            if (!IsSymbol(term))
            {
                builder.SetValence(term, SentimentLexicon.ParseValence(valence, "vader_lexicon.txt", line));
            }
        }

        AddValences(builder, "customer-service-en.tsv");
        AddRules(builder, SentimentRules.EnglishNegators, SentimentRules.EnglishBoosters, SentimentRules.EnglishDampeners, SentimentRules.EnglishContrast);
        return builder.Build();
    }

    private static SentimentLexicon BuildSpanish()
    {
        var builder = new SentimentLexicon.Builder(spanish: true);
        AddValences(builder, "es-opener.tsv");
        AddValences(builder, "es-vader-derived.tsv");
        AddValences(builder, "customer-service-es.tsv");
        AddRules(builder, SentimentRules.SpanishNegators, SentimentRules.SpanishBoosters, SentimentRules.SpanishDampeners, SentimentRules.SpanishContrast);
        return builder.Build();
    }

    private static SymbolTable BuildSymbols()
    {
        var symbols = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string term, string valence, int line) in Rows("vader_lexicon.txt"))
        {
            if (IsSymbol(term) && !term.Contains(' ', StringComparison.Ordinal))
            {
                symbols[TextFolding.Fold(term)] = SentimentLexicon.ParseValence(valence, "vader_lexicon.txt", line);
            }
        }

        SentimentLexicon english = English;
        foreach ((string emoji, string name, _) in Rows("emoji_utf8_lexicon.txt"))
        {
            string key = emoji.Replace("\uFE0F", string.Empty, StringComparison.Ordinal);
            if (IsSingleCodePoint(key))
            {
                double valence = LexiconEngine.RawSum(name, english, SymbolTable.Empty);
                if (valence != 0)
                {
                    symbols[key] = Math.Clamp(valence, -4, 4);
                }
            }
        }

        foreach ((string emoji, string valence, int line) in Rows("emoji-ours.tsv"))
        {
            symbols[emoji.Replace("\uFE0F", string.Empty, StringComparison.Ordinal)] = SentimentLexicon.ParseValence(valence, "emoji-ours.tsv", line);
        }

        return new SymbolTable(symbols);
    }

    private static SpanTable<sbyte> BuildHints()
    {
        var hints = new Dictionary<string, sbyte>(StringComparer.Ordinal);
        foreach (string w in SentimentRules.EnglishHints)
        {
            hints.TryAdd(TextFolding.Fold(w), 1);
        }

        foreach (string w in SentimentRules.SpanishHints)
        {
            hints.TryAdd(TextFolding.Fold(w), -1);
        }

        return new SpanTable<sbyte>(hints);
    }

    private static void AddValences(SentimentLexicon.Builder builder, string resource)
    {
        foreach ((string term, string valence, int line, string? note) in RowsWithNote(resource))
        {
            builder.SetValence(term, SentimentLexicon.ParseValence(valence, resource, line), note == "negated-only");
        }
    }

    private static void AddRules(SentimentLexicon.Builder builder, string[] negators, string[] boosters, string[] dampeners, string[] contrast)
    {
        foreach (string w in negators)
        {
            builder.SetRule(w, TermFlags.Negation);
        }

        foreach (string w in boosters)
        {
            builder.SetRule(w, TermFlags.Booster, SentimentRules.BoosterIncrement);
        }

        foreach (string w in dampeners)
        {
            builder.SetRule(w, TermFlags.Booster, -SentimentRules.BoosterIncrement);
        }

        foreach (string w in contrast)
        {
            builder.SetRule(w, TermFlags.Contrast);
        }
    }

    /// <summary>An emoticon: has a character that is not a letter, digit or apostrophe (":)", "&lt;3", ":-(").</summary>
    private static bool IsSymbol(string term)
    {
        foreach (char c in term)
        {
            if (!char.IsLetterOrDigit(c) && c != '\'' && c != ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSingleCodePoint(string s) =>
        s.Length == 1 || (s.Length == 2 && char.IsSurrogatePair(s[0], s[1]));

    /// <summary>The first two tab-separated fields of each non-comment line of an embedded resource.</summary>
    private static IEnumerable<(string Term, string Value, int Line)> Rows(string resource)
    {
        foreach ((string term, string value, int line, _) in RowsWithNote(resource))
        {
            yield return (term, value, line);
        }
    }

    /// <summary>The first three tab-separated fields (the third optional) of each non-comment line.</summary>
    private static IEnumerable<(string Term, string Value, int Line, string? Note)> RowsWithNote(string resource)
    {
        using Stream stream = typeof(SentimentLexicons).Assembly.GetManifestResourceStream("Engagement.Metrics.Sentiment.Lexicons." + resource)
            ?? throw new InvalidOperationException($"The embedded lexicon {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Embedded lexicon {resource} line {number} has no tab-separated value."));
            }

            int end = line.IndexOf('\t', tab + 1);
            yield return end < 0
                ? (line[..tab], line[(tab + 1)..], number, null)
                : (line[..tab], line[(tab + 1)..end], number, line[(end + 1)..].Split('\t')[0]);
        }
    }
}
