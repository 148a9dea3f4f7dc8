using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Service;

/// <summary>
/// Contact-driver (request nature) analysis: volume and share per contact reason, the Pareto set, FCR and AHT per
/// reason, and the reasons whose share rose since the previous period.
/// </summary>
/// <remarks>
/// <para>
/// Reasons are ranked by count (descending, ties by reason, ordinal). The Pareto set is the smallest prefix of that
/// ranking whose cumulative share reaches <see cref="ServiceOptions.ParetoShare"/> (default 80 %).
/// </para>
/// <para>
/// <b>Rising reasons.</b> For each reason the change in share Δ = p₁ − p₀ is tested with the unpooled two-proportion
/// z test: <c>SE = √(p₁(1 − p₁)/n₁ + p₀(1 − p₀)/n₀)</c> via <see cref="Comparison.Normal"/>; a reason is rising when
/// the two-sided interval at <see cref="ServiceOptions.ConfidenceLevel"/> lies above 0. Shares of one period are not
/// independent of each other (they add up to 1), so with many reasons read the flags as a screen, not as a
/// family-wise test; a reason absent in one period has SE 0 on that side.
/// </para>
/// </remarks>
public static class ContactDrivers
{
    /// <summary>Ranks the reasons of a period and compares them with the previous period.</summary>
    /// <param name="current">The KPIs of each reason in the current period, for example <see cref="SegmentedServiceAccumulator{TKey}.ToResults"/> keyed by reason.</param>
    /// <param name="previous">The same for the previous period, or <see langword="null"/> for no comparison.</param>
    /// <param name="options">Pareto share and confidence level; <see cref="ServiceOptions.Default"/> when null.</param>
    /// <returns>One row per reason of the current period, largest first; empty when there is none.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IReadOnlyList<ContactDriver> Analyze(
        IReadOnlyDictionary<string, ServiceResult> current,
        IReadOnlyDictionary<string, ServiceResult>? previous = null,
        ServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        options = (options ?? ServiceOptions.Default).Validate();
        var ranked = new List<KeyValuePair<string, ServiceResult>>(current);
        ranked.Sort(static (a, b) =>
        {
            int byCount = b.Value.Contacts.CompareTo(a.Value.Contacts);
            return byCount != 0 ? byCount : string.CompareOrdinal(a.Key, b.Key);
        });

        long total = 0;
        foreach (KeyValuePair<string, ServiceResult> pair in ranked)
        {
            total += pair.Value.Contacts;
        }

        long previousTotal = 0;
        if (previous is not null)
        {
            foreach (ServiceResult result in previous.Values)
            {
                previousTotal += result.Contacts;
            }
        }

        var drivers = new ContactDriver[ranked.Count];
        long cumulative = 0;
        for (int i = 0; i < ranked.Count; i++)
        {
            (string reason, ServiceResult result) = ranked[i];
            bool inPareto = total > 0 && (double)cumulative / total < options.ParetoShare;
            cumulative += result.Contacts;
            long before = previous is not null && previous.TryGetValue(reason, out ServiceResult old) ? old.Contacts : 0;
            drivers[i] = new ContactDriver(
                reason,
                result.Contacts,
                total,
                total > 0 ? (double)cumulative / total : 0,
                inPareto,
                result.Fcr,
                result.Aht,
                before,
                previousTotal,
                ShareChange(result.Contacts, total, before, previousTotal, options.ConfidenceLevel));
        }

        return drivers;
    }

    private static Comparison ShareChange(long count, long total, long previousCount, long previousTotal, double level)
    {
        if (total == 0 || previousTotal == 0)
        {
            return Comparison.Normal(null, null, null, null, level);
        }

        double p1 = (double)count / total;
        double p0 = (double)previousCount / previousTotal;
        return Comparison.Normal(p1, Math.Sqrt(p1 * (1 - p1) / total), p0, Math.Sqrt(p0 * (1 - p0) / previousTotal), level);
    }
}
