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
