using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Cli.Sample;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>sample --output-dir DIR [--customers N] [--seed S]</c>: writes a seeded synthetic dataset in every input format
/// the CLI reads (see <see cref="SampleGenerator"/>), then lists the files and their row counts.
/// </summary>
internal static class SampleCommand
{
    public const int MaxCustomers = 1_000_000;

    public static Command Create(CliConsole console)
    {
        var command = new Command("sample", "Write a seeded synthetic dataset (customers, surveys, contacts, messages, transactions, campaign sends, social posts, reviews, mentions) in every input format of the CLI.");
        var outputDir = new Option<string>("--output-dir", "-d") { Description = "Directory to write the CSV files into (created if missing; existing sample files are overwritten).", Required = true };
        var customers = new Option<int>("--customers", "-n") { Description = "Number of simulated customers (1 to 1,000,000).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed", "-s") { Description = "Random seed: the same seed and size give byte-identical files.", DefaultValueFactory = _ => SampleGenerator.CommittedSeed };
        var output = new OutputOptions();
        command.Options.Add(outputDir);
        command.Options.Add(customers);
        command.Options.Add(seed);
        output.AddTo(command);
        command.SetAction(parsed =>
        {
            int n = parsed.GetValue(customers);
            if (n is < 1 or > MaxCustomers)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--customers is {n}; give a number between 1 and {MaxCustomers:N0}."));
            }

            string directory = parsed.GetValue(outputDir)!;
            IReadOnlyDictionary<string, long> counts = new Dictionary<string, long>();
            TerminalProgress.Run(console, "simulating customers", n, report =>
                counts = new SampleGenerator(n, parsed.GetValue(seed)).Write(directory, done => report(done)));

            var rows = SampleGenerator.FileNames.Select(f => new JsonObject { ["file"] = Path.Combine(directory, f), ["rows"] = counts[f] }).ToList();
            var document = new JsonObject
            {
                ["outputDir"] = directory,
                ["customers"] = n,
                ["seed"] = parsed.GetValue(seed),
                ["files"] = new JsonArray([.. rows.Select(r => (JsonNode)r.DeepClone())]),
            };
            OutputOptions.Write(new OutputDocument(string.Create(CultureInfo.InvariantCulture, $"Sample: {n} customers, seed {parsed.GetValue(seed)}"), document, rows), parsed.GetValue(output.Format), parsed.GetValue(output.Output), console);
            return ExitCodes.Ok;
        });
        return command;
    }
}
