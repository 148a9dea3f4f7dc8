using Engagement.Metrics.Retention;

namespace Engagement.Metrics.Tests.Retention;

/// <summary>Shared retention test data.</summary>
internal static class RetentionData
{
    public static readonly DateOnly Jan1 = new(2025, 1, 1);
    public static readonly DateOnly Feb1 = new(2025, 2, 1);

    /// <summary>
    /// Survivors per 1,000 customers at the start of years 0–12, Table 1 of Fader &amp; Hardie (2007), "How to project
    /// customer retention", J. Interactive Marketing 21(1) (also ../shared/datasets/sbg-retention). Factual figures.
    /// </summary>
    public static readonly long[] Regular = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];

    /// <inheritdoc cref="Regular"/>
    public static readonly long[] HighEnd = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394];

    /// <summary>
    /// The worked example of docs/metrics/churn.md, period January 2025 = [2025-01-01, 2025-02-01):
    /// a, b, c at the start (b lost on Jan 10); d, e, h acquired (e and h lost); f gone before; g starts after.
    /// </summary>
    public static CustomerRecord[] January() =>
    [
        new("a", new DateOnly(2024, 6, 1)),
        new("b", new DateOnly(2024, 11, 15), new DateOnly(2025, 1, 10)),
        new("c", new DateOnly(2024, 12, 1), new DateOnly(2025, 2, 1)),
        new("d", new DateOnly(2025, 1, 1)),
        new("e", new DateOnly(2025, 1, 20), new DateOnly(2025, 1, 25)),
        new("f", new DateOnly(2024, 3, 1), new DateOnly(2024, 12, 31)),
        new("g", new DateOnly(2025, 2, 10)),
        new("h", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1)),
    ];

    /// <summary>Deterministic records from arbitrary integers: starts over ~2 years, about a third still active.</summary>
    public static CustomerRecord[] FromInts(int[] raw)
    {
        raw ??= [];
        var records = new CustomerRecord[raw.Length];
        var origin = new DateOnly(2024, 1, 1);
        for (int i = 0; i < raw.Length; i++)
        {
            uint x = unchecked((uint)raw[i] * 2654435761u);
            DateOnly start = origin.AddDays((int)(x % 730));
            uint y = x / 730;
            DateOnly? end = y % 3 == 0 ? null : start.AddDays((int)(y % 400));
            records[i] = new CustomerRecord("c" + i, start, end);
        }

        return records;
    }
}
