using System.Globalization;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// Sentiment shift within a conversation: how the customer's sentiment moved from the start to the end, as the
/// mean compound score of the last third of the customer's messages minus that of the first third.
/// </summary>
/// <remarks>
/// With the n customer messages in time order and k = max(1, ⌊n/3⌋):
/// <c>shift = mean(compound of the last k messages) − mean(compound of the first k messages)</c>, on −2..2.
/// A positive shift means the customer ended happier than they started (a recovered conversation). With fewer
/// than two messages there is no shift (<see langword="null"/>). Only the customer's own messages should be passed
/// (not the agent's).
/// </remarks>
public static class SentimentShift
{
    /// <summary>The shift of a conversation's customer messages, given their compound scores in time order.</summary>
    /// <param name="compounds">The compound scores (−1..1) of the customer's messages, oldest first.</param>
    /// <returns>The shift and the two means it compares.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is NaN or outside −1..1; the message names its index.</exception>
    public static SentimentShiftResult Calculate(ReadOnlySpan<double> compounds)
    {
        for (int i = 0; i < compounds.Length; i++)
        {
            if (!(compounds[i] >= -1 && compounds[i] <= 1))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(compounds),
                    compounds[i],
                    string.Create(CultureInfo.InvariantCulture, $"compounds[{i}] is {compounds[i]}; a compound score must lie in [-1, 1]."));
            }
        }

        int n = compounds.Length;
        if (n < 2)
        {
            return new SentimentShiftResult(n, n == 1 ? compounds[0] : null, n == 1 ? compounds[0] : null);
        }

        int k = Math.Max(1, n / 3);
        return new SentimentShiftResult(n, Mean(compounds[..k]), Mean(compounds[^k..]));
    }

    /// <summary>The shift of a conversation's customer messages, given their scores in time order.</summary>
    /// <param name="scores">The scores of the customer's messages, oldest first.</param>
    /// <returns>The shift and the two means it compares.</returns>
    public static SentimentShiftResult Calculate(ReadOnlySpan<SentimentScore> scores)
    {
        Span<double> buffer = scores.Length <= 256 ? stackalloc double[scores.Length] : new double[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            buffer[i] = scores[i].Compound;
        }

        return Calculate(buffer);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
