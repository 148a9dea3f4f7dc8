namespace Engagement.Metrics.Cli;

/// <summary>The streams a run reads and writes, so tests run the whole CLI in-process.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In);
