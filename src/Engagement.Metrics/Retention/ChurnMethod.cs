namespace Engagement.Metrics.Retention;

/// <summary>Which churn rate a <see cref="ChurnResult"/> reports as <see cref="ChurnResult.Rate"/>.</summary>
public enum ChurnMethod
{
    /// <summary>Customers lost during the period ÷ customers at its start; customers acquired during the period are excluded from both.</summary>
    Simple,

    /// <summary>All customers lost during the period ÷ the midpoint (start + end) / 2 of the customer counts.</summary>
    Adjusted,

    /// <summary>
    /// The at-risk-weighted daily churn rate h = lost ÷ customer-days at risk, compounded over the period's days:
    /// 1 − (1 − h)^days.
    /// </summary>
    Predictive,
}
