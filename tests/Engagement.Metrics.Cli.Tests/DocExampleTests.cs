namespace Engagement.Metrics.Cli.Tests;

/// <summary>Every <c>engagement-metrics …</c> line in the docs that reads a bundled sample runs and succeeds.</summary>
public class DocExampleTests
{
    public static TheoryData<string, string> SampleCommands()
    {
        var data = new TheoryData<string, string>();
        string docs = Path.Combine(AppContext.BaseDirectory, "Docs");
        foreach (string file in Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (string line in File.ReadLines(file))
            {
                string command = line.Trim();
                if (command.StartsWith("engagement-metrics ", StringComparison.Ordinal) && command.Contains("samples/", StringComparison.Ordinal))
                {
                    data.Add(Path.GetRelativePath(docs, file), command);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Docs_ContainSampleCommands()
    {
        Assert.True(SampleCommands().Count >= 6, "the docs should show runnable examples on the bundled samples");
    }

    [Theory]
    [MemberData(nameof(SampleCommands))]
    public void SampleCommand_Succeeds(string doc, string command)
    {
        string[] args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? CliRun.SampleFile(a["samples/".Length..]) : a)
            .ToArray();

        CliRun run = CliRun.Of(args);

        Assert.True(run.ExitCode == 0, $"{doc}: '{command}' exited {run.ExitCode}: {run.Error}");
        Assert.NotEmpty(run.Out);
    }
}
