using Engagement.Metrics.Listening;
using Engagement.Metrics.Sentiment;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Listening;

public class ThemeCountingTests
{
    private static Dictionary<string, long> Counts(TermCountAccumulator acc) =>
        acc.Terms.ToDictionary(t => t.Term, t => t.Count, StringComparer.Ordinal);

    [Fact]
    public void Tokenizer_FoldsAccents_KeepsEnye_DropsUrlsHandlesDigitsAndStopWords()
    {
        var acc = new TermCountAccumulator();
        acc.Add("¡La CAÍDA del servicio! https://t.co/xYz @AcmeAyuda #reembolso pedido 12345 del año");
        Dictionary<string, long> counts = Counts(acc);

        Assert.Equal(1, counts["caida"]);
        Assert.Equal(1, counts["servicio"]);
        Assert.Equal(1, counts["caida del servicio"]);
        Assert.Equal(1, counts["reembolso"]);
        Assert.Equal(1, counts["reembolso pedido"]);
        Assert.Equal(1, counts["año"]);
        Assert.DoesNotContain("del", counts.Keys);            // stop word alone
        Assert.DoesNotContain("caida del", counts.Keys);      // ends with a stop word
        Assert.DoesNotContain("servicio reembolso", counts.Keys); // crosses "!", a URL and a handle
        Assert.DoesNotContain("pedido año", counts.Keys);     // crosses the removed number
        Assert.DoesNotContain("acmeayuda", counts.Keys);
        Assert.DoesNotContain("https", counts.Keys);
        Assert.DoesNotContain("xyz", counts.Keys);
        Assert.DoesNotContain("12345", counts.Keys);
    }

    [Fact]
    public void Tokenizer_KeepsApostrophesAndHyphensInsideWords_AndCountsRepeatsOncePerMessage()
    {
        var acc = new TermCountAccumulator(new ThemeOptions { Language = SentimentLanguage.English });
        acc.Add("Still NO refund. Wi-Fi down, can't log in; refund please www.acme.com/help");
        TermCount refund = acc.Get("REFUND");

        Assert.Equal(2, refund.Count);
        Assert.Equal(1, refund.Mentions);
        Assert.Equal(1, acc.Get("wi-fi").Count);
        Assert.Equal(1, acc.Get("can't log").Count);
        Assert.Equal(1, acc.Get("no refund").Count); // negations are not stop words
        Assert.Equal(0, acc.Get("acme").Count);
        Assert.Equal(0, acc.Get("www").Count);
    }

    [Fact]
    public void MaxWords_LimitsNgrams_AndTotalsCountOccurrencesPerOrder()
    {
        var acc = new TermCountAccumulator(new ThemeOptions { MaxWords = 1 });
        acc.Add("refund refund delayed");
        Assert.Equal(3, acc.TotalOccurrences(1));
        Assert.Equal(0, acc.TotalOccurrences(2));
        Assert.All(acc.Terms, t => Assert.Equal(1, t.Words));
    }

    [Fact]
    public void SentimentPerTheme_IsTheMeanOverMessagesContainingTheTerm()
    {
        var acc = new TermCountAccumulator();
        acc.Add("refund refund never arrived", -0.8);
        acc.Add("refund arrived quickly", 0.4);
        acc.Add("refund status");

        TermCount refund = acc.Get("refund");
        Assert.Equal(4, refund.Count);
        Assert.Equal(3, refund.Mentions);
        Assert.Equal(2, refund.SentimentMentions);
        Assert.Equal(-0.2, refund.MeanSentiment!.Value, 12);
        Assert.Null(acc.Get("status").MeanSentiment);
    }

    [Fact]
    public void Mentions_ScoredThroughTheSentimentScorer()
    {
        var scorer = new LexiconSentimentScorer();
        var acc = new TermCountAccumulator();
        var m = new Mention { MentionId = "m1", Author = "@ana", Channel = "twitter", Text = "Terrible service, still no refund" };
        acc.Add(m, scorer);
        Assert.Equal(scorer.Score(m.Text).Compound, acc.Get("refund").MeanSentiment!.Value, 12);
        Assert.True(acc.Get("refund").MeanSentiment < 0);
    }

    [Fact]
    public void Top_RanksByCountThenMessagesThenTerm_AndFiltersByWords()
    {
        var acc = new TermCountAccumulator();
        acc.Add("app crash");
        acc.Add("app crash again");
        acc.Add("login");
        IReadOnlyList<TermCount> top = acc.Top(3, 1);
        Assert.Equal(["app", "crash", "login"], top.Select(t => t.Term));
        Assert.Equal("app crash", acc.Top(1, 2)[0].Term);
        Assert.Empty(new TermCountAccumulator().Top(5));
    }

    [Fact]
    public void EmptyAndBlankInput_CountMessagesButNoTerms()
    {
        var acc = new TermCountAccumulator();
        acc.Add(string.Empty);
        acc.Add("   !!! 123 the of");
        Assert.Equal(2, acc.Count);
        Assert.Equal(0, acc.DistinctTerms);
        Assert.Equal(0, acc.Get("anything").Count);
    }

