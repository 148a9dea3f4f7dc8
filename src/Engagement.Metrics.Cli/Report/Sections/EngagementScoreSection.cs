namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>
/// The slot for the distribution of the composite engagement score. The score belongs to the conversations area
/// (issue 5), which is not in this build; until it is wired here, the section is always skipped with a note, and the
/// HTML page shows a placeholder where its histogram will go. Wiring it means: CanRun when messages.csv exists,
/// Compute the per-customer scores, and add a <see cref="ChartJs.Histogram"/> chart.
/// </summary>
internal sealed class EngagementScoreSection : IReportSection
{
    public string Id => "engagementScore";

    public string Title => "Engagement score distribution";

    public string Requires => "the composite engagement score of the conversations area, which is not wired into the report yet; its distribution will appear here";

    public bool CanRun(ReportInputs inputs) => false;

    public ReportSectionResult Compute(ReportInputs inputs) => new();
}
