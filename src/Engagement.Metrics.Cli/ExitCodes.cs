namespace Engagement.Metrics.Cli;

/// <summary>The process exit codes of the command-line contract (CONVENTIONS §4).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int Data = 3;
}
