namespace Engagement.Metrics.Conversations;

/// <summary>The calendar period engagement-score trends are computed over (UTC; weeks start on Monday, ISO 8601).</summary>
public enum EngagementPeriod
{
    /// <summary>Calendar days.</summary>
    Day = 1,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week = 2,

    /// <summary>Calendar months.</summary>
    Month = 3,

    /// <summary>Calendar quarters.</summary>
    Quarter = 4,
}
