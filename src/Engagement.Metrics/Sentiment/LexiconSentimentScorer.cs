namespace Engagement.Metrics.Sentiment;

/// <summary>
/// The default <see cref="ISentimentScorer"/>: a rule-and-lexicon scorer for English and Spanish in the manner of
/// VADER (Hutto &amp; Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media
/// Text", ICWSM 2014), written from the paper's description.
/// </summary>
/// <remarks>
/// <para>
/// Each word, phrase, emoticon and emoji found in the lexicon contributes its valence (−4..+4), adjusted by the
/// rules: ALL-CAPS emphasis (+0.733 when the message is not entirely in capitals), boosters and dampeners in the
/// three preceding words (±0.293, scaled 1 / 0.95 / 0.9 by distance), negation in the three preceding words
/// (× −0.74, once), contrast (sentiment before the first "but" / "however" / "pero" / "sin embargo" / "no obstante"
/// × 0.5, after it × 1.5), and for Spanish the -ísimo superlative (as a booster) and diminutives (as a dampener).
/// The sum x gets the emphasis of exclamation marks (0.292 each, at most 4) and repeated question marks (0.18 each
/// for 2–3, 0.96 for 4+) in its own direction, and compound = x / √(x² + α), α = 15.
/// The full list of rules, lexicons and deviations from VADER is in docs/metrics/sentiment.md.
/// </para>
/// <para>
/// Lexicons are embedded resources loaded once per process on first use. <see cref="Score(ReadOnlySpan{char})"/>
/// allocates nothing after the first call on a thread (per-thread scratch buffers, read-only hash tables looked
/// up by span with the hash the tokenizer computes while reading each word). Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class LexiconSentimentScorer : ISentimentScorer
{
    private readonly SentimentLexicon? _lexicon;
    private readonly SymbolTable _symbols;

    /// <summary>Creates a scorer with <see cref="SentimentOptions.Default"/> (language detected per message).</summary>
    public LexiconSentimentScorer()
        : this(SentimentOptions.Default)
    {
    }

    /// <summary>Creates a scorer with the given options.</summary>
    /// <param name="options">The language, thresholds and normalisation constant.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public LexiconSentimentScorer(SentimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        _symbols = SentimentLexicons.Symbols;
        _lexicon = options.Language switch
        {
            SentimentLanguage.English => SentimentLexicons.English,
            SentimentLanguage.Spanish => SentimentLexicons.Spanish,
            _ => null,
        };
        if (_lexicon is null)
        {
            _ = SentimentLexicons.English;
            _ = SentimentLexicons.Spanish;
        }
    }

    /// <summary>The options this scorer was created with.</summary>
    public SentimentOptions Options { get; }

    /// <summary>Scores one message. Allocation-free.</summary>
    /// <param name="text">The message; empty or white-space-only text is neutral with compound 0.</param>
    /// <returns>The score.</returns>
    public SentimentScore Score(ReadOnlySpan<char> text) => LexiconEngine.Score(text, _lexicon, _symbols, Options);

    /// <summary>Scores many messages into a caller-provided buffer. Allocation-free.</summary>
    /// <param name="texts">The messages; a <see langword="null"/> element scores as empty text.</param>
    /// <param name="destination">Receives one score per message, in order.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="texts"/>.</exception>
    public void ScoreBatch(ReadOnlySpan<string?> texts, Span<SentimentScore> destination)
    {
        SentimentScoring.RequireDestination(texts.Length, destination.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            destination[i] = LexiconEngine.Score(texts[i], _lexicon, _symbols, Options);
        }
    }

    /// <summary>
    /// The language <see cref="SentimentLanguage.Auto"/> picks for a message: Spanish when the Spanish function
    /// words, plus one for any Spanish-only letter (ñ, á, é, í, ó, ú) and one for any ¿ or ¡, outnumber the English
    /// function words; otherwise (ties, no evidence) English.
    /// </summary>
    /// <param name="text">The message.</param>
    /// <returns><see cref="SentimentLanguage.English"/> or <see cref="SentimentLanguage.Spanish"/>.</returns>
    public static SentimentLanguage DetectLanguage(ReadOnlySpan<char> text) => LexiconEngine.DetectLanguage(text);
}
