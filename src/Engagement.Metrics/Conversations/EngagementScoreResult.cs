using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// An engagement score (0–100) and the normalised signals (each 0..1, <see langword="null"/> without data) it was
/// computed from (see <see cref="EngagementScore"/>).
/// </summary>
public readonly struct EngagementScoreResult : IEquatable<EngagementScoreResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="score">The score 0–100, or <see langword="null"/> when no signal has a value.</param>
    /// <param name="responseRate">The response-rate signal.</param>
    /// <param name="responseSpeed">The response-speed signal.</param>
    /// <param name="messageLength">The message-length signal.</param>
    /// <param name="questions">The questions signal.</param>
    /// <param name="sentimentShift">The sentiment-shift signal.</param>
    /// <param name="retention">The not-abandoned signal (1 − abandonment rate).</param>
    /// <param name="repeatInteraction">The repeat-interaction signal.</param>
    [JsonConstructor]
    public EngagementScoreResult(
        double? score, double? responseRate, double? responseSpeed, double? messageLength, double? questions, double? sentimentShift, double? retention, double? repeatInteraction)
    {
        Score = score;
        ResponseRate = responseRate;
        ResponseSpeed = responseSpeed;
        MessageLength = messageLength;
        Questions = questions;
        SentimentShift = sentimentShift;
        Retention = retention;
        RepeatInteraction = repeatInteraction;
    }

    /// <summary>The engagement score on 0–100: <c>100 × Σ wᵢ·sᵢ / Σ wᵢ</c> over the signals with a value.</summary>
    public double? Score { get; }

    /// <summary>Signal: the response rate.</summary>
    public double? ResponseRate { get; }

    /// <summary>Signal: <c>2^(−median customer response time / half-life)</c>.</summary>
    public double? ResponseSpeed { get; }

    /// <summary>Signal: <c>min(1, mean customer message length / reference)</c>.</summary>
    public double? MessageLength { get; }

    /// <summary>Signal: <c>min(1, questions per conversation / reference)</c>.</summary>
    public double? Questions { get; }

    /// <summary>Signal: <c>(clamp(mean sentiment shift, −1, 1) + 1) / 2</c>.</summary>
    public double? SentimentShift { get; }

    /// <summary>Signal: <c>1 − abandonment rate</c>.</summary>
    public double? Retention { get; }

    /// <summary>Signal: the repeat interaction rate.</summary>
    public double? RepeatInteraction { get; }

    /// <inheritdoc />
    public bool Equals(EngagementScoreResult other) =>
        Nullable.Equals(Score, other.Score) && Nullable.Equals(ResponseRate, other.ResponseRate) && Nullable.Equals(ResponseSpeed, other.ResponseSpeed)
        && Nullable.Equals(MessageLength, other.MessageLength) && Nullable.Equals(Questions, other.Questions)
        && Nullable.Equals(SentimentShift, other.SentimentShift) && Nullable.Equals(Retention, other.Retention)
        && Nullable.Equals(RepeatInteraction, other.RepeatInteraction);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EngagementScoreResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Score, ResponseRate, ResponseSpeed, MessageLength, Questions, SentimentShift, Retention, RepeatInteraction);

    /// <summary>Formats the score with one decimal, or <c>—</c> without one.</summary>
    /// <returns>The formatted score.</returns>
    public override string ToString() => Score is double s ? s.ToString("F1", CultureInfo.InvariantCulture) : "—";

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(EngagementScoreResult left, EngagementScoreResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(EngagementScoreResult left, EngagementScoreResult right) => !left.Equals(right);
}
