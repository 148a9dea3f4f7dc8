namespace Engagement.Metrics.Lifetime;

/// <summary>The unit in which an RFM summary measures recency and age (T).</summary>
public enum RfmTimeUnit
{
    /// <summary>Days between purchase dates.</summary>
    Days,

    /// <summary>
    /// Days divided by 7 (lifetimes' <c>freq="D", freq_multiplier=7</c>, the form of the published CDNOW summary):
    /// purchases still collapse per calendar day, and times are fractional weeks such as 30.43.
    /// </summary>
    Weeks,
}
