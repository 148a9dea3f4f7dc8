using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>The engagement score of one period (conversations are assigned to the period of their first message).</summary>
public readonly struct PeriodScore : IEquatable<PeriodScore>
{
    /// <summary>Creates a period score (also the JSON constructor).</summary>
    /// <param name="periodStart">The first day of the period.</param>
    /// <param name="conversations">Conversations started in the period.</param>
    /// <param name="score">The score and its signals.</param>
    [JsonConstructor]
    public PeriodScore(DateOnly periodStart, long conversations, EngagementScoreResult score)
    {
        PeriodStart = periodStart;
        Conversations = conversations;
        Score = score;
    }

    /// <summary>The first day of the period.</summary>
    public DateOnly PeriodStart { get; }

    /// <summary>Conversations started in the period.</summary>
    public long Conversations { get; }

    /// <summary>The score and its normalised signals.</summary>
    public EngagementScoreResult Score { get; }

    /// <inheritdoc />
    public bool Equals(PeriodScore other) => PeriodStart == other.PeriodStart && Conversations == other.Conversations && Score == other.Score;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PeriodScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PeriodStart, Conversations, Score);

    /// <summary>Compares two period scores for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(PeriodScore left, PeriodScore right) => left.Equals(right);

    /// <summary>Compares two period scores for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PeriodScore left, PeriodScore right) => !left.Equals(right);
}
