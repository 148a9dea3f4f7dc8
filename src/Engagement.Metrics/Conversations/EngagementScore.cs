using System.Globalization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// The composite engagement score, 0–100, from the conversation signals (formula on
/// <see cref="EngagementScoreOptions"/> and in docs/metrics/engagement-signals.md).
/// </summary>
public static class EngagementScore
{
    /// <summary>Normalises the signals and combines them with the weights of <paramref name="options"/>.</summary>
    /// <param name="responseRate">Share of outbound messages answered, 0..1, or <see langword="null"/>.</param>
    /// <param name="medianCustomerResponseSeconds">Median customer response time in seconds (≥ 0), or <see langword="null"/>.</param>
    /// <param name="meanCustomerMessageLength">Mean customer message length in characters (≥ 0), or <see langword="null"/>.</param>
    /// <param name="questionsPerConversation">Customer questions per conversation (≥ 0), or <see langword="null"/>.</param>
    /// <param name="meanSentimentShift">Mean sentiment shift (−2..2), or <see langword="null"/>.</param>
    /// <param name="abandonmentRate">Share of conversations abandoned, 0..1, or <see langword="null"/>.</param>
    /// <param name="repeatInteractionRate">Share of customers who came back, 0..1, or <see langword="null"/>.</param>
    /// <param name="options">Weights and references; <see cref="EngagementScoreOptions.Default"/> when null.</param>
    /// <returns>The score and its normalised signals; the score is <see langword="null"/> when no signal with a positive weight has a value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A signal is outside its range or NaN (the message names it).</exception>
    public static EngagementScoreResult Calculate(
        double? responseRate,
        double? medianCustomerResponseSeconds,
        double? meanCustomerMessageLength,
        double? questionsPerConversation,
        double? meanSentimentShift,
        double? abandonmentRate,
        double? repeatInteractionRate,
        EngagementScoreOptions? options = null)
    {
        EngagementScoreOptions o = (options ?? EngagementScoreOptions.Default).Validate();
        Check(responseRate, 0, 1, nameof(responseRate));
        Check(medianCustomerResponseSeconds, 0, double.MaxValue, nameof(medianCustomerResponseSeconds));
        Check(meanCustomerMessageLength, 0, double.MaxValue, nameof(meanCustomerMessageLength));
        Check(questionsPerConversation, 0, double.MaxValue, nameof(questionsPerConversation));
        Check(meanSentimentShift, -2, 2, nameof(meanSentimentShift));
        Check(abandonmentRate, 0, 1, nameof(abandonmentRate));
        Check(repeatInteractionRate, 0, 1, nameof(repeatInteractionRate));
        return Combine(responseRate, medianCustomerResponseSeconds, meanCustomerMessageLength, questionsPerConversation, meanSentimentShift, abandonmentRate, repeatInteractionRate, o);
    }

    internal static EngagementScoreResult Combine(
        double? responseRate, double? medianSeconds, double? meanLength, double? questions, double? shift, double? abandonment, double? repeat, EngagementScoreOptions o)
    {
        double? speed = medianSeconds is double m ? Math.Pow(2, -m / o.ResponseSpeedHalfLife.TotalSeconds) : null;
        double? length = meanLength is double l ? Math.Min(1, l / o.ReferenceMessageLength) : null;
        double? asked = questions is double q ? Math.Min(1, q / o.ReferenceQuestionsPerConversation) : null;
        double? mood = shift is double s ? (Math.Clamp(s, -1, 1) + 1) / 2 : null;
        double? retention = abandonment is double a ? 1 - a : null;

        double sum = 0, weights = 0;
        Add(responseRate, o.ResponseRateWeight);
        Add(speed, o.ResponseSpeedWeight);
        Add(length, o.MessageLengthWeight);
        Add(asked, o.QuestionsWeight);
        Add(mood, o.SentimentShiftWeight);
        Add(retention, o.AbandonmentWeight);
        Add(repeat, o.RepeatInteractionWeight);
        double? score = weights > 0 ? Math.Clamp(100 * sum / weights, 0, 100) : null;
        return new EngagementScoreResult(score, responseRate, speed, length, asked, mood, retention, repeat);

        void Add(double? signal, double weight)
        {
            if (signal is double v && weight > 0)
            {
                sum += weight * v;
                weights += weight;
            }
        }
    }

    private static void Check(double? value, double min, double max, string name)
    {
        if (value is double v && !(v >= min && v <= max))
        {
            throw new ArgumentOutOfRangeException(
                name, v, string.Create(CultureInfo.InvariantCulture, $"{name} is {v}; it must lie in [{min}, {max}]."));
        }
    }
}
