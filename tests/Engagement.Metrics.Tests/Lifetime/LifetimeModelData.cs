using System.Globalization;
using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.Tests.Lifetime;

/// <summary>The reference data sets in Lifetime/Data (MIT, lifetimes; see Data/README.md).</summary>
internal static class LifetimeModelData
{
    private static readonly Lazy<RfmRecord[]> CdNowRows = new(LoadCdNow);
    private static readonly Lazy<BgBbRecord[]> DonationRows = new(LoadDonations);

    /// <summary>CDNOW: 2,357 customers, 39-week calibration (ID, frequency, recency, T in weeks).</summary>
    public static RfmRecord[] CdNow => CdNowRows.Value;

    /// <summary>Donations: 22 weighted (x, t_x, n = 6) patterns, 11,104 donors.</summary>
    public static BgBbRecord[] Donations => DonationRows.Value;

    private static RfmRecord[] LoadCdNow() =>
        Rows("cdnow_customers_summary.csv")
            .Select(f => new RfmRecord(f[0], Int(f[1]), Double(f[2]), Double(f[3])))
            .ToArray();

    private static BgBbRecord[] LoadDonations() =>
        Rows("donations.csv")
            .Select(f => new BgBbRecord(Int(f[0]), Int(f[1]), Int(f[2]), Double(f[3])))
            .ToArray();

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Lifetime", "Data", file))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','));

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
