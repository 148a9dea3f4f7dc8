using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Output;

namespace Engagement.Metrics.Cli.Report;

/// <summary>
/// One area of the <c>report</c> command (surveys, service, retention, …). The report is the list in
/// <see cref="ReportSections.All"/>: each section says whether the input folder lets it run, computes its KPIs with the
/// library calculators, and contributes a JSON object, console tables and HTML charts. Adding an area to the report is
/// one class implementing this interface and one line in that list; nothing else changes.
/// </summary>
internal interface IReportSection
{
    /// <summary>The camelCase key of the section in the JSON document, and its anchor in the HTML page.</summary>
    string Id { get; }

    /// <summary>The heading shown in the console and the HTML page.</summary>
    string Title { get; }

    /// <summary>What the section needs, for the note shown when it is skipped ("customers.csv", …).</summary>
    string Requires { get; }

    /// <summary>Whether the folder holds what the section needs; when false the report skips it with a note.</summary>
    bool CanRun(ReportInputs inputs);

    /// <summary>
    /// Reads the section's files and computes its KPIs. Bad rows throw <see cref="Input.InputDataException"/>
    /// naming file:row:column (the report exits 3); missing optional files are reported as notes in the result.
    /// </summary>
    ReportSectionResult Compute(ReportInputs inputs);
}

/// <summary>What one section contributes to each output: JSON data, console/HTML tables, charts and notes.</summary>
internal sealed class ReportSectionResult
{
    /// <summary>The section's part of <c>--format json</c> (camelCase; no-value numbers are null).</summary>
    public JsonObject Data { get; } = [];

    /// <summary>Tables for the console and the HTML page (flat rows: one scalar per column).</summary>
    public List<OutputDocument> Tables { get; } = [];

    /// <summary>Charts for the HTML page.</summary>
    public List<ReportChart> Charts { get; } = [];

    /// <summary>Remarks: parts skipped for lack of data, assumptions such as the as-of date.</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>
/// A chart of the HTML page: a Chart.js 4 configuration (<c>type</c>, <c>data</c>, <c>options</c>) as plain JSON —
/// no functions, so the page embeds it as data and one loop draws every chart.
/// </summary>
internal sealed record ReportChart(string Id, string Title, JsonObject Config, string? Caption = null);
