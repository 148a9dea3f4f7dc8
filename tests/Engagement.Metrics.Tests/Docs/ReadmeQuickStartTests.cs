using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Tests.Docs;

/// <summary>The README's quick start, verbatim between the markers, so it always compiles and prints what the README says.</summary>
public class ReadmeQuickStartTests
{
    [Fact]
    public void QuickStart_CompilesAndPrintsTheDocumentedLines()
    {
        var console = new StringWriter();

        // README quick start begins
        byte[] thisQuarter = [10, 9, 9, 8, 7, 6, 3, 10, 9, 5];
        byte[] lastQuarter = [9, 6, 4, 8, 10, 3, 7, 2];

        NpsResult nps = NetPromoterScore.Calculate(thisQuarter);      // no allocation, vectorised
        console.WriteLine(nps);                                       // NPS 20.0 (n = 10, 95% [-30.326, 61.0952])

        var acc = new NpsAccumulator();                               // streaming, mergeable, JSON-serializable
        acc.AddRange(lastQuarter);
        Comparison change = NetPromoterScore.Compare(nps, acc.ToResult());
        console.WriteLine($"change {change.Difference:F1} points, p = {change.PValue:F3}");
        // README quick start ends

        string[] lines = console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("NPS 20.0 (n = 10, 95% [-30.326, 61.0952])", lines[0]);
        Assert.StartsWith("change 45.0 points, p = ", lines[1], StringComparison.Ordinal); // 20 − (−25)
    }

    [Fact]
    public void Readme_ContainsTheQuickStartVerbatim()
    {
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReadmeQuickStartTests.cs.txt"));
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        int start = source.IndexOf("// README quick start begins", StringComparison.Ordinal);
        int end = source.IndexOf("// README quick start ends", StringComparison.Ordinal);
        foreach (string line in source[start..end].Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            string expected = line.Replace("console.WriteLine", "Console.WriteLine", StringComparison.Ordinal);
            Assert.Contains(expected, readme, StringComparison.Ordinal);
        }
    }
}
