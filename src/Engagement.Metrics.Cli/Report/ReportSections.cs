using Engagement.Metrics.Cli.Report.Sections;

namespace Engagement.Metrics.Cli.Report;

/// <summary>The sections of the report, in display order. Add a new area here (one line) after writing its class.</summary>
internal static class ReportSections
{
    public static IReadOnlyList<IReportSection> All { get; } =
    [
        new SurveySection(),
        new ServiceSection(),
        new ChannelSection(),
        new SentimentSection(),
        new SocialSection(),
        new ReputationSection(),
        new RetentionSection(),
        new LifetimeValueSection(),
        new EngagementScoreSection(),
        new FunnelSection(),
        new ListeningSection(),
    ];
}
