namespace Engagement.Metrics.Cli.Output;

internal enum OutputFormat
{
    Table,
    Json,
    Jsonl,
    Csv,
}
