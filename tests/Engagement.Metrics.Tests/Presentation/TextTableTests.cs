using Engagement.Metrics.Presentation;
using FsCheck;
using Interval = Engagement.Metrics.Statistics.Interval;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Presentation;

public class TextTableTests
{
    [Fact]
    public void Plain_text_aligns_columns_and_right_aligns_numbers()
    {
        TextTable table = new TextTable("channel", "n", "NPS")
            .AddRow("chat", 118, 28.8135593)
            .AddRow("email", 7, null);

        Assert.Equal(
            "channel    n      NPS\n" +
            "-------  ---  -------\n" +
            "chat     118  28.8136\n" +
            "email      7        —",
            table.ToString());
    }

    [Fact]
    public void Markdown_escapes_pipes_and_marks_numeric_columns()
    {
        TextTable table = new TextTable("segment", "share").AddRow("a|b", 0.5).AddRow("c", 1.0);
        Assert.Equal("| segment | share |\n| --- | ---: |\n| a\\|b | 0.5 |\n| c | 1 |", table.ToMarkdown());
    }

    [Fact]
    public void From_reads_one_row_per_item_and_formats_invariantly()
    {
        var interval = new Interval(0.95, 0.1, 0.3);
        TextTable table = TextTable.From(
            new[] { ("x", 1.23456789, interval) },
            ("name", r => r.Item1),
            ("value", r => r.Item2),
            ("ci", r => r.Item3));

        Assert.Equal(1, table.RowCount);
        Assert.Contains("1.2346", table.ToString(), StringComparison.Ordinal);
        Assert.Contains(interval.ToString(), table.ToString(), StringComparison.Ordinal);
        Assert.Equal("1.23", new TextTable("v") { Decimals = 2 }.AddRow(1.2345).ToString().Split('\n')[2]);
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_rejected_with_both_counts()
    {
        var table = new TextTable("a", "b");
        ArgumentException e = Assert.Throws<ArgumentException>(() => table.AddRow(1));
        Assert.Contains("Row 0 has 1 cells but the table has 2 columns (a, b)", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, table.RowCount);
        Assert.Throws<ArgumentException>(() => new TextTable());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextTable("a") { Decimals = 16 });
    }

    [Property]
    public void Every_plain_text_line_but_the_rule_is_as_wide_as_its_widest_cell_allows(NonEmptyString[] names, int[] counts)
    {
        int n = Math.Min(names.Length, counts.Length);
        var table = new TextTable("name", "count");
        for (int i = 0; i < n; i++)
        {
            table.AddRow(names[i].Get.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal), counts[i]);
        }

        string[] lines = table.ToString().Split('\n');
        Assert.Equal(n + 2, lines.Length);
        int width = lines[1].Length;
        Assert.All(lines, line => Assert.True(line.Length <= width));
        Assert.All(lines[2..], line => Assert.Equal(width, line.Length)); // the count column is right-aligned to the edge
    }
}
