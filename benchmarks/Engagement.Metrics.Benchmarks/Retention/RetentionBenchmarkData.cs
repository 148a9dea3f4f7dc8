using Engagement.Metrics.Retention;

namespace Engagement.Metrics.Benchmarks.Retention;

/// <summary>Seeded customer bases: starts over three years, a monthly churn hazard, about a third still active.</summary>
internal static class RetentionBenchmarkData
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    public static CustomerRecord[] Customers(int count)
    {
        var random = new Random(42);
        var origin = new DateOnly(2023, 1, 1);
        var customers = new CustomerRecord[count];
        for (int i = 0; i < count; i++)
        {
            DateOnly start = origin.AddDays(random.Next(0, 1095));
            int lifetime = (int)(-Math.Log(1 - random.NextDouble()) * 400);
            DateOnly end = start.AddDays(lifetime);
            customers[i] = new CustomerRecord("c" + i, start, end <= AsOf ? end : null);
        }

        return customers;
    }
}
