using Engagement.Metrics.Sentiment;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Sentiment;

public class LexiconSentimentScorerTests
{
    private const double Tolerance = 1e-9;
    private static readonly LexiconSentimentScorer English = new(new SentimentOptions { Language = SentimentLanguage.English });
    private static readonly LexiconSentimentScorer Spanish = new(new SentimentOptions { Language = SentimentLanguage.Spanish });
    private static readonly LexiconSentimentScorer Auto = new();

    // Hand-worked scores. VADER constants: booster 0.293, caps 0.733, negation x(-0.74), '!' 0.292,
    // contrast x0.5 before / x1.5 after, compound = x / sqrt(x^2 + 15). Valences from the embedded lexicons.

    [Fact]
    public void Plain_lexicon_word()
    {
        // "good" = 1.9 (VADER); "the", "service", "was" are not in the lexicon (neutral, 1 each).
        // x = 1.9; compound = 1.9 / sqrt(3.61 + 15) = 1.9 / 4.313931 = 0.440434
        // positive mass = 1.9 + 1 = 2.9, neutral mass = 3; total 5.9 -> pos 0.491525, neu 0.508475
        SentimentScore s = English.Score("The service was good.");
        Assert.Equal(1.9 / Math.Sqrt(18.61), s.Compound, Tolerance);
        Assert.Equal(0.440434, s.Compound, 6);
        Assert.Equal(2.9 / 5.9, s.Positive, Tolerance);
        Assert.Equal(3 / 5.9, s.Neutral, Tolerance);
        Assert.False(double.IsNegative(s.Negative), "no negative zero in the JSON output");
        Assert.Equal(0, s.Negative);
        Assert.Equal(SentimentLabel.Positive, s.Label);
    }

    [Fact]
    public void Negation_booster_and_exclamation()
    {
        // "very" boosts "good" at distance 1: 1.9 + 0.293 = 2.193; "not" at distance 2 negates: 2.193 * -0.74 = -1.62282.
        // One '!' adds 0.292 in the sum's direction: x = -1.91482; compound = -1.91482 / sqrt(3.666536 + 15) = -0.443196
        // negative mass = -1.62282 - 1 = -2.62282, minus the 0.292 emphasis = -2.91482; neutral 5 (the, service, was, not, very)
        SentimentScore s = English.Score("The service was not very good!");
        Assert.Equal(-1.91482 / Math.Sqrt((1.91482 * 1.91482) + 15), s.Compound, Tolerance);
        Assert.Equal(-0.443196, s.Compound, 6);
        Assert.Equal(2.91482 / 7.91482, s.Negative, Tolerance);
        Assert.Equal(5 / 7.91482, s.Neutral, Tolerance);
        Assert.Equal(SentimentLabel.Negative, s.Label);
    }

    [Fact]
    public void Contrast_moves_weight_to_the_clause_after_but()
    {
        // great 3.1 * 0.5 = 1.55; terrible -2.1 * 1.5 = -3.15; x = -1.6; compound = -1.6 / sqrt(2.56 + 15) = -0.381819
        SentimentScore s = English.Score("The food was great but the service was terrible.");
        Assert.Equal(-1.6 / Math.Sqrt(17.56), s.Compound, Tolerance);
        Assert.Equal(-0.381819, s.Compound, 6);
    }

    [Fact]
    public void All_caps_word_in_mixed_case_text_is_emphasised()
    {
        // GREAT = 3.1 + 0.733 = 3.833 (other words are not all caps); compound = 3.833 / sqrt(14.691889 + 15) = 0.703428
        Assert.Equal(3.833 / Math.Sqrt((3.833 * 3.833) + 15), English.Score("The delivery was GREAT").Compound, Tolerance);
        // All caps everywhere: no differential, no emphasis: 3.1 / sqrt(9.61 + 15)
        Assert.Equal(3.1 / Math.Sqrt(24.61), English.Score("THE DELIVERY WAS GREAT").Compound, Tolerance);
    }

    [Fact]
    public void Customer_service_phrase_and_emoji()
    {
        // "still waiting" = -1.8 (our customer-service phrase); "i'm", "for", "my", "refund" neutral.
        // compound = -1.8 / sqrt(3.24 + 15) = -0.421464
        Assert.Equal(-1.8 / Math.Sqrt(18.24), English.Score("I'm still waiting for my refund").Compound, Tolerance);

        // thanks 1.9 (VADER) + thumbs-up 1.8 (emoji-ours.tsv) = 3.7; compound = 3.7 / sqrt(13.69 + 15) = 0.690775
        Assert.Equal(3.7 / Math.Sqrt(28.69), English.Score("Thanks 👍").Compound, Tolerance);
    }

    [Fact]
    public void Spanish_negation_and_superlative()
    {
        // contento = 2.7 (from VADER "happy"); "no" negates: 2.7 * -0.74 = -1.998; compound = -1.998 / sqrt(3.992004 + 15) = -0.458469
        Assert.Equal(-1.998 / Math.Sqrt((1.998 * 1.998) + 15), Spanish.Score("No estoy contento").Compound, Tolerance);

        // rapidísima -> superlative of "rápido" (1.0, customer-service lexicon) boosted by 0.293 = 1.293;
        // compound = 1.293 / sqrt(1.671849 + 15) = 0.316670
        Assert.Equal(1.293 / Math.Sqrt((1.293 * 1.293) + 15), Spanish.Score("La atención fue rapidísima").Compound, Tolerance);
    }

    [Fact]
    public void Spanish_matching_ignores_accents_and_case()
    {
        Assert.Equal(Spanish.Score("La atención fue rapidísima"), Spanish.Score("LA ATENCION FUE RAPIDISIMA"));
        Assert.Equal(Spanish.Score("Muy rápido").Compound, Spanish.Score("muy rapido").Compound, Tolerance);
    }

