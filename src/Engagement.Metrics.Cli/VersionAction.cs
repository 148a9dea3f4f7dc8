using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Engagement.Metrics.Cli;

/// <summary>
/// <c>--version</c> prints this tool's informational version. The built-in action reads the entry assembly,
/// which is the test host when the CLI runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