    [Fact]
    public void BadInput_IsRejected_AndABadBatchChangesNothing()
    {
        var acc = new TermCountAccumulator();
        acc.Add("refund");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add("refund", double.NaN));
        Assert.Equal("sentiment", ex.ParamName);

        Mention[] batch =
        [
            new() { MentionId = "m1", Author = "a", Channel = "x", Text = "refund" },
            new() { MentionId = "m2", Author = "b", Channel = "x", Text = "refund", Reach = -5 },
        ];
        var bad = Assert.Throws<ArgumentException>(() => acc.AddRange(batch));
        Assert.Equal("Reach", bad.ParamName);
        Assert.Contains("mentions[1]", bad.Message, StringComparison.Ordinal);
        Assert.Contains("'m2'", bad.Message, StringComparison.Ordinal);
        Assert.Contains("-5", bad.Message, StringComparison.Ordinal);
        Assert.Equal(1, acc.Count);
        Assert.Equal(1, acc.Get("refund").Count);

        Assert.Throws<ArgumentException>(() => new ThemeOptions { MaxWords = 4 }.Validate());
        Assert.Throws<ArgumentException>(() => new TermCountAccumulator().Merge(new TermCountAccumulator(new ThemeOptions { MaxWords = 2 })));
    }

    [Property]
    public bool MergeOfSplit_EqualsWhole(int[] raw, int cut)
    {
        string[] messages = RandomMessages(raw);
        int at = messages.Length == 0 ? 0 : Math.Abs(cut % (messages.Length + 1));
        var whole = new TermCountAccumulator();
        var left = new TermCountAccumulator();
        var right = new TermCountAccumulator();
        for (int i = 0; i < messages.Length; i++)
        {
            whole.Add(messages[i], (i % 5 - 2) / 2.0);
            (i < at ? left : right).Add(messages[i], (i % 5 - 2) / 2.0);
        }

        right.Merge(left);
        return SameCounts(whole, right) && whole.Count == right.Count
            && Enumerable.Range(1, 3).All(n => whole.TotalOccurrences(n) == right.TotalOccurrences(n));
    }

    [Property]
    public bool PermutationInvariant(int[] raw, int seed)
    {
        string[] messages = RandomMessages(raw);
        string[] shuffled = [.. messages];
        new Random(seed).Shuffle(shuffled);
        var a = new TermCountAccumulator();
        var b = new TermCountAccumulator();
        foreach (string m in messages)
        {
            a.Add(m);
        }

        foreach (string m in shuffled)
        {
            b.Add(m);
        }

        return SameCounts(a, b);
    }

    [Property]
    public bool CountsMatchANaiveReimplementation(int[] raw)
    {
        // Reference: split on spaces (the generated messages have no punctuation), fold, drop stop words at the ends.
        string[] messages = RandomMessages(raw);
        var acc = new TermCountAccumulator();
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string m in messages)
        {
            acc.Add(m);
            string[] words = m.ToLowerInvariant().Replace('ó', 'o').Replace('í', 'i').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < words.Length; i++)
            {
                for (int n = 1; n <= 3 && i + n <= words.Length; n++)
                {
                    if (!IsStop(words[i]) && !IsStop(words[i + n - 1]))
                    {
                        string term = string.Join(' ', words, i, n);
                        expected[term] = expected.GetValueOrDefault(term) + 1;
                    }
                }
            }
        }

        Dictionary<string, long> actual = Counts(acc);
        return actual.Count == expected.Count && expected.All(p => actual.TryGetValue(p.Key, out long v) && v == p.Value);

        static bool IsStop(string w) => w is "the" or "my" or "de" or "la" or "is" or "el";
    }

    private static bool SameCounts(TermCountAccumulator a, TermCountAccumulator b)
    {
        var x = a.Terms.OrderBy(t => t.Term, StringComparer.Ordinal).ToArray();
        var y = b.Terms.OrderBy(t => t.Term, StringComparer.Ordinal).ToArray();
        return x.Length == y.Length && x.Zip(y).All(p =>
            p.First.Term == p.Second.Term && p.First.Count == p.Second.Count && p.First.Mentions == p.Second.Mentions
            && p.First.SentimentMentions == p.Second.SentimentMentions && Math.Abs(p.First.SentimentSum - p.Second.SentimentSum) < 1e-9);
    }

    internal static string[] RandomMessages(int[] raw)
    {
        string[] vocabulary = ["refund", "the", "app", "my", "Caída", "de", "la", "is", "slow", "order", "el", "servicio", "LOGIN", "late", "facturación"];
        var messages = new string[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            uint v = (uint)raw[i];
            int words = 1 + (int)(v % 7);
            var parts = new string[words];
            for (int w = 0; w < words; w++)
            {
                parts[w] = vocabulary[(int)((v >> (w * 4)) % (uint)vocabulary.Length)];
            }

            messages[i] = string.Join(' ', parts);
        }

        return messages;
    }
}
