using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.Tests.Lifetime;

public sealed class RfmTableTests
{
    [Fact]
    public void Identical_patterns_collapse_into_one_row_with_their_count()
    {
        RfmRecord[] records =
        [
            new("a", 2, 30.43, 38.86), new("b", 0, 0, 38.86), new("c", 2, 30.43, 38.86), new("d", 0, 0, 38.86), new("e", 0, 0, 27),
        ];

        var table = RfmTable.Build(records, "records");

        Assert.Equal(5, table.Customers);
        Assert.Equal(3, table.Length);
        Assert.Equal([2.0, 2.0, 1.0], table.Count);
        Assert.Equal([2.0, 0.0, 0.0], table.Frequency);
        Assert.Equal([38.86, 38.86, 27.0], table.Age);
    }

    [Theory]
    [InlineData(-1, 0, 10, "frequency is -1")]
    [InlineData(2, 12, 10, "recency 12 is greater than T (age) 10")]
    [InlineData(0, 3, 10, "recency is 3 with frequency 0")]
    [InlineData(1, 3, double.NaN, "T (age) is NaN")]
    [InlineData(1, -3, 10, "recency is -3")]
    public void A_bad_row_is_named_by_customer_and_position(int frequency, double recency, double age, string expected)
    {
        RfmRecord[] records = [new("ok", 1, 2, 10), new("c42", frequency, recency, age)];

        var error = Assert.Throws<ArgumentException>(() => RfmTable.Build(records, "records"));

        Assert.Contains("records[1] (customer 'c42')", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
