using Engagement.Metrics.Conversations;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Triage;

/// <summary>
/// Builds the triage queue: the inbound messages still waiting for a reply at an "as of" instant, each classified and
/// scored, ranked so that agents act first where it matters.
/// </summary>
/// <remarks>
/// An inbound message is open when no outbound message of its conversation was sent after it (at or before the as-of
/// instant; messages after it are rejected). Repetition is counted over every inbound text of the batch. Order:
/// non-automated before automated (when <see cref="TriageOptions.AutomatedLast"/>), then priority (high first), then
/// longer waiting, then message id and conversation id (ordinal), so the ranking does not depend on input order.
/// </remarks>
public static class TriageRanking
{
    /// <summary>Classifies, scores and ranks the open inbound messages of <paramref name="messages"/>.</summary>
    /// <param name="messages">Messages of any direction, any order; the outbound ones mark what has been answered.</param>
    /// <param name="asOf">The instant the queue is built at; no message may be later.</param>
    /// <param name="scorer">Scores the text of messages without a <see cref="ConversationMessage.Sentiment"/>.</param>
    /// <param name="customerValues">CLV per customer id (missing: unknown), or null.</param>
    /// <param name="options">The options; <see cref="TriageOptions.Default"/> when null.</param>
    /// <returns>The open messages, highest priority first; empty for empty input.</returns>
    /// <exception cref="ArgumentException">A message is invalid or later than <paramref name="asOf"/> (the message names its index and id), or a CLV is negative.</exception>
    public static TriageEntry[] Build(ReadOnlySpan<ConversationMessage> messages, DateTimeOffset asOf, ISentimentScorer scorer, IReadOnlyDictionary<string, double>? customerValues = null, TriageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        options ??= TriageOptions.Default;
        options.Validate();
        if (customerValues is not null)
        {
            foreach ((string customer, double value) in customerValues)
            {
                if (!(value >= 0 && double.IsFinite(value)))
                {
                    throw new ArgumentOutOfRangeException(nameof(customerValues), value, $"customerValues['{customer}'] is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; a CLV is finite and ≥ 0 (leave the customer out when unknown).");
                }
            }
        }

        var lastReply = new Dictionary<string, long>(StringComparer.Ordinal);
        var fingerprints = new TextFingerprintAccumulator();
        for (int i = 0; i < messages.Length; i++)
        {
            ref readonly ConversationMessage m = ref messages[i];
            m.ValidateAt(i);
            _ = TriagePriority.WaitingOf(m, asOf, i);
            if (m.IsInbound)
            {
                fingerprints.Add(m.Text);
            }
            else if (!lastReply.TryGetValue(m.ConversationId, out long t) || m.SentTicks > t)
            {
                lastReply[m.ConversationId] = m.SentTicks;
            }
        }

        var entries = new List<TriageEntry>();
        for (int i = 0; i < messages.Length; i++)
        {
            ref readonly ConversationMessage m = ref messages[i];
            if (!m.IsInbound || (lastReply.TryGetValue(m.ConversationId, out long reply) && reply >= m.SentTicks))
            {
                continue;
            }

            double? clv = customerValues is not null && customerValues.TryGetValue(m.CustomerId, out double v) ? v : null;
            MessageClassification c = MessageClassifier.Classify(m.Text, fingerprints.CountOf(m.Text), options.Classifier);
            double compound = m.Sentiment ?? scorer.Score(m.Text).Compound;
            PriorityScore p = TriagePriority.Calculate(m.Text, compound, clv, TriagePriority.WaitingOf(m, asOf, i), options.Priority);
            entries.Add(new TriageEntry(m.MessageId, m.ConversationId, m.CustomerId, c, p));
        }

        TriageEntry[] ranked = [.. entries];
        bool automatedLast = options.AutomatedLast;
        Array.Sort(ranked, (a, b) =>
        {
            if (automatedLast)
            {
                int auto = (a.Classification.Class == MessageClass.Automated).CompareTo(b.Classification.Class == MessageClass.Automated);
                if (auto != 0)
                {
                    return auto;
                }
            }

            int byScore = b.Priority.Score.CompareTo(a.Priority.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            int byWait = b.Priority.Waiting.CompareTo(a.Priority.Waiting);
            if (byWait != 0)
            {
                return byWait;
            }

            int byId = string.CompareOrdinal(a.MessageId, b.MessageId);
            return byId != 0 ? byId : string.CompareOrdinal(a.ConversationId, b.ConversationId);
        });
        return ranked;
    }
}
