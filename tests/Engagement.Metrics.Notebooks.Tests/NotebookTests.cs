using System.Globalization;
using Engagement.Metrics.Surveys;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Engagement.Metrics.Notebooks.Tests;

/// <summary>
/// Runs every code cell of every notebook in docs/notebooks, in order, against the built library (Roslyn scripting
/// keeps state between cells the way a notebook kernel does), and checks that what each cell prints and returns is
/// what the notebook shows. Set UPDATE_NOTEBOOK_OUTPUTS=1 to write the actual outputs back into docs/notebooks.
/// </summary>
[Collection(nameof(ConsoleRedirection))] // cells print through Console, which is process-wide
public sealed class NotebookTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "docs", "notebooks");

    public static TheoryData<string> Notebooks() => new(Directory.GetFiles(Root, "*.ipynb").Select(Path.GetFileName).Order()!);

    [Fact]
    public void There_are_notebooks_to_run() => Assert.True(Notebooks().Count >= 1, $"no notebooks under {Root}");

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Cells_run_in_order_and_show_their_saved_outputs(string name)
    {
        var notebook = Notebook.Load(Path.Combine(Root, name));
        bool update = Environment.GetEnvironmentVariable("UPDATE_NOTEBOOK_OUTPUTS") == "1";
        ScriptOptions options = ScriptOptions.Default
            .AddReferences(typeof(NpsResult).Assembly, typeof(Console).Assembly, typeof(System.Text.Json.JsonSerializer).Assembly)
            .AddImports("System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Globalization");
        ScriptState<object>? state = null;
        TextWriter original = Console.Out;
        CultureInfo culture = CultureInfo.CurrentCulture;
        string directory = Environment.CurrentDirectory;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Environment.CurrentDirectory = Root; // notebooks open files relative to themselves, as Jupyter runs them
            int count = 0;
            foreach (var cell in notebook.CodeCells())
            {
                count++;
                string code = WithoutKernelDirectives(Notebook.Source(cell));
                var printed = new StringWriter();
                Console.SetOut(printed);
                try
                {
                    state = state is null ? await CSharpScript.RunAsync(code, options) : await state.ContinueWithAsync(code);
                }
                catch (CompilationErrorException e)
                {
                    Assert.Fail($"{name}, cell {count}: {string.Join(Environment.NewLine, e.Diagnostics)}");
                }

                string? result = state!.ReturnValue is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
                string actual = printed.ToString().ReplaceLineEndings("\n") + (result ?? "");
                if (update)
                {
                    Notebook.SetOutputs(cell, printed.ToString().ReplaceLineEndings("\n"), result, count);
                }
                else
                {
                    Assert.True(Notebook.SavedOutput(cell) == actual, $"{name}, cell {count}: saved output\n{Notebook.SavedOutput(cell)}\nbut the cell now shows\n{actual}");
                }
            }
        }
        finally
        {
            Console.SetOut(original);
            CultureInfo.CurrentCulture = culture;
            Environment.CurrentDirectory = directory;
        }

        if (update)
        {
            notebook.Save();
            File.Copy(notebook.Path, Path.Combine(RepositoryNotebooks(), name), overwrite: true);
        }
    }

    /// <summary>
    /// Drops the kernel's own directives (<c>#r "nuget: …"</c>, <c>#i</c>, <c>#!</c> magics): here the library is
    /// referenced directly, so the test runs the code as built, not a published package.
    /// </summary>
    private static string WithoutKernelDirectives(string source) =>
        string.Join('\n', source.Split('\n').Where(line => !(line.StartsWith("#r ", StringComparison.Ordinal) || line.StartsWith("#i ", StringComparison.Ordinal) || line.StartsWith("#!", StringComparison.Ordinal))));

    private static string RepositoryNotebooks()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engagement.Metrics.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("repository root not found"), "docs", "notebooks");
    }
}

[CollectionDefinition(nameof(ConsoleRedirection), DisableParallelization = true)]
public sealed class ConsoleRedirection;
