using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Conversations;

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
