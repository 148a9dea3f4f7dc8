using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Conversations;

/// <summary>Engagement scores per period, overall and per customer, with slopes and disengagement alerts (<see cref="ConversationAccumulator.ToTrend"/>).</summary>
public sealed class EngagementTrend
{
    /// <summary>Creates a trend (also the JSON constructor).</summary>
    /// <param name="period">The period length.</param>
    /// <param name="overall">The overall score per period, oldest first.</param>
    /// <param name="overallSlope">The OLS slope of the overall score per period.</param>
    /// <param name="customers">Per customer trends, in ordinal customer order.</param>
    [JsonConstructor]
    public EngagementTrend(EngagementPeriod period, IReadOnlyList<PeriodScore> overall, LinearTrendResult overallSlope, IReadOnlyList<CustomerTrend> customers)
    {
        Period = period;
        Overall = overall;
        OverallSlope = overallSlope;
        Customers = customers;
    }

    /// <summary>The period length.</summary>
    public EngagementPeriod Period { get; }

    /// <summary>The overall score of each period that has conversations, oldest first.</summary>
    public IReadOnlyList<PeriodScore> Overall { get; }

    /// <summary>The OLS slope of the overall score in points per period (x = period number), with its t test.</summary>
    public LinearTrendResult OverallSlope { get; }

    /// <summary>Per customer trends, in ordinal customer order.</summary>
    public IReadOnlyList<CustomerTrend> Customers { get; }
}

/// <summary>One customer's engagement score per period, its slope and disengagement alerts.</summary>
public sealed class CustomerTrend
{
    /// <summary>Creates a trend (also the JSON constructor).</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="periods">The score of each period in which the customer had a conversation, oldest first.</param>
    /// <param name="slope">The OLS slope of the score in points per period.</param>
    /// <param name="alerts">The disengagement alerts, oldest first.</param>
    [JsonConstructor]
    public CustomerTrend(string customerId, IReadOnlyList<PeriodScore> periods, LinearTrendResult slope, IReadOnlyList<DisengagementAlert> alerts)
    {
        CustomerId = customerId;
        Periods = periods;
        Slope = slope;
        Alerts = alerts;
    }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The score of each period in which the customer had a conversation, oldest first.</summary>
    public IReadOnlyList<PeriodScore> Periods { get; }

    /// <summary>The OLS slope of the score in points per period (x = period number, so gaps count), with its t test.</summary>
    public LinearTrendResult Slope { get; }

    /// <summary>The disengagement alerts, oldest first.</summary>
    public IReadOnlyList<DisengagementAlert> Alerts { get; }
}

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
