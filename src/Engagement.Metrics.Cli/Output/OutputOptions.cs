using System.CommandLine;

namespace Engagement.Metrics.Cli.Output;

/// <summary><c>--format</c> and <c>--output</c>: shared by every command that prints a result.</summary>
internal sealed class OutputOptions
{
    public Option<OutputFormat> Format { get; } = new("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => OutputFormat.Table };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the output to this file instead of stdout." };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Output);
    }

    /// <summary>Renders to the <c>--output</c> file, or to stdout.</summary>
    public static void Write(OutputDocument output, OutputFormat format, string? path, CliConsole console)
    {
        if (path is null)
        {
            Renderer.Write(output, format, console.Out);
            return;
        }

        using var file = new StreamWriter(path);
        Renderer.Write(output, format, file);
    }
}
