using System.Globalization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// RFM rows collapsed to their distinct (x, t_x, T) patterns with a count each, as column arrays: the form every
/// frequency–recency likelihood is evaluated on. Real customer bases repeat patterns heavily (CDNOW: 2,357
/// customers, far fewer patterns; 10⁶ synthetic customers on a day grid, a few thousand), so a likelihood pass costs
/// the number of patterns, not customers.
/// </summary>
internal sealed class RfmTable
{
    private RfmTable(double[] frequency, double[] recency, double[] age, double[] count, int customers)
    {
        Frequency = frequency;
        Recency = recency;
        Age = age;
        Count = count;
        Customers = customers;
    }

    /// <summary>x per pattern.</summary>
    public double[] Frequency { get; }

    /// <summary>t_x per pattern.</summary>
    public double[] Recency { get; }

    /// <summary>T per pattern.</summary>
    public double[] Age { get; }

    /// <summary>The number of customers with the pattern.</summary>
    public double[] Count { get; }

    /// <summary>The number of patterns.</summary>
    public int Length => Count.Length;

    /// <summary>The number of customers.</summary>
    public int Customers { get; }

    /// <summary>Validates every row, then collapses identical patterns.</summary>
    /// <param name="records">The customers.</param>
    /// <param name="paramName">The caller's parameter name, for error messages.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">A row breaks a rule of <see cref="Validate"/>; the message names the customer and position.</exception>
    public static RfmTable Build(ReadOnlySpan<RfmRecord> records, string paramName)
    {
        var index = new Dictionary<(int, double, double), int>(Math.Min(records.Length, 1 << 16));
        var frequency = new List<double>();
        var recency = new List<double>();
        var age = new List<double>();
        var count = new List<double>();
        for (int i = 0; i < records.Length; i++)
        {
            RfmRecord r = records[i];
            Validate(r, i, paramName);
            if (index.TryGetValue((r.Frequency, r.Recency, r.Age), out int slot))
            {
                count[slot]++;
                continue;
            }

            index.Add((r.Frequency, r.Recency, r.Age), count.Count);
            frequency.Add(r.Frequency);
            recency.Add(r.Recency);
            age.Add(r.Age);
            count.Add(1);
        }

        return new RfmTable([.. frequency], [.. recency], [.. age], [.. count], records.Length);
    }

    /// <summary>
    /// The rules every frequency–recency model needs: x ≥ 0; 0 ≤ t_x ≤ T with T finite; t_x = 0 when x = 0.
    /// </summary>
    /// <exception cref="ArgumentException">A rule is broken; the message names the customer, the position, the field and the value.</exception>
    public static void Validate(in RfmRecord record, int position, string paramName)
    {
        string? problem =
            record.Frequency < 0 ? $"frequency is {record.Frequency}; repeat purchases cannot be negative"
            : !(record.Age >= 0 && double.IsFinite(record.Age)) ? $"T (age) is {record.Age}; it must be a finite time >= 0"
            : !(record.Recency >= 0 && double.IsFinite(record.Recency)) ? $"recency is {record.Recency}; it must be a finite time >= 0"
            : record.Recency > record.Age ? $"recency {record.Recency} is greater than T (age) {record.Age}; the last purchase cannot come after the end of the period"
            : record.Frequency == 0 && record.Recency != 0 ? $"recency is {record.Recency} with frequency 0; a customer without repeat purchases has recency 0"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName}[{position}] (customer '{record.CustomerId}'): {problem}. Fix the RFM summary (times in one unit, measured from the first purchase)."),
                paramName);
        }
    }
}
