using System.Text;
using Engagement.Metrics.Sentiment;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Sentiment;

/// <summary>
/// The optimised scorer (vector packing, bit-mask chunking, two-slot lookups, branch-free rules) against the plain
/// <see cref="ReferenceLexiconEngine"/>: same compound, proportions and label on the labelled sets, on random texts
/// built from lexicon words, rule words, emoticons, emoji and odd characters, and on every UTF-16 code unit in context.
/// </summary>
public class LexiconEngineDifferentialTests
{
    private const double Tolerance = 1e-12;

    private static readonly (SentimentLanguage Language, LexiconSentimentScorer Scorer)[] Scorers =
    [
        (SentimentLanguage.English, new LexiconSentimentScorer(new SentimentOptions { Language = SentimentLanguage.English })),
        (SentimentLanguage.Spanish, new LexiconSentimentScorer(new SentimentOptions { Language = SentimentLanguage.Spanish })),
        (SentimentLanguage.Auto, new LexiconSentimentScorer()),
    ];

    private static readonly string[] Pieces =
    [
        "good", "GOOD", "Good", "great", "bad", "terrible", "not", "no", "never", "very", "really", "so", "but", "however",
        "still", "waiting", "cancel", "my", "subscription", "thank", "you", "much", "kind", "of", "sort", "a", "bit",
        "little", "the", "is", "sin", "embargo", "obstante", "pero", "muy", "bueno", "buenísimo", "rapidísima",
        "problemita", "nunca", "llegó", "Sigo", "esperando", "gracias", "muchas", "darme", "de", "baja", "me", "han",
        "respondido", "didn't", "don't", "isn't", "can't", "n't", "won’t", "''", "'hello'", "it's", "I'm", "arrived",
        "love", "hate", ":)", ":(", ":-)", "<3", ":D", "XD", ":'(", ";)", ":P", "(:", ":))", "😡", "👍", "😊", "❤️",
        "👍🏽", "🙂", "😀😀", "☹", "✨", "©", "é", "ñ", "ÁÉÍ", "Ü", "ß", "İ", "ǅ", "Σ", "中文", "\u0301", "x\u0301", "123",
        "4ever", "ok", "LOL", "WTF", "so-so", "refund", "!!", "?", "??", "????", "¡", "¿", "...", ",", ".", "!", "-",
        "#", "@user", "http://x.y", "\uD83D", "\uDE00", "\u00A0", "\u2003", "\u2019", "\u02BC", "don\u2019t", "O'Neil",
        "can''t", "xx'", "abcdefghijklmnop", "abcdefghijklmnopq", "extraordinarily", "VERY", "SO",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "  ", "\t", "\n", "", ",", ", ", ". ", "! ", "\u00A0", "\r\n"];

    [Fact]
    public void Labelled_sets_score_exactly_as_the_reference()
    {
        foreach (string file in new[] { "en", "es" })
        {
            foreach ((_, string text) in SentimentAccuracyTests.Load(file))
            {
                AssertSame(text);
            }
        }
    }

    [Fact]
    public void Random_texts_score_exactly_as_the_reference()
    {
        var random = new Random(20261124);
        var sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            sb.Clear();
            int words = random.Next(0, 45);
            for (int w = 0; w < words; w++)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]).Append(Separators[random.Next(Separators.Length)]);
            }

            if (random.Next(4) == 0)
            {
                sb.Insert(random.Next(sb.Length + 1), (char)random.Next(0, 0x10000));
            }

            AssertSame(sb.ToString());
        }
    }

    [Fact]
    public void Every_code_unit_is_classified_as_the_reference_does()
    {
        // Each UTF-16 code unit between words, inside a word, after a word and in a 64-character block boundary.
        string filler = new('a', 61);
        for (int c = 0; c < 0x10000; c++)
        {
            char ch = (char)c;
            AssertSame($"good{ch}not bad", SentimentLanguage.English);
            AssertSame($"{filler} x{ch}great :){ch}", SentimentLanguage.English);
        }
    }

    [Property]
    public bool Arbitrary_strings_score_as_the_reference(string? text)
    {
        foreach ((SentimentLanguage language, LexiconSentimentScorer scorer) in Scorers)
        {
            if (!Same(scorer.Score(text), ReferenceLexiconEngine.Score(text, language, SentimentOptions.Default)))
            {
                return false;
            }
        }

        return text is null || LexiconSentimentScorer.DetectLanguage(text) == ReferenceLexiconEngine.DetectLanguage(text);
    }

    private static void AssertSame(string text, SentimentLanguage? only = null)
    {
        foreach ((SentimentLanguage language, LexiconSentimentScorer scorer) in Scorers)
        {
            if (only is { } l && l != language)
            {
                continue;
            }

            SentimentScore expected = ReferenceLexiconEngine.Score(text, language, SentimentOptions.Default);
            SentimentScore actual = scorer.Score(text);
            Assert.True(Same(actual, expected), $"{language} '{text}': expected {expected}, got {actual}");
        }
    }

    private static bool Same(SentimentScore a, SentimentScore b) =>
        Math.Abs(a.Compound - b.Compound) <= Tolerance
        && Math.Abs(a.Positive - b.Positive) <= Tolerance
        && Math.Abs(a.Neutral - b.Neutral) <= Tolerance
        && Math.Abs(a.Negative - b.Negative) <= Tolerance
        && a.Label == b.Label;
}
