using System.Globalization;

namespace Engagement.Metrics.Triage;

/// <summary>
/// Alerts when a customer turns passive (engagement falls) or hostile (sentiment drops), with the values and the
/// threshold attached.
/// </summary>
/// <remarks>
/// The engagement inputs are scores on a 0–100 scale; the intended source is the Conversations area's composite
/// engagement score (one value per customer and period), but any 0–100 score works. Sentiment inputs are compound
/// scores (−1..1), for example from <c>ISentimentScorer</c> on the customer's inbound messages.
/// </remarks>
public static class TriageAlerts
{
    /// <summary>
    /// Whether the customer turned passive: previous − current &gt; <see cref="TriageAlertOptions.EngagementDrop"/>
    /// (<see cref="TriageAlertRule.EngagementDrop"/>), else current &lt; <see cref="TriageAlertOptions.EngagementFloor"/> ≤ previous
    /// (<see cref="TriageAlertRule.EngagementBelowFloor"/>).
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="previousEngagement">The previous period's engagement score, 0..100.</param>
    /// <param name="currentEngagement">The current engagement score, 0..100.</param>
    /// <param name="options">Thresholds; <see cref="TriageAlertOptions.Default"/> when null.</param>
    /// <returns>The alert, or null when no rule fires.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is NaN or outside 0..100 (the message names the customer and the value).</exception>
    public static TriageAlert? CheckPassive(string customerId, double previousEngagement, double currentEngagement, TriageAlertOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        Engagement(previousEngagement, customerId, nameof(previousEngagement));
        Engagement(currentEngagement, customerId, nameof(currentEngagement));
        TriageAlertOptions o = (options ?? TriageAlertOptions.Default).Validate();
        if (previousEngagement - currentEngagement > o.EngagementDrop)
        {
            return new TriageAlert(customerId, TriageAlertRule.EngagementDrop, previousEngagement, currentEngagement, o.EngagementDrop);
        }

        return currentEngagement < o.EngagementFloor && previousEngagement >= o.EngagementFloor
            ? new TriageAlert(customerId, TriageAlertRule.EngagementBelowFloor, previousEngagement, currentEngagement, o.EngagementFloor)
            : null;
    }

    /// <summary>Whether the customer turned passive in the last period of a per-period engagement series (last vs the one before).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="engagementByPeriod">Engagement scores 0..100, oldest first.</param>
    /// <param name="options">Thresholds; <see cref="TriageAlertOptions.Default"/> when null.</param>
    /// <returns>The alert, or null when no rule fires or there are fewer than two periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is NaN or outside 0..100.</exception>
    public static TriageAlert? CheckPassive(string customerId, ReadOnlySpan<double> engagementByPeriod, TriageAlertOptions? options = null)
    {
        for (int i = 0; i < engagementByPeriod.Length; i++)
        {
            Engagement(engagementByPeriod[i], customerId, string.Create(CultureInfo.InvariantCulture, $"engagementByPeriod[{i}]"));
        }

        return engagementByPeriod.Length < 2 ? null : CheckPassive(customerId, engagementByPeriod[^2], engagementByPeriod[^1], options);
    }

    /// <summary>
    /// Whether the customer turned hostile: current ≤ <see cref="TriageAlertOptions.HostileCompound"/>
    /// (<see cref="TriageAlertRule.SentimentBelowThreshold"/>), else previous mean − current &gt; <see cref="TriageAlertOptions.SentimentDrop"/>
    /// (<see cref="TriageAlertRule.SentimentDrop"/>).
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="previousMeanCompound">The mean compound of the customer's earlier messages, or null when none.</param>
    /// <param name="currentCompound">The compound of the latest message (or period).</param>
    /// <param name="options">Thresholds; <see cref="TriageAlertOptions.Default"/> when null.</param>
    /// <returns>The alert, or null when no rule fires.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A compound is NaN or outside −1..1.</exception>
    public static TriageAlert? CheckHostile(string customerId, double? previousMeanCompound, double currentCompound, TriageAlertOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        if (previousMeanCompound is { } p)
        {
            Compound(p, customerId, nameof(previousMeanCompound));
        }

        Compound(currentCompound, customerId, nameof(currentCompound));
        TriageAlertOptions o = (options ?? TriageAlertOptions.Default).Validate();
        if (currentCompound <= o.HostileCompound)
        {
            return new TriageAlert(customerId, TriageAlertRule.SentimentBelowThreshold, previousMeanCompound, currentCompound, o.HostileCompound);
        }

        return previousMeanCompound - currentCompound > o.SentimentDrop
            ? new TriageAlert(customerId, TriageAlertRule.SentimentDrop, previousMeanCompound, currentCompound, o.SentimentDrop)
            : null;
    }

    /// <summary>Whether the customer turned hostile at the last message of a series of compounds (last vs the mean of the earlier ones).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="compounds">Compound scores of the customer's inbound messages, oldest first.</param>
    /// <param name="options">Thresholds; <see cref="TriageAlertOptions.Default"/> when null.</param>
    /// <returns>The alert, or null when no rule fires or the series is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A compound is NaN or outside −1..1.</exception>
    public static TriageAlert? CheckHostile(string customerId, ReadOnlySpan<double> compounds, TriageAlertOptions? options = null)
    {
        double sum = 0;
        for (int i = 0; i < compounds.Length; i++)
        {
            Compound(compounds[i], customerId, string.Create(CultureInfo.InvariantCulture, $"compounds[{i}]"));
            sum += i < compounds.Length - 1 ? compounds[i] : 0;
        }

        return compounds.Length == 0
            ? null
            : CheckHostile(customerId, compounds.Length > 1 ? sum / (compounds.Length - 1) : null, compounds[^1], options);
    }

    private static void Engagement(double value, string customerId, string field)
    {
        if (!(value >= 0 && value <= 100))
        {
            throw new ArgumentOutOfRangeException(field, value, string.Create(CultureInfo.InvariantCulture, $"Customer '{customerId}': {field} is {value}; an engagement score lies in [0, 100]."));
        }
    }

    private static void Compound(double value, string customerId, string field)
    {
        if (!(value >= -1 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(field, value, string.Create(CultureInfo.InvariantCulture, $"Customer '{customerId}': {field} is {value}; a compound sentiment lies in [-1, 1]."));
        }
    }
}
