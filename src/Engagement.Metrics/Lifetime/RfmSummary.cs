using System.Globalization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// Turns a transaction log into the RFM rows the repeat-purchase models take, in the convention of Python lifetimes'
/// <c>summary_data_from_transaction_data</c> and <c>calibration_and_holdout_data</c>.
/// </summary>
/// <remarks>
/// Per customer, purchases on the same calendar day collapse into one (their amounts add up). Then, with day 0 the
/// first purchase day: frequency x = purchase days − 1 (repeat purchases only); recency t_x = last purchase day − day 0;
/// T = observation end − day 0; monetary value = the mean amount of the repeat purchase days (0 when x = 0). Times are
/// in days, or days/7 for <see cref="RfmTimeUnit.Weeks"/>. Transactions after the observation end are ignored, so a
/// customer whose first purchase comes later does not appear. Rows come out in the order in which customers first
/// appear in the input. Cost: one sort of the transactions, no per-transaction allocation.
/// </remarks>
public static class RfmSummary
{
    /// <summary>Summarises every customer's purchases up to and including <paramref name="observationEnd"/>.</summary>
    /// <param name="transactions">The transactions, in any order.</param>
    /// <param name="observationEnd">The last day observed (inclusive); T is measured to it.</param>
    /// <param name="options">The time unit; <see langword="null"/> for <see cref="RfmSummaryOptions.Default"/> (days).</param>
    /// <returns>One row per customer; empty for no transactions.</returns>
    /// <exception cref="ArgumentException">A transaction has no customer id or a non-finite amount (the message names the position).</exception>
    public static RfmRecord[] FromTransactions(ReadOnlySpan<CustomerTransaction> transactions, DateOnly observationEnd, RfmSummaryOptions? options = null)
    {
        CalibrationHoldoutSummary summary = Summarise(transactions, observationEnd, observationEnd, options, nameof(transactions));
        return summary.CalibrationArray;
    }

    /// <summary>
    /// Splits the log at <paramref name="calibrationEnd"/>: RFM rows over the calibration period for every customer
    /// whose first purchase falls in it, and their purchase days in the holdout period (calibrationEnd, observationEnd]
    /// to check predictions against.
    /// </summary>
    /// <param name="transactions">The transactions, in any order.</param>
    /// <param name="calibrationEnd">The last day of the calibration period (inclusive).</param>
    /// <param name="observationEnd">The last day of the holdout period (inclusive), after <paramref name="calibrationEnd"/>.</param>
    /// <param name="options">The time unit; <see langword="null"/> for days.</param>
    /// <returns>The split summary.</returns>
    /// <exception cref="ArgumentException">A transaction is invalid, or <paramref name="observationEnd"/> is not after <paramref name="calibrationEnd"/>.</exception>
    public static CalibrationHoldoutSummary CalibrationAndHoldout(ReadOnlySpan<CustomerTransaction> transactions, DateOnly calibrationEnd, DateOnly observationEnd, RfmSummaryOptions? options = null)
    {
        if (observationEnd <= calibrationEnd)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"observationEnd {observationEnd:yyyy-MM-dd} is not after calibrationEnd {calibrationEnd:yyyy-MM-dd}; the holdout period (calibrationEnd, observationEnd] must not be empty."),
                nameof(observationEnd));
        }

        return Summarise(transactions, calibrationEnd, observationEnd, options, nameof(transactions));
    }

    private static CalibrationHoldoutSummary Summarise(ReadOnlySpan<CustomerTransaction> transactions, DateOnly calibrationEnd, DateOnly observationEnd, RfmSummaryOptions? options, string paramName)
    {
        RfmSummaryOptions settings = (options ?? RfmSummaryOptions.Default).Validate();
        double unit = settings.TimeUnit == RfmTimeUnit.Weeks ? 7 : 1;
        for (int i = 0; i < transactions.Length; i++)
        {
            ref readonly CustomerTransaction t = ref transactions[i];
            if (string.IsNullOrEmpty(t.CustomerId))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName}[{i}] has no customer id; every transaction needs one."), paramName);
            }

            if (!double.IsFinite(t.Amount))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName}[{i}] (customer '{t.CustomerId}'): amount is {t.Amount}; it must be a finite number."), paramName);
            }
        }

        // Key = customer slot (order of first appearance) in the high 32 bits, day number in the low 32: one sort
        // groups each customer's purchases by day.
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        long[] keys = new long[transactions.Length];
        double[] amounts = new double[transactions.Length];
        int kept = 0;
        int endDay = observationEnd.DayNumber;
        for (int i = 0; i < transactions.Length; i++)
        {
            ref readonly CustomerTransaction t = ref transactions[i];
            if (t.Date.DayNumber > endDay)
            {
                continue;
            }

            if (!slots.TryGetValue(t.CustomerId, out int slot))
            {
                slot = ids.Count;
                slots.Add(t.CustomerId, slot);
                ids.Add(t.CustomerId);
            }

            keys[kept] = ((long)slot << 32) | (uint)t.Date.DayNumber;
            amounts[kept] = t.Amount;
            kept++;
        }

        Array.Sort(keys, amounts, 0, kept);
        int calibrationDay = calibrationEnd.DayNumber;
        var calibration = new List<RfmRecord>(ids.Count);
        var holdoutPurchases = new List<int>(ids.Count);
        var holdoutValue = new List<double>(ids.Count);
        int start = 0;
        while (start < kept)
        {
            int slot = (int)(keys[start] >> 32);
            int first = (int)(uint)keys[start];
            int last = first, repeatDays = 0, holdoutDays = 0, previous = -1;
            double repeatSum = 0, holdoutSum = 0;
            int end = start;
            for (; end < kept && (int)(keys[end] >> 32) == slot; end++)
            {
                int day = (int)(uint)keys[end];
                bool newDay = day != previous;
                previous = day;
                if (day <= calibrationDay)
                {
                    if (day != first)
                    {
                        repeatSum += amounts[end];
                        repeatDays += newDay ? 1 : 0;
                        last = day;
                    }
                }
                else
                {
                    holdoutSum += amounts[end];
                    holdoutDays += newDay ? 1 : 0;
                }
            }

            if (first <= calibrationDay)
            {
                calibration.Add(new RfmRecord(
                    ids[slot], repeatDays, (last - first) / unit, (calibrationDay - first) / unit, repeatDays > 0 ? repeatSum / repeatDays : 0));
                holdoutPurchases.Add(holdoutDays);
                holdoutValue.Add(holdoutDays > 0 ? holdoutSum / holdoutDays : 0);
            }

            start = end;
        }

        return new CalibrationHoldoutSummary(calibration.ToArray(), holdoutPurchases.ToArray(), holdoutValue.ToArray(), (endDay - calibrationDay) / unit, settings.TimeUnit);
    }
}
