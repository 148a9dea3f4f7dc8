using Engagement.Metrics.Triage;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Triage;

public class MessageClassifierTests
{
    // Worked examples of docs/metrics/triage.md, by hand from the default weights.
    [Fact]
    public void Question_with_request_phrases_is_interactive()
    {
        MessageClassification c = MessageClassifier.Classify("Can you check my order? It never arrived");

        // 0.3 prior + 1.5 question + 2 request phrases ("can you", "never") × 0.8 = 3.4
        Assert.Equal(MessageClass.Interactive, c.Class);
        Assert.Equal(3.4, c.InteractiveScore, 12);
        Assert.Equal(0, c.InformationalScore);
        Assert.Equal(0, c.AutomatedScore);
        Assert.Equal(TriageFeatures.Question | TriageFeatures.RequestPhrase, c.Features);

        // softmax share: 1 / (1 + 2 e^-3.4) = 1 / 1.066747 = 0.93743
        Assert.Equal(0.93743, c.Confidence, 5);
        Assert.True(c.NeedsReply);
    }

    [Fact]
    public void Promotion_with_link_and_exclamations_is_automated()
    {
        MessageClassification c = MessageClassifier.Classify("WIN a FREE prize!!! Click here http://x.example");

        // 1 link (1.0) + density 1/7 ≥ 0.1 (0.5) + 4 promotional phrases × 0.6 (2.4) + three '!' (0.8) = 4.7
        Assert.Equal(MessageClass.Automated, c.Class);
        Assert.Equal(4.7, c.AutomatedScore, 12);
        Assert.Equal(1, c.LinkCount);
        Assert.Equal(
            TriageFeatures.Links | TriageFeatures.LinkDensity | TriageFeatures.PromotionalPhrase | TriageFeatures.ExcessiveExclamation,
            c.Features);
        Assert.Contains("links x1", c.DescribeReasons(), StringComparison.Ordinal);
        Assert.Contains("excessive-exclamation", c.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Spanish_thanks_is_informational_and_accents_do_not_matter()
    {
        MessageClassification c = MessageClassifier.Classify("Gracias, RECIBIDO");

        // "gracias" + "recibido" = 2 × 0.8, short (2 words) + 0.5 = 2.1
        Assert.Equal(MessageClass.Informational, c.Class);
        Assert.Equal(2.1, c.InformationalScore, 12);
        Assert.Equal(MessageClass.Automated, MessageClassifier.Classify("RESPUESTA AUTOMÁTICA: estoy fuera").Class);
        Assert.Equal(MessageClass.Automated, MessageClassifier.Classify("respuesta automatica: estoy fuera").Class);
    }

    [Fact]
    public void Customer_unsubscribing_is_a_request_but_an_unsubscribe_footer_is_automated()
    {
        Assert.Equal(MessageClass.Interactive, MessageClassifier.Classify("Quiero darme de baja").Class);
        Assert.Equal(MessageClass.Automated, MessageClassifier.Classify("Ofertas de la semana. Para darse de baja responda BAJA").Class);
    }

    [Fact]
    public void All_caps_burst_and_long_digits_fire_but_do_not_outweigh_a_complaint()
    {
        MessageClassification c = MessageClassifier.Classify("WHY HAVE YOU CHARGED ME TWICE for order 12345678");
        Assert.True((c.Features & TriageFeatures.AllCapsBurst) != 0);
        Assert.True((c.Features & TriageFeatures.LongDigitString) != 0);
        Assert.Equal(MessageClass.Interactive, c.Class);
    }

    [Fact]
    public void Repetition_counts_the_same_normalised_text_in_a_batch()
    {
        string?[] texts = ["Your code is 123456", "YOUR CODE IS 654321!", "your code is 111111", "hello, where is my parcel?"];
        var result = new MessageClassification[texts.Length];
        MessageClassifier.ClassifyBatch(texts, result);
        Assert.Equal(3, result[0].Repetitions);
        Assert.True((result[1].Features & TriageFeatures.Repeated) != 0);
        Assert.Equal(MessageClass.Automated, result[2].Class);
        Assert.Equal(1, result[3].Repetitions);
        Assert.Equal(MessageClass.Interactive, result[3].Class);
    }

    [Fact]
    public void Empty_text_is_a_short_informational_message()
    {
        MessageClassification c = MessageClassifier.Classify(string.Empty);
        Assert.Equal(MessageClass.Informational, c.Class);
        Assert.Equal(TriageFeatures.ShortMessage, c.Features);
    }

    [Fact]
    public void Long_text_takes_the_pooled_buffer_and_gives_the_same_answer()
    {
        string text = string.Concat(Enumerable.Repeat("Please call me back, the router is broken. ", 40));
        Assert.True(text.Length > 512);
        MessageClassification c = MessageClassifier.Classify(text);
        Assert.Equal(MessageClass.Interactive, c.Class);
        Assert.Equal(MessageClassifier.Classify(text.AsSpan(0, 43)).Features & TriageFeatures.RequestPhrase, c.Features & TriageFeatures.RequestPhrase);
    }

    [Fact]
    public void Bad_input_names_the_field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MessageClassifier.Classify("hi", -1));
        Assert.Equal("repetitions", e.ParamName);
        var bad = new MessageClassifierOptions { QuestionWeight = double.NaN, PromotionalPhrases = ["Gratis Ya"] };
        var o = Assert.Throws<ArgumentException>(() => MessageClassifier.Classify("hi", bad));
        Assert.Contains("QuestionWeight is NaN", o.Message, StringComparison.Ordinal);
        Assert.Contains("'Gratis Ya' is not folded", o.Message, StringComparison.Ordinal);
        Assert.Contains("'gratis ya'", o.Message, StringComparison.Ordinal);
        var d = Assert.Throws<ArgumentException>(() => MessageClassifier.ClassifyBatch(["a", "b"], new MessageClassification[1]));
        Assert.Equal("destination", d.ParamName);
    }

