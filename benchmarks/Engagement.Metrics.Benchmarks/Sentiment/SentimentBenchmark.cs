using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Benchmarks.Sentiment;

/// <summary>
/// Sentiment scoring of 10⁵ synthetic customer messages of 10–40 words (fixed seed): the span-based lexicon
/// scorer against the naive scorer people write first (lower-case, <c>string.Split</c>, <c>Dictionary</c> lookups,
/// a string per token). Target (issue #6): ≥ 10⁶ English messages/s single-threaded and 0 B allocated per message
/// on the span path.
/// </summary>
[MemoryDiagnoser]
public class SentimentBenchmark
{
    private const int Messages = 100_000;

    private static readonly string[] EnglishWords =
    [
        "the", "my", "order", "was", "is", "and", "to", "a", "for", "it", "I", "you", "your", "this", "with", "on",
        "refund", "delivery", "agent", "account", "today", "again", "please", "thanks", "still", "waiting", "not",
        "very", "really", "but", "good", "great", "terrible", "bad", "happy", "helpful", "slow", "never", "arrived",
        "problem", "fixed", "so", "much", "love", "awful", "disappointed", "excellent", "quick", "service", "don't",
    ];

    private static readonly string[] SpanishWords =
    [
        "el", "mi", "pedido", "fue", "es", "y", "a", "para", "lo", "yo", "tu", "su", "este", "con", "en", "que",
        "reembolso", "entrega", "agente", "cuenta", "hoy", "otra", "vez", "gracias", "sigo", "esperando", "no",
        "muy", "pero", "bueno", "genial", "pésimo", "malo", "contento", "útil", "lento", "nunca", "llegó",
        "problema", "arreglado", "tan", "mucho", "encanta", "horrible", "decepcionado", "excelente", "rápido", "servicio",
    ];

    private static readonly string[] Tails = ["", "", "", ".", "!", "?", " :)", " 😡", "!!", " 👍"];

    private string[] _texts = [];
    private Dictionary<string, double> _naiveLexicon = [];
    private LexiconSentimentScorer _scorer = null!;
    private LexiconSentimentScorer _auto = null!;

    [Params("en", "es")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        string[] words = Language == "en" ? EnglishWords : SpanishWords;
        _texts = new string[Messages];
        var sb = new StringBuilder();
        for (int m = 0; m < Messages; m++)
        {
            sb.Clear();
            int n = random.Next(10, 41);
            for (int w = 0; w < n; w++)
            {
                if (w > 0)
                {
                    sb.Append(' ');
                }

                string word = words[random.Next(words.Length)];
                sb.Append(random.Next(25) == 0 ? word.ToUpperInvariant() : word);
                if (random.Next(12) == 0)
                {
                    sb.Append(',');
                }
            }

            sb.Append(Tails[random.Next(Tails.Length)]);
            _texts[m] = sb.ToString();
        }

        _scorer = new LexiconSentimentScorer(new SentimentOptions { Language = Language == "en" ? SentimentLanguage.English : SentimentLanguage.Spanish });
        _auto = new LexiconSentimentScorer();
        _naiveLexicon = LoadNaiveLexicon();
    }

    /// <summary>Lower-case, split on spaces, trim punctuation, one Dictionary lookup per token, negation of the next word.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public double NaiveSplitDictionary()
    {
        double total = 0;
        foreach (string text in _texts)
        {
            double sum = 0;
            bool negate = false;
            foreach (string raw in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string token = raw.Trim('.', ',', '!', '?');
                if (token is "not" or "no" or "never" or "don't" or "nunca")
                {
                    negate = true;
                    continue;
                }

                if (_naiveLexicon.TryGetValue(token, out double valence))
                {
                    sum += negate ? -0.74 * valence : valence;
                }

                negate = false;
            }

            total += sum / Math.Sqrt((sum * sum) + 15);
        }

        return total;
    }

    /// <summary>The span path with the language fixed by the options.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public double LexiconSpan()
    {
        double total = 0;
        foreach (string text in _texts)
        {
            total += _scorer.Score(text).Compound;
        }

        return total;
    }

    /// <summary>The span path with the language detected per message (an extra pass of function-word lookups).</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public double LexiconSpanAutoLanguage()
    {
        double total = 0;
        foreach (string text in _texts)
        {
            total += _auto.Score(text).Compound;
        }

        return total;
    }

    private static Dictionary<string, double> LoadNaiveLexicon()
    {
        var lexicon = new Dictionary<string, double>(StringComparer.Ordinal);
        using Stream stream = typeof(LexiconSentimentScorer).Assembly.GetManifestResourceStream("Engagement.Metrics.Sentiment.Lexicons.vader_lexicon.txt")!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            string[] parts = line.Split('\t');
            lexicon[parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return lexicon;
    }
}
