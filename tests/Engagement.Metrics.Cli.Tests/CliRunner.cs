using System.Text;

namespace Engagement.Metrics.Cli.Tests;

/// <summary>Runs the whole CLI in-process and captures exit code, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args) => WithInput("", args);

    public static CliRun WithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApplication.Run(args, new CliConsole(output, error, new StringReader(stdin)));
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static string TempFile(string content, string extension = ".csv", bool bom = false)
    {
        string path = Path.Combine(Path.GetTempPath(), $"em-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static string SampleFile(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);
}
