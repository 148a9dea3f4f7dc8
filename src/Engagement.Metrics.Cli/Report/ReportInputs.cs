using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Output;

namespace Engagement.Metrics.Cli.Report;

/// <summary>The input folder of a report and the settings every section shares.</summary>
internal sealed class ReportInputs
{
    public ReportInputs(string directory, string displayName, double confidence, CliConsole console)
    {
        Directory = directory;
        DisplayName = displayName;
        Confidence = confidence;
        Console = console;
    }

    /// <summary>The folder the CSV (or JSON Lines) files are read from.</summary>
    public string Directory { get; }

    /// <summary>How the report names its input (the folder as given, or "bundled sample").</summary>
    public string DisplayName { get; }

    public double Confidence { get; }

    public CliConsole Console { get; }

    /// <summary>The path of <paramref name="name"/> (e.g. <c>nps.csv</c>) in the folder, or its <c>.jsonl</c> twin; null when neither exists.</summary>
    public string? Find(string name)
    {
        string csv = Path.Combine(Directory, name);
        if (File.Exists(csv))
        {
            return csv;
        }

        string jsonl = Path.ChangeExtension(csv, ".jsonl");
        return File.Exists(jsonl) ? jsonl : null;
    }

    public bool Has(string name) => Find(name) is not null;

    /// <summary>Common settings for reusing a command's reader on one file of the folder.</summary>
    public CommonSettings Settings(string path, string? by = null) =>
        new(path, OutputFormat.Json, null, by, null, null, Confidence, SkipInvalid: false);
}
