using System.Text.Json.Serialization;

namespace Engagement.Metrics.Sentiment;

/// <summary>The sentiment shift of one conversation (see <see cref="SentimentShift"/>).</summary>
public readonly struct SentimentShiftResult : IEquatable<SentimentShiftResult>
{
    /// <summary>Creates a result, for example after JSON deserialization.</summary>
    /// <param name="messageCount">The number of customer messages, ≥ 0.</param>
    /// <param name="openingMean">The mean compound of the first third, or <see langword="null"/> without messages.</param>
    /// <param name="closingMean">The mean compound of the last third, or <see langword="null"/> without messages.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="messageCount"/> is negative.</exception>
    [JsonConstructor]
    public SentimentShiftResult(int messageCount, double? openingMean, double? closingMean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messageCount);
        MessageCount = messageCount;
        OpeningMean = openingMean;
        ClosingMean = closingMean;
    }

    /// <summary>The number of customer messages.</summary>
    public int MessageCount { get; }

    /// <summary>Mean compound score of the first third of the messages (k = max(1, ⌊n/3⌋) messages).</summary>
    public double? OpeningMean { get; }

    /// <summary>Mean compound score of the last third of the messages.</summary>
    public double? ClosingMean { get; }

    /// <summary><c>ClosingMean − OpeningMean</c> on −2..2, or <see langword="null"/> with fewer than two messages.</summary>
    [JsonIgnore]
    public double? Shift => MessageCount >= 2 && ClosingMean is double c && OpeningMean is double o ? c - o : null;

    /// <inheritdoc />
    public bool Equals(SentimentShiftResult other) =>
        MessageCount == other.MessageCount && Nullable.Equals(OpeningMean, other.OpeningMean) && Nullable.Equals(ClosingMean, other.ClosingMean);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SentimentShiftResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MessageCount, OpeningMean, ClosingMean);

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(SentimentShiftResult left, SentimentShiftResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SentimentShiftResult left, SentimentShiftResult right) => !left.Equals(right);
}
