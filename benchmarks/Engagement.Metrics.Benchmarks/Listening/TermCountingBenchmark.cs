using System.Text;
using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Listening;

namespace Engagement.Metrics.Benchmarks.Listening;

/// <summary>
/// Theme counting (1–3 word n-grams with English and Spanish stop words) over synthetic short mentions of 10–25 words,
/// half English, half Spanish, words drawn with a skewed (Zipf-like) frequency from a customer-service vocabulary
/// (fixed seed). The span path (<see cref="TermCountAccumulator"/>) against the naive counter people write first
/// (lower-case, <c>string.Split</c>, trim punctuation, a <c>HashSet</c> of stop words, <c>string.Join</c> per n-gram
/// into a <c>Dictionary&lt;string, int&gt;</c>). Target (issue #12): ≥ 10⁶ short messages/s single-threaded for
/// n-gram counting with the span path.
/// </summary>
[MemoryDiagnoser]
public class TermCountingBenchmark
{
    private static readonly string[] English =
    [
        "the", "my", "i", "to", "and", "a", "is", "for", "it", "you", "your", "this", "with", "on", "not", "still",
        "refund", "order", "delivery", "app", "account", "payment", "card", "login", "password", "support", "agent",
        "waiting", "again", "today", "days", "week", "charged", "twice", "cancel", "subscription", "outage", "down",
        "service", "website", "error", "update", "slow", "late", "package", "tracking", "number", "email", "reply",
        "great", "terrible", "thanks", "help", "need", "please", "why", "can't", "working", "broken", "fixed",
    ];

    private static readonly string[] Spanish =
    [
        "el", "la", "mi", "de", "que", "y", "a", "en", "no", "por", "con", "para", "es", "me", "lo", "otra",
        "reembolso", "pedido", "entrega", "app", "cuenta", "pago", "tarjeta", "contraseña", "soporte", "agente",
        "esperando", "vez", "hoy", "días", "semana", "cobro", "doble", "cancelar", "suscripción", "caída", "servicio",
        "web", "error", "actualización", "lento", "tarde", "paquete", "seguimiento", "número", "correo", "respuesta",
        "genial", "pésimo", "gracias", "ayuda", "necesito", "favor", "funciona", "roto", "arreglado", "factura", "atención",
    ];

    private static readonly HashSet<string> NaiveStopWords = new(
        ["the", "my", "i", "to", "and", "a", "is", "for", "it", "you", "your", "this", "with", "on", "please", "thanks",
         "el", "la", "mi", "de", "que", "y", "en", "por", "con", "para", "es", "me", "lo", "otra", "vez", "favor", "gracias"],
        StringComparer.Ordinal);

    private static readonly char[] Punctuation = ['.', ',', '!', '?', '¡', '¿', ':', ';'];

    private string[] _texts = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        _texts = new string[Messages];
        var sb = new StringBuilder();
        for (int m = 0; m < Messages; m++)
        {
            string[] words = m % 2 == 0 ? English : Spanish;
            sb.Clear();
            int n = random.Next(10, 26);
            for (int w = 0; w < n; w++)
            {
                if (w > 0)
                {
                    sb.Append(' ');
                }

                double u = random.NextDouble();
                string word = words[(int)(u * u * words.Length)];
                sb.Append(random.Next(20) == 0 ? word.ToUpperInvariant() : word);
                if (random.Next(10) == 0)
                {
                    sb.Append(Punctuation[random.Next(Punctuation.Length)]);
                }
            }

            _texts[m] = sb.ToString();
        }
    }

    /// <summary>Lower-case, split on spaces, trim punctuation, string.Join per n-gram, Dictionary&lt;string, int&gt;.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveSplitDictionary()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string text in _texts)
        {
            string[] tokens = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < tokens.Length; i++)
            {
                tokens[i] = tokens[i].Trim(Punctuation);
            }

            for (int i = 0; i < tokens.Length; i++)
            {
                if (tokens[i].Length == 0 || NaiveStopWords.Contains(tokens[i]))
                {
                    continue;
                }

                for (int n = 1; n <= 3 && i + n <= tokens.Length; n++)
                {
                    string last = tokens[i + n - 1];
                    if (last.Length == 0 || NaiveStopWords.Contains(last))
                    {
                        continue;
                    }

                    string term = n == 1 ? tokens[i] : string.Join(' ', tokens, i, n);
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }
            }
        }

        return counts.Count;
    }

    /// <summary>The span path, n-grams of 1–3 words (the default options).</summary>
    [Benchmark]
    public int SpanNgrams()
    {
        var acc = new TermCountAccumulator();
        foreach (string text in _texts)
        {
            acc.Add(text);
        }

        return acc.DistinctTerms;
    }

    /// <summary>The span path, single words only.</summary>
    [Benchmark]
    public int SpanUnigrams()
    {
        var acc = new TermCountAccumulator(new ThemeOptions { MaxWords = 1 });
        foreach (string text in _texts)
        {
            acc.Add(text);
        }

        return acc.DistinctTerms;
    }

    /// <summary>Bounded memory: 1–3 word n-grams into a Space-Saving sketch of 1 024 counters.</summary>
    [Benchmark]
    public long SpaceSavingNgrams()
    {
        var sketch = new SpaceSavingSketch(1024);
        foreach (string text in _texts)
        {
            sketch.AddTerms(text);
        }

        return sketch.UnmonitoredBound;
    }
}
