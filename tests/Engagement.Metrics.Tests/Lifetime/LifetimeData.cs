using System.Globalization;
using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.Tests.Lifetime;

/// <summary>Loads the copied lifetimes data sets (see Lifetime/Data/README.md for source and licence).</summary>
internal static class LifetimeData
{
    private static readonly Lazy<RfmRecord[]> Cdnow = new(LoadCdnow);

    /// <summary>The CDNOW 2,357-customer weekly RFM summary with the mean repeat spend as the monetary value.</summary>
    public static RfmRecord[] CdnowSummary => Cdnow.Value;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Lifetime", "Data", file);

    private static RfmRecord[] LoadCdnow()
    {
        string[] lines = File.ReadAllLines(PathOf("cdnow_customers_summary_with_transactions.csv"));
        var records = new RfmRecord[lines.Length - 1];
        for (int i = 1; i < lines.Length; i++)
        {
            string[] f = lines[i].Split(',');
            records[i - 1] = new RfmRecord(
                f[0], int.Parse(f[1], CultureInfo.InvariantCulture), Parse(f[2]), Parse(f[3]), Parse(f[4]));
        }

        return records;
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
