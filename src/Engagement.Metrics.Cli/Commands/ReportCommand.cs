using System.CommandLine;
using System.Globalization;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Cli.Report;
using Engagement.Metrics.Cli.Sample;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>report --input-dir DIR | --sample [--format table|json] [--html FILE]</c>: every KPI the files in a folder allow,
/// section by section (<see cref="ReportSections.All"/>); sections whose files are missing are skipped with a note.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("report", "Every KPI a folder of exports allows (surveys, service, channels, sentiment, social, reputation, churn and retention, CLV): console tables, one JSON document, or a self-contained HTML page with charts.");
        var inputDir = new Option<string?>("--input-dir", "-d") { Description = "Folder of input files named as the sample command writes them (nps.csv, contacts.csv, customers.csv, …); any subset." };
        var sample = new Option<bool>("--sample") { Description = $"Report on the bundled synthetic sample (seed {SampleGenerator.CommittedSeed}, {SampleGenerator.CommittedCustomers} customers; the files in samples/generated/)." };
        var html = new Option<string?>("--html") { Description = "Also write the report as one self-contained HTML page with charts (opens offline)." };
        var confidence = new Option<double>("--confidence") { Description = "Confidence level of the intervals, between 0 and 1.", DefaultValueFactory = _ => 0.95 };
        var output = new OutputOptions();
        command.Options.Add(inputDir);
        command.Options.Add(sample);
        command.Options.Add(html);
        command.Options.Add(confidence);
        output.AddTo(command);
        command.SetAction(parsed =>
        {
            string? directory = parsed.GetValue(inputDir);
            bool useSample = parsed.GetValue(sample);
            if (useSample == (directory is not null))
            {
                throw new UsageException("give either --input-dir <folder> or --sample.");
            }

            OutputFormat format = parsed.GetValue(output.Format);
            if (format is not (OutputFormat.Table or OutputFormat.Json))
            {
                throw new UsageException($"report writes --format table or json, not {format.ToString().ToLowerInvariant()}.");
            }

            double level = parsed.GetValue(confidence);
            if (!(level > 0 && level < 1))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--confidence is {level}; use a level strictly between 0 and 1, for example 0.95."));
            }

            if (directory is not null && !Directory.Exists(directory))
            {
                throw new UsageException($"--input-dir '{directory}' does not exist.");
            }

            string? temporary = null;
            try
            {
                if (useSample)
                {
                    // The committed sample is exactly what the generator writes for this seed and size (a test keeps
                    // them equal), so an installed tool, which has no repository, regenerates it instead of shipping it.
                    temporary = Path.Combine(Path.GetTempPath(), "engagement-metrics-sample-" + Guid.NewGuid().ToString("N"));
                    new SampleGenerator(SampleGenerator.CommittedCustomers, SampleGenerator.CommittedSeed).Write(temporary);
                }

                var inputs = new ReportInputs(
                    temporary ?? directory!,
                    useSample ? string.Create(CultureInfo.InvariantCulture, $"bundled sample (seed {SampleGenerator.CommittedSeed}, {SampleGenerator.CommittedCustomers} customers)") : directory!,
                    level,
                    console);
                ReportBuilder report = ReportBuilder.Run(inputs, ReportSections.All);
                Write(report, format, parsed.GetValue(output.Output), console);
                if (parsed.GetValue(html) is { } page)
                {
                    HtmlReport.Write(report, page);
                    console.Error.WriteLine($"wrote {page}");
                }
            }
            finally
            {
                if (temporary is not null && Directory.Exists(temporary))
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(ReportBuilder report, OutputFormat format, string? path, CliConsole console)
    {
        using TextWriter? file = path is null ? null : new StreamWriter(path);
        TextWriter writer = file ?? console.Out;
        if (format == OutputFormat.Json)
        {
            writer.WriteLine(report.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            report.WriteTables(writer);
        }
    }
}
