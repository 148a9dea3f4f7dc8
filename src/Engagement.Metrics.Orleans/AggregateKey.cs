using System.Globalization;
using System.Text;

namespace Engagement.Metrics.Orleans;

/// <summary>
/// The identity of one aggregate grain: tenant, metric, segment and day, formatted as the grain's string key
/// <c>tenant|metric|segment|yyyy-MM-dd</c> with <c>%</c> and <c>|</c> escaped in the free-text parts.
/// </summary>
internal readonly record struct AggregateKey(string Tenant, string Metric, string Segment, DateOnly Day)
{
    public string ToGrainKey()
    {
        var builder = new StringBuilder(Tenant.Length + Metric.Length + Segment.Length + 16);
        Escape(builder, Tenant).Append('|');
        Escape(builder, Metric).Append('|');
        Escape(builder, Segment).Append('|');
        return builder.Append(Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString();
    }

    public static AggregateKey Parse(string grainKey)
    {
        string[] parts = grainKey.Split('|');
        if (parts.Length != 4)
        {
            throw new ArgumentException($"'{grainKey}' is not an aggregate grain key (tenant|metric|segment|yyyy-MM-dd).", nameof(grainKey));
        }

        return new AggregateKey(
            Unescape(parts[0]),
            Unescape(parts[1]),
            Unescape(parts[2]),
            DateOnly.ParseExact(parts[3], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static StringBuilder Escape(StringBuilder builder, string text)
    {
        foreach (char c in text)
        {
            _ = c switch
            {
                '%' => builder.Append("%25"),
                '|' => builder.Append("%7C"),
                _ => builder.Append(c),
            };
        }

        return builder;
    }

    private static string Unescape(string text) =>
        text.Contains('%', StringComparison.Ordinal)
            ? text.Replace("%7C", "|", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal)
            : text;
}
