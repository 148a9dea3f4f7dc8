namespace Engagement.Metrics.Cli;

/// <summary>The command line asks for something impossible (exit code 2): a missing file, a malformed option value.</summary>
internal sealed class UsageException(string message) : Exception(message);
