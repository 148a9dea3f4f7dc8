using System.Runtime.CompilerServices;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Triage;

/// <summary>
/// Classifies inbound messages as <see cref="MessageClass.Interactive"/> (a person expecting a reply),
/// <see cref="MessageClass.Informational"/> (thanks, acknowledgements, FYI) or <see cref="MessageClass.Automated"/>
/// (spam, promotions, auto-replies, machine notifications) with a transparent, weighted rule model.
/// </summary>
/// <remarks>
/// <para>
/// One pass over the text counts question and exclamation marks, words, the longest run of all-caps words and of
/// digits; links are occurrences of <c>://</c> and of <c>www.</c>; phrase features search the case- and accent-folded
/// text for the lists in <see cref="MessageClassifierOptions"/> (English and Spanish lists are searched together, so no
/// language detection is needed). The feature weights add up to three class scores; the rule that turns scores into a
/// class is on <see cref="MessageClassifierOptions"/>. Repetition needs the other messages: pass the number of messages
/// sharing the text's <see cref="TextFingerprint"/>, or classify a batch, which counts them.
/// </para>
/// <para>Accuracy on our labelled English and Spanish set is reported in <c>docs/metrics/triage.md</c>. Short texts
/// (up to 512 characters) are folded on the stack; the classifier allocates nothing for them.</para>
/// </remarks>
public static class MessageClassifier
{
    private static readonly ConditionalWeakTable<MessageClassifierOptions, CompiledRules> Compiled = [];

    /// <summary>Classifies one message from its text alone (no repetition evidence).</summary>
    /// <param name="text">The message text; empty text is informational (a short message).</param>
    /// <param name="options">The rule model; <see cref="MessageClassifierOptions.Default"/> when null.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static MessageClassification Classify(ReadOnlySpan<char> text, MessageClassifierOptions? options = null) => Classify(text, 0, options);

    /// <summary>Classifies one message, given how many messages of the corpus share its fingerprint.</summary>
    /// <param name="text">The message text.</param>
    /// <param name="repetitions">How many messages (this one included) share the text's <see cref="TextFingerprint"/>; 0 when unknown.</param>
    /// <param name="options">The rule model; <see cref="MessageClassifierOptions.Default"/> when null.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repetitions"/> is negative.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static MessageClassification Classify(ReadOnlySpan<char> text, long repetitions, MessageClassifierOptions? options = null)
    {
        if (repetitions < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(repetitions), repetitions, "repetitions is negative; pass how many messages share the text's fingerprint (0 when unknown).");
        }

