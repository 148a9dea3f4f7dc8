using Spectre.Console;

namespace Engagement.Metrics.Cli.Output;

/// <summary>
/// A progress display on stderr, shown only when stderr is the process's own terminal (never when redirected, piped or
/// captured by tests), so stdout stays clean for tables and JSON.
/// </summary>
internal static class TerminalProgress
{
    public static bool IsInteractive(CliConsole console) =>
        ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with a callback that reports how many of <paramref name="total"/> steps are done.</summary>
    public static void Run(CliConsole console, string description, double total, Action<Action<double>> work)
    {
        if (!IsInteractive(console))
        {
            work(static _ => { });
            return;
        }

        IAnsiConsole stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stderr.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                work(done => task.Value = done);
                task.Value = task.MaxValue;
            });
    }
}
