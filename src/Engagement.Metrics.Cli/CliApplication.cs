using System.CommandLine;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;

namespace Engagement.Metrics.Cli;

/// <summary>Builds the command tree and runs one command line, mapping every failure to one stderr line and an exit code.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, CliConsole console)
    {
        RootCommand root = CreateRoot(console);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            console.Error.WriteLine($"error: {OneLine(parsed.Errors[0].Message)} (see --help)");
            return ExitCodes.Usage;
        }

        bool verbose = parsed.GetValue(CommonOptions.Verbose);
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            return Fail(console, verbose, e, ExitCodes.Usage);
        }
        catch (InputDataException e)
        {
            return Fail(console, verbose, e, ExitCodes.Data);
        }
        catch (IOException e)
        {
            return Fail(console, verbose, e, ExitCodes.Data);
        }
#pragma warning disable CA1031 // The contract is one line and an exit code, never a stack trace, whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(console, verbose, e, ExitCodes.Unexpected);
        }
    }

    private static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand("engagement-metrics: customer-engagement KPIs (NPS, CSAT, CES, …) from CSV and JSON Lines exports, with confidence intervals.");
        root.Options.Add(CommonOptions.Verbose);
        foreach (VersionOption version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        root.Subcommands.Add(SurveyCommand.Create(console));
        root.Subcommands.Add(StaffingCommand.Create(console));
        root.Subcommands.Add(SentimentCommand.Create(console));
        root.Subcommands.Add(SocialCommand.Create(console));
        root.Subcommands.Add(ReputationCommand.Create(console));
        root.Subcommands.Add(ServiceCommand.Create(console));
        root.Subcommands.Add(ConversationsCommand.Create(console));
        root.Subcommands.Add(ChannelsCommand.Create(console));
        root.Subcommands.Add(ListenCommand.Create(console));
        root.Subcommands.Add(FunnelCommand.Create(console));
        root.Subcommands.Add(CostCommand.Create(console));
        root.Subcommands.Add(ChurnCommand.Create(console));
        root.Subcommands.Add(ClvCommand.Create(console));
        root.Subcommands.Add(SampleCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(TriageCommand.Create(console));
        return root;
    }

    private static int Fail(CliConsole console, bool verbose, Exception e, int exitCode)
    {
        console.Error.WriteLine(verbose ? e.ToString() : $"error: {OneLine(e.Message)}");
        return exitCode;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
