using Engagement.Metrics.Cli.Output;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>The common options of one run, validated.</summary>
internal sealed record CommonSettings(
    string Input,
    OutputFormat Format,
    string? Output,
    string? By,
    ReportingPeriod? Period,
    string? DateColumn,
    double Confidence,
    bool SkipInvalid);
