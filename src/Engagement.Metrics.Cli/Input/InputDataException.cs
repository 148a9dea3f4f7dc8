namespace Engagement.Metrics.Cli.Input;

/// <summary>Bad data in an input file (exit code 3). The message is one line: <c>file:row:column: what is wrong</c>.</summary>
internal sealed class InputDataException(string message) : Exception(message);
