using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Sample;

namespace Engagement.Metrics.Cli.Tests;

public class SampleCommandTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"em-sample-{Guid.NewGuid():N}");

    [Fact]
    public void Sample_SameSeedAndSize_IsByteForByteIdentical()
    {
        string a = TempDir(), b = TempDir();
        Assert.Equal(0, CliRun.Of("sample", "--output-dir", a, "--customers", "150", "--seed", "7").ExitCode);
        Assert.Equal(0, CliRun.Of("sample", "--output-dir", b, "--customers", "150", "--seed", "7").ExitCode);

        foreach (string name in SampleGenerator.FileNames)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, name))), $"{name} differs between two runs with the same seed");
        }
    }

    [Fact]
    public void Sample_AnotherSeed_GivesOtherData()
    {
        string a = TempDir(), b = TempDir();
        CliRun.Of("sample", "-d", a, "-n", "50", "--seed", "1");
        CliRun.Of("sample", "-d", b, "-n", "50", "--seed", "2");

        Assert.NotEqual(File.ReadAllText(Path.Combine(a, "messages.csv")), File.ReadAllText(Path.Combine(b, "messages.csv")));
    }

    [Fact]
    public void CommittedSample_IsExactlyWhatTheGeneratorWrites()
    {
        // samples/generated/ is regenerated with `sample --seed 42 --customers 400`; this keeps it from drifting.
        string dir = TempDir();
        new SampleGenerator(SampleGenerator.CommittedCustomers, SampleGenerator.CommittedSeed).Write(dir);

        foreach (string name in SampleGenerator.FileNames)
        {
            string committed = CliRun.SampleFile(Path.Combine("generated", name));
            Assert.True(File.Exists(committed), $"samples/generated/{name} is missing; run: dotnet run --project src/Engagement.Metrics.Cli -- sample --output-dir samples/generated --seed {SampleGenerator.CommittedSeed} --customers {SampleGenerator.CommittedCustomers}");
            Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir, name))),
                $"samples/generated/{name} differs from the generator's output; regenerate it with: sample --output-dir samples/generated --seed {SampleGenerator.CommittedSeed} --customers {SampleGenerator.CommittedCustomers}");
        }
    }

    [Fact]
    public void CommittedSample_StaysSmall()
    {
        long total = SampleGenerator.FileNames.Sum(n => new FileInfo(CliRun.SampleFile(Path.Combine("generated", n))).Length);
        Assert.True(total < 1_500_000, $"samples/generated is {total} bytes; keep it under 1.5 MB");
    }

    [Fact]
    public void Sample_ListsEveryFileWithItsRows()
    {
        string dir = TempDir();
        CliRun run = CliRun.Of("sample", "-d", dir, "-n", "30", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var files = JsonNode.Parse(run.Out)!["files"]!.AsArray();
        Assert.Equal(SampleGenerator.FileNames.Length, files.Count);
        foreach (JsonNode? file in files)
        {
            long rows = file!["rows"]!.GetValue<long>();
            Assert.Equal(rows + 1, File.ReadLines(file["file"]!.GetValue<string>()).LongCount());
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2000000")]
    public void Sample_BadCustomerCount_IsUsageError(string customers)
    {
        CliRun run = CliRun.Of("sample", "-d", TempDir(), "--customers", customers);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--customers", run.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> CommandsOnTheSample() => new()
    {
        { ["survey", "nps", "--input", "{dir}/nps.csv", "--by", "channel", "--weight-column", "weight"] },
        { ["survey", "csat", "--input", "{dir}/csat.csv", "--period", "quarter"] },
        { ["survey", "ces", "--input", "{dir}/ces.csv"] },
        { ["service", "--input", "{dir}/contacts.csv", "--by", "channel"] },
        { ["channels", "--input", "{dir}/contacts.csv"] },
        { ["churn", "survival", "--input", "{dir}/customers.csv", "--by", "channel"] },
        { ["churn", "rate", "--input", "{dir}/customers.csv", "--from", "2025-01-01", "--to", "2026-01-01"] },
        { ["churn", "cohorts", "--input", "{dir}/customers.csv"] },
        { ["clv", "predict", "--input", "{dir}/transactions.csv", "--observation-end", "2026-06-30", "--time-unit", "weeks"] },
        { ["social", "--input", "{dir}/social_posts.csv", "--by", "network"] },
        { ["reputation", "--input", "{dir}/reviews.csv", "--posts", "{dir}/social_posts.csv"] },
        { ["sentiment", "--input", "{dir}/messages.csv", "--by", "channel"] },
        { ["sentiment", "--input", "{dir}/mentions.csv", "--by", "channel"] },
    };

    [Theory]
    [MemberData(nameof(CommandsOnTheSample))]
    public void EveryGeneratedFile_IsReadByItsCommand(string[] args)
    {
        string dir = CliRun.SampleFile("generated");
        CliRun run = CliRun.Of([.. args.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal))]);

        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)} exited {run.ExitCode}: {run.Error}");
    }

    [Fact]
    public void GeneratedTransactions_FitBgNbdAndConverge()
    {
        CliRun run = CliRun.Of("clv", "fit", "--input", CliRun.SampleFile("generated/transactions.csv"), "--observation-end", "2026-06-30", "--time-unit", "weeks", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.True(JsonNode.Parse(run.Out)!["converged"]!.GetValue<bool>());
    }

    [Fact]
    public void Customers_WhoChurn_ScoreLowerAndReplyLessBeforeTheyLeave()
    {
        // The simulated decline: NPS answers in the 90 days before a customer's end date are lower than the rest,
        // and disengaging customers answer fewer outbound messages.
        string dir = CliRun.SampleFile("generated");
        Dictionary<string, DateTime> ends = File.ReadLines(Path.Combine(dir, "customers.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[2].Length > 0)
            .ToDictionary(f => f[0], f => DateTime.Parse(f[2], CultureInfo.InvariantCulture));
        var late = new List<int>();
        var rest = new List<int>();
        foreach (string[] f in File.ReadLines(Path.Combine(dir, "nps.csv")).Skip(1).Select(l => l.Split(',')))
        {
            DateTime at = DateTime.Parse(f[4], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            bool beforeLeaving = ends.TryGetValue(f[1], out DateTime end) && (end - at).TotalDays < 90;
            (beforeLeaving ? late : rest).Add(int.Parse(f[5], CultureInfo.InvariantCulture));
        }

        Assert.True(late.Count > 20 && rest.Count > 20);
        Assert.True(late.Average() < rest.Average() - 0.5, $"mean NPS answer {late.Average():F2} in the last 90 days vs {rest.Average():F2} otherwise");
    }

    [Fact]
    public void Messages_MixEnglishAndSpanish_AndUseTheAgreedColumns()
    {
        string[] lines = File.ReadAllLines(CliRun.SampleFile("generated/messages.csv"));

        Assert.Equal("message_id,conversation_id,customer_id,channel,direction,sent_at,text,resolved", lines[0]);
        Assert.Contains(lines, l => l.Contains("gracias", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Contains("thank", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("send_id,campaign_id,customer_id,channel,sent_at,delivered,opened,clicked,replied,unsubscribed", File.ReadLines(CliRun.SampleFile("generated/campaign_sends.csv")).First());
        Assert.Equal("mention_id,author,channel,published_at,text,reach", File.ReadLines(CliRun.SampleFile("generated/mentions.csv")).First());
    }
}

public class SampleSpendModelTests
{
    [Fact]
    public void GammaGamma_RecoversTheGeneratorsSpendParameters()
    {
        // The generator draws spend by the Gamma-Gamma story with known p, q, v; fitting the model to 5,000 simulated
        // customers must find them again within three standard errors (seeded, so the outcome is fixed).
        string dir = Path.Combine(Path.GetTempPath(), $"em-spend-{Guid.NewGuid():N}");
        new SampleGenerator(5000, 3).Write(dir);

        CliRun run = CliRun.Of("clv", "fit", "--model", "gammagamma", "--input", Path.Combine(dir, "transactions.csv"), "--observation-end", "2026-06-30", "--time-unit", "weeks", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        JsonNode fit = JsonNode.Parse(run.Out)!;
        foreach ((string name, double truth) in new[] { ("p", SampleGenerator.SpendP), ("q", SampleGenerator.SpendQ), ("v", SampleGenerator.SpendV) })
        {
            double estimate = fit["parameters"]![name]!.GetValue<double>();
            double se = fit["standardErrors"]![name]!.GetValue<double>();
            Assert.True(Math.Abs(estimate - truth) < 3 * se, $"{name}: fitted {estimate:F3} (SE {se:F3}), generated with {truth}");
        }
    }
}