    [Fact]
    public void Spanish_rules_move_the_score_the_right_way()
    {
        double plain = Spanish.Score("El servicio es bueno").Compound;
        Assert.True(Spanish.Score("El servicio es muy bueno").Compound > plain);
        Assert.True(Spanish.Score("El servicio no es bueno").Compound < 0);
        Assert.True(Spanish.Score("Es bueno, pero la entrega fue un desastre").Compound < 0);
        Assert.True(Spanish.Score("¡El servicio es bueno!").Compound > plain);
        Assert.True(Spanish.Score("Tengo un problemita").Compound > Spanish.Score("Tengo un problema").Compound);
        Assert.True(Spanish.Score("Sin problemas, todo bien").Compound > 0);
        Assert.True(Spanish.Score("Sigo esperando").Compound < -0.05);
        Assert.True(Spanish.Score("Quiero darme de baja").Compound < -0.05);
        Assert.True(Spanish.Score("No me han respondido").Compound < -0.05);
        Assert.True(Spanish.Score("Muchas gracias").Compound > 0.05);
        // "sin embargo" is a contrast marker, not the negator "sin"
        Assert.True(Spanish.Score("Fue lento, sin embargo el producto es excelente").Compound > 0.05);
    }

    [Theory]
    [InlineData("still waiting", -1)]
    [InlineData("cancel my subscription", -1)]
    [InlineData("thank you so much", 1)]
    [InlineData("The parcel never arrived", -1)]
    [InlineData("Nobody has replied", -1)]
    [InlineData("It doesn't work", -1)]
    [InlineData("not bad at all", 1)]
    [InlineData("I love it :)", 1)]
    [InlineData("Terrible 😡", -1)]
    public void English_customer_phrasing_has_the_expected_sign(string text, int sign) =>
        Assert.Equal(sign, Math.Sign(English.Score(text).Compound));

    [Fact]
    public void Arrival_verbs_count_only_under_negation()
    {
        Assert.Equal(SentimentLabel.Neutral, English.Score("The parcel arrived on Monday").Label);
        Assert.Equal(SentimentLabel.Negative, English.Score("The parcel never arrived").Label);
    }

    [Fact]
    public void Empty_and_wordless_text_is_neutral_zero()
    {
        Assert.Equal(default, English.Score(""));
        Assert.Equal(SentimentLabel.Neutral, English.Score("   ").Label);
        Assert.Equal(0, English.Score("12345 ... ???").Compound);
    }

    [Fact]
    public void Auto_detects_the_language_per_message()
    {
        Assert.Equal(SentimentLanguage.Spanish, LexiconSentimentScorer.DetectLanguage("No me han respondido todavía"));
        Assert.Equal(SentimentLanguage.English, LexiconSentimentScorer.DetectLanguage("Nobody has replied to my email"));
        Assert.Equal(SentimentLanguage.English, LexiconSentimentScorer.DetectLanguage(""));
        Assert.Equal(Spanish.Score("No estoy contento con el pedido"), Auto.Score("No estoy contento con el pedido"));
        Assert.Equal(English.Score("I am not happy with the order"), Auto.Score("I am not happy with the order"));
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var strict = new LexiconSentimentScorer(new SentimentOptions { Language = SentimentLanguage.English, PositiveThreshold = 0.5 });
        Assert.Equal(SentimentLabel.Neutral, strict.Score("The service was good.").Label);
        Assert.Equal(SentimentLabel.Positive, English.Score("The service was good.").Label);
    }

    [Fact]
    public void Batch_equals_one_by_one()
    {
        string?[] texts = ["Great service!", null, "Sigo esperando mi reembolso", "ok", ""];
        var scores = new SentimentScore[texts.Length];
        Auto.ScoreBatch(texts, scores);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Auto.Score(texts[i]), scores[i]);
        }

        Assert.Throws<ArgumentException>("destination", () => Auto.ScoreBatch(texts, new SentimentScore[2]));
    }

    [Fact]
    public void Span_path_allocates_nothing_after_warm_up()
    {
        const string text = "I'm still waiting for my refund, this is NOT acceptable!! The agent was very rude :(";
        const string spanish = "¡Sigo esperando! El servicio no es nada bueno, pero el técnico fue amabilísimo 😊";
        Auto.Score(text);
        Auto.Score(spanish);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum += Auto.Score(text).Compound + Auto.Score(spanish).Compound + English.Score(text).Compound;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sum);
    }

    [Property]
    public bool Score_is_bounded_and_proportions_sum_to_one(string? text)
    {
        SentimentScore s = Auto.Score(text);
        double total = s.Positive + s.Neutral + s.Negative;
        return s.Compound >= -1 && s.Compound <= 1
            && (total == 0 || Math.Abs(total - 1) < 1e-9)
            && s.Label == SentimentOptions.Default.Classify(s.Compound);
    }

    [Property]
    public bool Negating_a_positive_word_makes_it_negative(byte pick)
    {
        string[] words = ["good", "great", "happy", "helpful", "excellent", "nice", "perfect"];
        string word = words[pick % words.Length];
        return English.Score("it is " + word).Compound > 0 && English.Score("it is not " + word).Compound < 0;
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => new LexiconSentimentScorer(new SentimentOptions { PositiveThreshold = -0.5, NormalizationAlpha = 0, ConfidenceLevel = 1 }));
        Assert.Contains("PositiveThreshold", e.Message, StringComparison.Ordinal);
        Assert.Contains("NormalizationAlpha", e.Message, StringComparison.Ordinal);
        Assert.Contains("ConfidenceLevel", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("compound", () => new SentimentScore(1.5, 0, 1, 0, SentimentLabel.Positive));
    }
}
