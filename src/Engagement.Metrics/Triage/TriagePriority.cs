using System.Globalization;
using System.Runtime.CompilerServices;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Triage;

/// <summary>
/// The 0–100 priority of an inbound message from negative sentiment, severity terms, customer value (CLV) and
/// waiting time; the formula and defaults are on <see cref="PriorityOptions"/>. No clock: waiting time is measured to an
/// explicit "as of" instant.
/// </summary>
public static class TriagePriority
{
    private static readonly ConditionalWeakTable<PriorityOptions, CompiledPhrases> Compiled = [];

    /// <summary>The priority of a message from its text and given inputs.</summary>
    /// <param name="text">The message text, searched for severity terms.</param>
    /// <param name="sentimentCompound">The message's compound sentiment, −1..1 (for example from <see cref="ISentimentScorer"/>).</param>
    /// <param name="customerValue">The customer's CLV, ≥ 0, or null when unknown.</param>
    /// <param name="waiting">How long the message has waited for a reply, ≥ 0.</param>
    /// <param name="options">Weights and scales; <see cref="PriorityOptions.Default"/> when null.</param>
    /// <returns>The priority with its component points.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The sentiment is NaN or outside −1..1, the CLV is negative or not finite, or the waiting time is negative.</exception>
    public static PriorityScore Calculate(ReadOnlySpan<char> text, double sentimentCompound, double? customerValue, TimeSpan waiting, PriorityOptions? options = null)
    {
        if (!(sentimentCompound >= -1 && sentimentCompound <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sentimentCompound), sentimentCompound, string.Create(CultureInfo.InvariantCulture, $"sentimentCompound is {sentimentCompound}; pass a compound score in [-1, 1] (0 when unknown)."));
        }

        if (customerValue is { } clv && !(clv >= 0 && double.IsFinite(clv)))
        {
            throw new ArgumentOutOfRangeException(nameof(customerValue), clv, string.Create(CultureInfo.InvariantCulture, $"customerValue is {clv}; a CLV is finite and ≥ 0 (pass null when unknown)."));
        }

        if (waiting < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(waiting), waiting, string.Create(CultureInfo.InvariantCulture, $"waiting is {waiting}; a waiting time cannot be negative (is the as-of instant before the message?)."));
        }

        options ??= PriorityOptions.Default;
        return Compute(text, sentimentCompound, customerValue, waiting, options, Terms(options));
    }

    /// <summary>The priority of an inbound message at <paramref name="asOf"/>: sentiment from the message when it carries one, otherwise from <paramref name="scorer"/>.</summary>
    /// <param name="message">The inbound message.</param>
    /// <param name="asOf">The instant the waiting time is measured to; not before the message.</param>
    /// <param name="scorer">Scores the text when the message has no <see cref="ConversationMessage.Sentiment"/>.</param>
    /// <param name="customerValue">The customer's CLV, ≥ 0, or null when unknown.</param>
    /// <param name="options">Weights and scales; <see cref="PriorityOptions.Default"/> when null.</param>
    /// <returns>The priority with its component points.</returns>
    /// <exception cref="ArgumentException">The message is invalid, or <paramref name="asOf"/> is before it (the message names the message and both instants).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The CLV is negative or not finite.</exception>
    public static PriorityScore Calculate(in ConversationMessage message, DateTimeOffset asOf, ISentimentScorer scorer, double? customerValue = null, PriorityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        message.Validate();
        TimeSpan waiting = WaitingOf(message, asOf, -1);
        double compound = message.Sentiment ?? scorer.Score(message.Text).Compound;
        return Calculate(message.Text, compound, customerValue, waiting, options);
    }

    internal static TimeSpan WaitingOf(in ConversationMessage message, DateTimeOffset asOf, int index)
    {
        if (asOf.UtcTicks < message.SentTicks)
        {
            string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"messages[{index}] (message '{message.MessageId}' in conversation '{message.ConversationId}')") : $"Message '{message.MessageId}' in conversation '{message.ConversationId}'";
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{where}: asOf {asOf:O} is before the message's SentAt {message.SentAt:O}; pass an as-of instant at or after every message."), nameof(asOf));
        }

        return TimeSpan.FromTicks(asOf.UtcTicks - message.SentTicks);
    }

    // Validated once per options instance, and the severity terms compiled with their character masks.
    private static CompiledPhrases Terms(PriorityOptions options)
    {
        if (!Compiled.TryGetValue(options, out CompiledPhrases? terms))
        {
            options.Validate();
            terms = new CompiledPhrases(options.SeverityTerms);
            Compiled.AddOrUpdate(options, terms);
        }

        return terms;
    }

    private static PriorityScore Compute(ReadOnlySpan<char> text, double compound, double? customerValue, TimeSpan waiting, PriorityOptions o, CompiledPhrases severityTerms)
    {
        int terms;
        string? first;
        using (var folded = new FoldedText(text, stackalloc char[FoldedText.StackLimit]))
        {
            terms = PhraseMatcher.CountDistinct(folded.Span, PhraseMatcher.MaskOf(folded.Span), severityTerms, out first);
        }

        double total = o.SentimentWeight + o.SeverityWeight + o.ValueWeight + o.WaitingWeight;
        double sentiment = Math.Max(0, -compound);
        double severity = Math.Min(1.0, (double)terms / o.SeveritySaturation);
        double value = customerValue is { } v ? Math.Min(1, Math.Log(1 + v) / Math.Log(1 + o.ValueReference)) : o.UnknownValue;
        double wait = Math.Min(1, waiting.Ticks / (double)o.WaitingSaturation.Ticks);
        return new PriorityScore(
            100 * o.SentimentWeight / total * sentiment,
            100 * o.SeverityWeight / total * severity,
            100 * o.ValueWeight / total * value,
            100 * o.WaitingWeight / total * wait,
            compound,
            terms,
            first,
            customerValue,
            waiting);
    }
}
