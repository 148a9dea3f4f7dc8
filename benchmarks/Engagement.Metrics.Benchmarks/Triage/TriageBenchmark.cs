using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Triage;

namespace Engagement.Metrics.Benchmarks.Triage;

/// <summary>
/// Classification of 10⁵ synthetic inbound messages (English and Spanish templates with random order numbers, links and
/// names; fixed seed): the span rule model (folding on the stack, ordinal phrase search) against the naive version
/// people write first — lower-case and strip accents into new strings, then one case-insensitive Regex per rule built
/// from the same phrase lists.
/// </summary>
[MemoryDiagnoser]
public class TriageBenchmark
{
    private const int Messages = 100_000;

    private static readonly string[] Templates =
    [
        "Hi, my order #{0} still hasn't arrived, can you check where it is?",
        "Thanks {1}, that worked!",
        "Automatic reply: I am out of the office until Monday with limited access to email.",
        "Get 50% OFF all products this weekend only! Shop now at www.deals{0}.example. Reply STOP to unsubscribe",
        "I want to cancel my subscription, this is the third time I write",
        "Hola, ¿me podéis decir cuándo llega mi pedido {0}?",
        "Gracias {1}, recibido",
        "Respuesta automática: estoy fuera de la oficina hasta el lunes.",
        "¡¡¡FELICIDADES!!! Has ganado un premio GRATIS. Haz clic aquí http://bit.ly/{0}",
        "Quiero darme de baja, llevo dos semanas sin servicio",
        "The router you sent doesn't work. I want a replacement, order {0}",
        "ok",
    ];

    private static readonly string[] Names = ["Ana", "Tom", "Lucía", "Mark", "Sara", "José"];

    private string[] _texts = [];
    private (Regex Rule, double Weight, int Class)[] _rules = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        _texts = new string[Messages];
        for (int i = 0; i < Messages; i++)
        {
            string template = Templates[random.Next(Templates.Length)];
            _texts[i] = string.Format(CultureInfo.InvariantCulture, template, random.Next(10_000, 99_999_999), Names[random.Next(Names.Length)]);
        }

        MessageClassifierOptions o = MessageClassifierOptions.Default;
        _rules =
        [
            (Phrases(o.RequestPhrases), o.RequestPhraseWeight, 0),
            (new Regex(@"[?¿]"), o.QuestionWeight, 0),
            (Phrases(o.AcknowledgementPhrases), o.AcknowledgementPhraseWeight, 1),
            (new Regex(@"https?://|www\."), o.LinkWeight, 2),
            (Phrases(o.AutoReplyPhrases), o.AutoReplyWeight, 2),
            (Phrases(o.UnsubscribePhrases), o.UnsubscribeWeight, 2),
            (Phrases(o.PromotionalPhrases), o.PromotionalPhraseWeight, 2),
            (new Regex(@"!.*!.*!"), o.ExclamationWeight, 2),
            (new Regex(@"\d{6,}"), o.LongDigitStringWeight, 2),
        ];
    }

    /// <summary>Naive: new lower-case and accent-free strings per message, then one Regex per rule (counts matches per phrase list).</summary>
    /// <returns>The number of messages classed automated.</returns>
    [Benchmark(Baseline = true)]
    public int RegexPerRule()
    {
        int automated = 0;
        foreach (string text in _texts)
        {
            string folded = StripAccents(text.ToLowerInvariant());
            Span<double> scores = [0.3, 0, 0];
            foreach ((Regex rule, double weight, int @class) in _rules)
            {
                int matches = rule.Count(folded);
                scores[@class] += weight * Math.Min(matches, 3);
            }

            automated += scores[2] >= 1.5 && scores[2] >= scores[0] && scores[2] >= scores[1] ? 1 : 0;
        }

        return automated;
    }

    /// <summary>The library: <see cref="MessageClassifier.Classify(ReadOnlySpan{char}, MessageClassifierOptions?)"/> per message.</summary>
    /// <returns>The number of messages classed automated.</returns>
    [Benchmark]
    public int RuleModel()
    {
        int automated = 0;
        foreach (string text in _texts)
        {
            automated += MessageClassifier.Classify(text).Class == MessageClass.Automated ? 1 : 0;
        }

        return automated;
    }

    /// <summary>The library's batch path, which also counts fingerprints for the repetition feature.</summary>
    /// <returns>The number of messages classed automated.</returns>
    [Benchmark]
    public int RuleModelBatchWithRepetition()
    {
        var results = new MessageClassification[_texts.Length];
        MessageClassifier.ClassifyBatch(_texts, results);
        int automated = 0;
        foreach (MessageClassification c in results)
        {
            automated += c.Class == MessageClass.Automated ? 1 : 0;
        }

        return automated;
    }

    private static Regex Phrases(IReadOnlyList<string> phrases) =>
        new(@"\b(?:" + string.Join("|", phrases.Select(p => p.EndsWith('*') ? Regex.Escape(p[..^1]) : Regex.Escape(p) + @"\b")) + ")", RegexOptions.CultureInvariant);

    private static string StripAccents(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