    [Fact]
    public void Options_default_is_valid_and_compares_by_content()
    {
        Assert.Same(MessageClassifierOptions.Default, MessageClassifierOptions.Default.Validate());
        var copy = MessageClassifierOptions.Default with { RequestPhrases = [.. MessageClassifierOptions.Default.RequestPhrases] };
        Assert.Equal(MessageClassifierOptions.Default, copy);
        Assert.NotEqual(MessageClassifierOptions.Default, copy with { AutomatedThreshold = 2 });
    }

    [Property]
    public bool Classification_does_not_depend_on_message_order(string[] raw, int seed)
    {
        string?[] texts = raw ?? [];
        var forward = new MessageClassification[texts.Length];
        MessageClassifier.ClassifyBatch(texts, forward);
        int[] order = Enumerable.Range(0, texts.Length).OrderBy(i => HashCode.Combine(i, seed)).ToArray();
        string?[] shuffled = order.Select(i => texts[i]).ToArray();
        var back = new MessageClassification[texts.Length];
        MessageClassifier.ClassifyBatch(shuffled, back);
        return order.Select((from, to) => forward[from] == back[to]).All(x => x);
    }

    [Property]
    public bool Scores_are_finite_and_confidence_is_a_share(string text)
    {
        MessageClassification c = MessageClassifier.Classify(text ?? string.Empty);
        return Enum.IsDefined(c.Class) && c.Confidence > 0 && c.Confidence <= 1
            && double.IsFinite(c.InteractiveScore) && double.IsFinite(c.AutomatedScore);
    }

    [Property]
    public bool Fingerprint_merge_of_split_equals_whole(string[] raw, int cut)
    {
        string[] texts = raw ?? [];
        int at = texts.Length == 0 ? 0 : Math.Abs(cut % (texts.Length + 1));
        var left = new TextFingerprintAccumulator();
        var right = new TextFingerprintAccumulator();
        var whole = new TextFingerprintAccumulator();
        left.AddRange(texts.AsSpan(0, at));
        right.AddRange(texts.AsSpan(at));
        whole.AddRange(texts);
        left.Merge(right);
        return left.Count == whole.Count && left.DistinctCount == whole.DistinctCount
            && whole.Counts.All(kv => left.CountOfFingerprint(kv.Key) == kv.Value);
    }

    [Fact]
    public void Fingerprint_normalises_case_accents_digits_and_punctuation()
    {
        Assert.Equal(TextFingerprint.Of("Código: 1234!"), TextFingerprint.Of("  codigo 9876 "));
        Assert.NotEqual(TextFingerprint.Of("codigo"), TextFingerprint.Of("codigos"));
        var acc = new TextFingerprintAccumulator();
        acc.Add("a b");
        acc.Merge(acc);
        Assert.Equal(2, acc.CountOf("A, B"));
        Assert.Equal("2 messages, 1 distinct texts", acc.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextFingerprintAccumulator(new Dictionary<ulong, long> { [1] = 0 }));
    }

    [Property]
    public bool Character_mask_filter_never_hides_a_phrase(int[] picks, string noise)
    {
        // Build text from real phrases plus noise; the mask-filtered count must equal the unfiltered search.
        var phrases = new CompiledPhrases([.. MessageClassifierOptions.Default.RequestPhrases, .. MessageClassifierOptions.Default.PromotionalPhrases]);
        string text = string.Join(" ", (picks ?? []).Select(i => phrases.Phrases[Math.Abs(i % phrases.Phrases.Length)].TrimEnd('*'))) + " " + (noise ?? string.Empty);
        string folded = Engagement.Metrics.Sentiment.TextFolding.Fold(text);
        int filtered = PhraseMatcher.CountDistinct(folded, PhraseMatcher.MaskOf(folded), phrases, out _);
        int all = PhraseMatcher.CountDistinct(folded, ulong.MaxValue, phrases, out _);
        return filtered == all;
    }
}
