using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Output;

namespace Engagement.Metrics.Cli.Report;

/// <summary>A finished report: each section's result, or the note saying why it was skipped.</summary>
internal sealed class ReportBuilder
{
    private ReportBuilder(ReportInputs inputs, List<(IReportSection Section, ReportSectionResult? Result, string? Skipped)> sections)
    {
        Inputs = inputs;
        Sections = sections;
    }

    public ReportInputs Inputs { get; }

    public List<(IReportSection Section, ReportSectionResult? Result, string? Skipped)> Sections { get; }

    public static string Version =>
        typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs every section that can run (with a progress display on a terminal) and records the rest as skipped.</summary>
    public static ReportBuilder Run(ReportInputs inputs, IReadOnlyList<IReportSection> sections)
    {
        var results = new List<(IReportSection, ReportSectionResult?, string?)>();
        TerminalProgress.Run(inputs.Console, "computing report sections", sections.Count, report =>
        {
            foreach (IReportSection section in sections)
            {
                results.Add(section.CanRun(inputs)
                    ? (section, section.Compute(inputs), null)
                    : (section, null, $"skipped: needs {section.Requires}"));
                report(results.Count);
            }
        });
        return new ReportBuilder(inputs, results);
    }

    /// <summary>The <c>--format json</c> document: every section id with its data, or null when skipped, plus the notes.</summary>
    public JsonObject ToJson()
    {
        var sections = new JsonObject();
        var notes = new JsonArray();
        foreach ((IReportSection section, ReportSectionResult? result, string? skipped) in Sections)
        {
            sections[section.Id] = result?.Data.DeepClone();
            if (skipped is not null)
            {
                notes.Add((JsonNode)new JsonObject { ["section"] = section.Id, ["note"] = skipped });
            }

            foreach (string note in result?.Notes ?? [])
            {
                notes.Add((JsonNode)new JsonObject { ["section"] = section.Id, ["note"] = note });
            }
        }

        return new JsonObject
        {
            ["report"] = "engagement-metrics",
            ["version"] = Version,
            ["input"] = Inputs.DisplayName,
            ["confidenceLevel"] = Inputs.Confidence,
            ["sections"] = sections,
            ["notes"] = notes,
        };
    }

    /// <summary>Console output: one heading per section, its tables, then its notes.</summary>
    public void WriteTables(TextWriter writer)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Engagement report · {Inputs.DisplayName} · {Inputs.Confidence:P0} intervals"));
        foreach ((IReportSection section, ReportSectionResult? result, string? skipped) in Sections)
        {
            writer.WriteLine();
            writer.WriteLine($"== {section.Title} ==");
            if (result is null)
            {
                writer.WriteLine($"   {skipped}");
                continue;
            }

            foreach (OutputDocument table in result.Tables)
            {
                Renderer.Write(table, OutputFormat.Table, writer);
            }

            foreach (string note in result.Notes)
            {
                writer.WriteLine($"   note: {note}");
            }
        }
    }
}
