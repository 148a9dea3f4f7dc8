using System.CommandLine;
using System.Globalization;
using Engagement.Metrics.Cli.Output;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>The options every data command shares (CONVENTIONS §4), created per command and read into <see cref="CommonSettings"/>.</summary>
internal sealed class CommonOptions
{
    /// <summary>Full error detail (stack traces) instead of one line; recursive, so it works on every command.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Print full error details, including stack traces.", Recursive = true };

    public Option<string> Input { get; } = new("--input", "-i") { Description = "Input file: CSV with a header row, or JSON Lines when it ends in .jsonl/.ndjson; '-' reads CSV from stdin.", Required = true };

    public OutputOptions Output { get; } = new();

    public Option<string?> By { get; } = new("--by") { Description = "Break results down by this column (segment), with an overall result." };

    public Option<ReportingPeriod?> Period { get; } = new("--period") { Description = "Break results down by period of the date column." };

    public Option<string?> DateColumn { get; } = new("--date-column") { Description = "The date column for --period (default: the first of date, responded_at, created_at, timestamp)." };

    public Option<double> Confidence { get; } = new("--confidence") { Description = "Confidence level of the intervals, between 0 and 1.", DefaultValueFactory = _ => 0.95 };

    public Option<bool> SkipInvalid { get; } = new("--skip-invalid") { Description = "Skip rows with bad values (reported on stderr and in the output) instead of failing." };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        Output.AddTo(command);
        foreach (Option option in new Option[] { By, Period, DateColumn, Confidence, SkipInvalid })
        {
            command.Options.Add(option);
        }
    }

    public CommonSettings Read(ParseResult parsed)
    {
        double confidence = parsed.GetValue(Confidence);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--confidence is {confidence}; use a level strictly between 0 and 1, for example 0.95."));
        }

        return new CommonSettings(
            parsed.GetValue(Input)!,
            parsed.GetValue(Output.Format),
            parsed.GetValue(Output.Output),
            parsed.GetValue(By),
            parsed.GetValue(Period),
            parsed.GetValue(DateColumn),
            confidence,
            parsed.GetValue(SkipInvalid));
    }
}