        MessageClassifierOptions o = options ?? MessageClassifierOptions.Default;
        return Run(text, repetitions, o, Rules(o));
    }

    /// <summary>
    /// Classifies many messages. Repetition is counted over <paramref name="fingerprints"/> when given (for example a
    /// day's traffic from every customer), otherwise over <paramref name="texts"/> themselves.
    /// </summary>
    /// <param name="texts">The message texts; a <see langword="null"/> element is empty text.</param>
    /// <param name="destination">Receives one classification per text, in order.</param>
    /// <param name="fingerprints">The corpus counts for the repetition feature; null to count <paramref name="texts"/>.</param>
    /// <param name="options">The rule model; <see cref="MessageClassifierOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="texts"/>, or the options are invalid.</exception>
    public static void ClassifyBatch(ReadOnlySpan<string?> texts, Span<MessageClassification> destination, TextFingerprintAccumulator? fingerprints = null, MessageClassifierOptions? options = null)
    {
        if (destination.Length < texts.Length)
        {
            ThrowHelper.DestinationTooShort(nameof(destination), texts.Length, destination.Length);
        }

        MessageClassifierOptions o = options ?? MessageClassifierOptions.Default;
        CompiledRules rules = Rules(o);
        if (fingerprints is null)
        {
            fingerprints = new TextFingerprintAccumulator();
            fingerprints.AddRange(texts);
        }

        for (int i = 0; i < texts.Length; i++)
        {
            destination[i] = Run(texts[i], fingerprints.CountOf(texts[i]), o, rules);
        }
    }

    // Validated once per options instance, and the phrase lists compiled with their character masks.
    private static CompiledRules Rules(MessageClassifierOptions options)
    {
        if (!Compiled.TryGetValue(options, out CompiledRules? rules))
        {
            options.Validate();
            rules = new CompiledRules(options);
            Compiled.AddOrUpdate(options, rules);
        }

        return rules;
    }

    private static MessageClassification Run(ReadOnlySpan<char> text, long repetitions, MessageClassifierOptions o, CompiledRules rules)
    {
        using var folded = new FoldedText(text, stackalloc char[FoldedText.StackLimit]);
        return Score(text, folded.Span, repetitions, o, rules);
    }

    private static MessageClassification Score(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, long repetitions, MessageClassifierOptions o, CompiledRules rules)
    {
        TextShape shape = TextShape.Measure(text, folded);
        ulong mask = PhraseMatcher.MaskOf(folded);
        var features = TriageFeatures.None;

        double interactive = o.InteractivePrior;
        if (shape.Question)
        {
            features |= TriageFeatures.Question;
            interactive += o.QuestionWeight;
        }

        int requests = PhraseMatcher.CountDistinct(folded, mask, rules.Request, out _);
        if (requests > 0)
        {
            features |= TriageFeatures.RequestPhrase;
            interactive += o.RequestPhraseWeight * Math.Min(requests, 3);
        }

        double informational = 0;
        int acknowledgements = PhraseMatcher.CountDistinct(folded, mask, rules.Acknowledgement, out _);
        if (acknowledgements > 0)
        {
            features |= TriageFeatures.AcknowledgementPhrase;
            informational += o.AcknowledgementPhraseWeight * Math.Min(acknowledgements, 3);
        }

        if (shape.Words <= o.ShortMessageWords && !shape.Question)
        {
            features |= TriageFeatures.ShortMessage;
            informational += o.ShortMessageWeight;
        }

        double automated = 0;
        if (shape.Links > 0)
        {
            features |= TriageFeatures.Links;
            automated += o.LinkWeight * Math.Min(shape.Links, 3);
            if (shape.Links >= o.LinkDensityThreshold * Math.Max(shape.Words, 1))
            {
                features |= TriageFeatures.LinkDensity;
                automated += o.LinkDensityWeight;
            }
        }

        if (PhraseMatcher.CountDistinct(folded, mask, rules.AutoReply, out _) > 0)
        {
            features |= TriageFeatures.AutoReplyPhrase;
            automated += o.AutoReplyWeight;
        }

        if (PhraseMatcher.CountDistinct(folded, mask, rules.Unsubscribe, out _) > 0)
        {
            features |= TriageFeatures.UnsubscribeFooter;
            automated += o.UnsubscribeWeight;
        }

        int promotional = PhraseMatcher.CountDistinct(folded, mask, rules.Promotional, out _);
        if (promotional > 0)
        {
            features |= TriageFeatures.PromotionalPhrase;
            automated += o.PromotionalPhraseWeight * Math.Min(promotional, 4);
        }

        if (shape.LongestCapsRun >= o.CapsBurstWords)
        {
            features |= TriageFeatures.AllCapsBurst;
            automated += o.AllCapsBurstWeight;
        }

        if (shape.Exclamations >= o.ExclamationThreshold)
        {
            features |= TriageFeatures.ExcessiveExclamation;
            automated += o.ExclamationWeight;
        }

        if (shape.LongestDigitRun >= o.LongDigitRun)
        {
            features |= TriageFeatures.LongDigitString;
            automated += o.LongDigitStringWeight;
        }

        if (repetitions >= o.RepetitionThreshold)
        {
            features |= TriageFeatures.Repeated;
            automated += o.RepetitionWeight;
        }

        MessageClass @class = automated >= o.AutomatedThreshold && automated >= interactive && automated >= informational
            ? MessageClass.Automated
            : interactive >= informational ? MessageClass.Interactive : MessageClass.Informational;
        return new MessageClassification(@class, interactive, informational, automated, features, shape.Links, repetitions);
    }

    private sealed class CompiledRules(MessageClassifierOptions o)
    {
        public CompiledPhrases Request { get; } = new(o.RequestPhrases);

        public CompiledPhrases Acknowledgement { get; } = new(o.AcknowledgementPhrases);

        public CompiledPhrases AutoReply { get; } = new(o.AutoReplyPhrases);

        public CompiledPhrases Unsubscribe { get; } = new(o.UnsubscribePhrases);

        public CompiledPhrases Promotional { get; } = new(o.PromotionalPhrases);
    }

    /// <summary>The counts of one pass over the text.</summary>
    private struct TextShape
    {
        public int Words;
        public int Links;
        public int Exclamations;
        public bool Question;
        public int LongestCapsRun;
        public int LongestDigitRun;

        public static TextShape Measure(ReadOnlySpan<char> text, ReadOnlySpan<char> folded)
        {
            var shape = default(TextShape);
            bool inToken = false;
            int letters = 0;
            bool allUpper = true;
            int capsRun = 0;
            int digitRun = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : ' ';
                if (char.IsLetter(c))
                {
                    letters++;
                    allUpper &= char.IsUpper(c);
                }
                else if (letters > 0)
                {
                    // a letter run ended: single letters ("I", "a") neither extend nor break a caps burst
                    if (letters >= 2)
                    {
                        capsRun = allUpper ? capsRun + 1 : 0;
                        shape.LongestCapsRun = Math.Max(shape.LongestCapsRun, capsRun);
                    }

                    letters = 0;
                    allUpper = true;
                }

                digitRun = char.IsDigit(c) ? digitRun + 1 : 0;
                shape.LongestDigitRun = Math.Max(shape.LongestDigitRun, digitRun);
                if (char.IsWhiteSpace(c))
                {
                    inToken = false;
                }
                else if (!inToken)
                {
                    inToken = true;
                    shape.Words++;
                }

                shape.Exclamations += c == '!' ? 1 : 0;
                shape.Question |= c is '?' or '¿';
            }

            shape.Links = Occurrences(folded, "://") + Occurrences(folded, "www.") - Occurrences(folded, "//www.");
            return shape;
        }

        private static int Occurrences(ReadOnlySpan<char> text, ReadOnlySpan<char> needle)
        {
            int count = 0;
            int at;
            while ((at = text.IndexOf(needle, StringComparison.Ordinal)) >= 0)
            {
                count++;
                text = text[(at + needle.Length)..];
            }

            return count;
        }
    }
}
