namespace Engagement.Metrics.Triage;

/// <summary>The rule that raised a <see cref="TriageAlert"/>.</summary>
public enum TriageAlertRule
{
    /// <summary>Passive: the engagement score fell by more than <see cref="TriageAlertOptions.EngagementDrop"/> points.</summary>
    EngagementDrop = 1,

    /// <summary>Passive: the engagement score fell below <see cref="TriageAlertOptions.EngagementFloor"/> (from at or above it).</summary>
    EngagementBelowFloor = 2,

    /// <summary>Hostile: the current compound sentiment is at or below <see cref="TriageAlertOptions.HostileCompound"/>.</summary>
    SentimentBelowThreshold = 3,

    /// <summary>Hostile: the compound sentiment fell by more than <see cref="TriageAlertOptions.SentimentDrop"/> from the customer's previous mean.</summary>
    SentimentDrop = 4,
}
