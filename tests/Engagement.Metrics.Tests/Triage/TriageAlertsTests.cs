using Engagement.Metrics.Triage;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Triage;

public class TriageAlertsTests
{
    [Fact]
    public void Engagement_fall_beyond_the_threshold_is_passive()
    {
        TriageAlert a = TriageAlerts.CheckPassive("cust7", 72, 40)!.Value;
        Assert.Equal(TriageAlertRule.EngagementDrop, a.Rule);
        Assert.Equal(32, a.Fall);
        Assert.Equal(15, a.Threshold);
        Assert.False(a.IsHostile);
        Assert.Equal("cust7 turned passive (EngagementDrop): engagement fell 72 -> 40 (fall 32 > 15)", a.ToString());
    }

    [Fact]
    public void Crossing_the_floor_is_passive_but_staying_below_it_is_not_news()
    {
        Assert.Equal(TriageAlertRule.EngagementBelowFloor, TriageAlerts.CheckPassive("c", 35, 28)!.Value.Rule);
        Assert.Null(TriageAlerts.CheckPassive("c", 25, 20));
        Assert.Null(TriageAlerts.CheckPassive("c", 60, 50));
        Assert.Equal(TriageAlertRule.EngagementDrop, TriageAlerts.CheckPassive("c", [80, 70, 50])!.Value.Rule);
        Assert.Null(TriageAlerts.CheckPassive("c", [50]));
    }

    [Fact]
    public void Sentiment_below_the_threshold_or_a_large_fall_is_hostile()
    {
        TriageAlert low = TriageAlerts.CheckHostile("u1", 0.2, -0.6)!.Value;
        Assert.Equal(TriageAlertRule.SentimentBelowThreshold, low.Rule);
        Assert.True(low.IsHostile);
        Assert.Equal("u1 turned hostile (SentimentBelowThreshold): sentiment -0.6 <= -0.5 (previous mean 0.2)", low.ToString());
        TriageAlert drop = TriageAlerts.CheckHostile("u1", 0.4, -0.2)!.Value;
        Assert.Equal(TriageAlertRule.SentimentDrop, drop.Rule);
        Assert.Equal(0.6, drop.Fall!.Value, 12);
        Assert.Null(TriageAlerts.CheckHostile("u1", 0.1, -0.3));
        Assert.Null(TriageAlerts.CheckHostile("u1", null, -0.3));

        // series: previous mean of (0.6, 0.4) = 0.5, latest -0.1 → fall 0.6 > 0.5
        TriageAlert series = TriageAlerts.CheckHostile("u1", [0.6, 0.4, -0.1])!.Value;
        Assert.Equal(TriageAlertRule.SentimentDrop, series.Rule);
        Assert.Equal(0.5, series.Previous!.Value, 12);
        Assert.Null(TriageAlerts.CheckHostile("u1", ReadOnlySpan<double>.Empty));
    }

    [Fact]
    public void Bad_input_names_the_field_and_the_customer()
    {
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => TriageAlerts.CheckHostile("u9", 0.1, double.NaN));
        Assert.Equal("currentCompound", nan.ParamName);
        Assert.Contains("Customer 'u9'", nan.Message, StringComparison.Ordinal);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => TriageAlerts.CheckPassive("u9", [50, 120]));
        Assert.Equal("engagementByPeriod[1]", range.ParamName);
        Assert.Throws<ArgumentException>(() => TriageAlerts.CheckPassive("", 50, 40));
        var o = Assert.Throws<ArgumentException>(() => TriageAlerts.CheckPassive("u9", 50, 40, new TriageAlertOptions { EngagementDrop = double.NaN }));
        Assert.Contains("EngagementDrop is NaN", o.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool A_larger_fall_never_removes_a_passive_alert(byte previous, byte current, byte extra)
    {
        double p = previous % 101, c = current % 101;
        double lower = Math.Max(0, c - extra);
        return TriageAlerts.CheckPassive("c", p, c) is null || TriageAlerts.CheckPassive("c", p, lower) is not null;
    }
}
