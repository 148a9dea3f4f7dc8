using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// A disengagement alert: a customer's score fell by more than <see cref="EngagementScoreOptions.AlertThreshold"/>
/// points between two consecutive periods in which they had conversations.
/// </summary>
public sealed class DisengagementAlert
{
    /// <summary>Creates an alert (also the JSON constructor).</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="previousPeriod">The earlier period's first day.</param>
    /// <param name="period">The later period's first day.</param>
    /// <param name="previousScore">The earlier score.</param>
    /// <param name="score">The later score.</param>
    /// <param name="fallingSignals">The signals that fell, largest weighted fall first.</param>
    [JsonConstructor]
    public DisengagementAlert(string customerId, DateOnly previousPeriod, DateOnly period, double previousScore, double score, IReadOnlyList<string> fallingSignals)
    {
        CustomerId = customerId;
        PreviousPeriod = previousPeriod;
        Period = period;
        PreviousScore = previousScore;
        Score = score;
        FallingSignals = fallingSignals;
    }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The earlier period's first day.</summary>
    public DateOnly PreviousPeriod { get; }

    /// <summary>The later period's first day.</summary>
    public DateOnly Period { get; }

    /// <summary>The earlier score.</summary>
    public double PreviousScore { get; }

    /// <summary>The later score.</summary>
    public double Score { get; }

    /// <summary>The fall in points, <c>PreviousScore − Score</c>.</summary>
    [JsonIgnore]
    public double Drop => PreviousScore - Score;

    /// <summary>
    /// The reason: the signals (<c>responseRate</c>, <c>responseSpeed</c>, <c>messageLength</c>, <c>questions</c>,
    /// <c>sentimentShift</c>, <c>retention</c>, <c>repeatInteraction</c>) present in both periods that fell, largest
    /// weighted fall first.
    /// </summary>
    public IReadOnlyList<string> FallingSignals { get; }
}
