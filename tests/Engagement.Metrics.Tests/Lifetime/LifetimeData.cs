using System.Globalization;
using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.Tests.Lifetime;

/// <summary>Loads the copied lifetimes data sets (see Lifetime/Data/README.md for source and licence).</summary>
internal static class LifetimeData
{
    private static readonly Lazy<RfmRecord[]> Cdnow = new(() =>
        Rows("cdnow_customers_summary_with_transactions.csv")
            .Select(f => new RfmRecord(f[0], Int(f[1]), Double(f[2]), Double(f[3]), Double(f[4])))
            .ToArray());

    private static readonly Lazy<BgBbRecord[]> DonationRows = new(() =>
        Rows("donations.csv")
            .Select(f => new BgBbRecord(Int(f[0]), Int(f[1]), Int(f[2]), Double(f[3])))
            .ToArray());

    /// <summary>The CDNOW 2,357-customer weekly RFM summary (39-week calibration) with the mean repeat spend as the monetary value.</summary>
    public static RfmRecord[] CdnowSummary => Cdnow.Value;

    /// <summary>Donations: 22 weighted (x, t_x, n = 6) patterns, 11,104 donors.</summary>
    public static BgBbRecord[] Donations => DonationRows.Value;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Lifetime", "Data", file);

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadAllLines(PathOf(file))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','));

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
