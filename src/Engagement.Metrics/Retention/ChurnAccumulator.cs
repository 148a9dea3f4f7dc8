using System.Text.Json.Serialization;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Retention;

/// <summary>
/// Streams customer records into the churn counts of one period [<see cref="From"/>, <see cref="To"/>) and merges
/// with accumulators of the same period, so partitions of a customer base can be counted separately.
/// </summary>
/// <remarks>
/// The state is the five counts of <see cref="ChurnResult"/>; merging adds them, so it is exact, associative and
/// commutative. Each customer must be added once across all partitions. Not thread-safe: one per thread, then merge.
/// </remarks>
public sealed class ChurnAccumulator : IMergeableAccumulator<ChurnAccumulator>
{
    private ChurnTally _tally;

    /// <summary>Creates an empty accumulator for the period [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The day after the period (exclusive).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public ChurnAccumulator(DateOnly from, DateOnly to)
    {
        ChurnErrors.Period(from, to);
        From = from;
        To = to;
    }

    /// <summary>Restores an accumulator from its state, for example after JSON deserialization.</summary>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The day after the period (exclusive).</param>
    /// <param name="startCustomers">S, ≥ 0.</param>
    /// <param name="acquired">N, ≥ 0.</param>
    /// <param name="lostFromStart">L_S, 0 ≤ L_S ≤ S.</param>
    /// <param name="lostFromAcquired">Acquired and lost, 0 ≤ · ≤ N.</param>
    /// <param name="customerDays">Customer-days at risk, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The state is inconsistent.</exception>
    [JsonConstructor]
    public ChurnAccumulator(DateOnly from, DateOnly to, long startCustomers, long acquired, long lostFromStart, long lostFromAcquired, long customerDays)
    {
        // The result's constructor checks every rule once.
        _ = new ChurnResult(ChurnMethod.Simple, from, to, startCustomers, acquired, lostFromStart, lostFromAcquired, customerDays);
        From = from;
        To = to;
        _tally = new ChurnTally
        {
            StartCustomers = startCustomers,
            Acquired = acquired,
            LostFromStart = lostFromStart,
            LostFromAcquired = lostFromAcquired,
            CustomerDays = customerDays,
        };
    }

    /// <summary>The first day of the period.</summary>
    public DateOnly From { get; }

    /// <summary>The day after the period (exclusive).</summary>
    public DateOnly To { get; }

    /// <summary>S so far.</summary>
    public long StartCustomers => _tally.StartCustomers;

    /// <summary>N so far.</summary>
    public long Acquired => _tally.Acquired;

    /// <summary>L_S so far.</summary>
    public long LostFromStart => _tally.LostFromStart;

    /// <summary>Acquired-and-lost so far.</summary>
    public long LostFromAcquired => _tally.LostFromAcquired;

    /// <summary>Customer-days at risk so far.</summary>
    public long CustomerDays => _tally.CustomerDays;

    /// <summary>The customers counted in the period: those active at its start plus those acquired during it (S + N).</summary>
    /// <remarks>Customers who ended before the period or started after it are read but not counted.</remarks>
    [JsonIgnore]
    public long Count => StartCustomers + Acquired;

    /// <summary>Creates an empty accumulator for the same period.</summary>
    /// <returns>The new accumulator.</returns>
    public ChurnAccumulator CreateEmpty() => new(From, To);

    /// <summary>Adds one customer.</summary>
    /// <param name="customer">The customer.</param>
    public void Add(in CustomerRecord customer) => _tally.Add(new ReadOnlySpan<CustomerRecord>(in customer), From, To);

    /// <summary>Adds customers (records are valid by construction, so a batch is never half-applied).</summary>
    /// <param name="customers">The customers.</param>
    public void AddRange(ReadOnlySpan<CustomerRecord> customers) => _tally.Add(customers, From, To);

    /// <summary>Adds another accumulator's counts.</summary>
    /// <param name="other">An accumulator of the same period.</param>
    /// <exception cref="ArgumentException">The periods differ.</exception>
    public void Merge(ChurnAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.From != From || other.To != To)
        {
            throw new ArgumentException($"Cannot merge churn counts of {other.From:yyyy-MM-dd}..{other.To:yyyy-MM-dd} into {From:yyyy-MM-dd}..{To:yyyy-MM-dd}; accumulate each period separately.", nameof(other));
        }

        _tally.StartCustomers += other._tally.StartCustomers;
        _tally.Acquired += other._tally.Acquired;
        _tally.LostFromStart += other._tally.LostFromStart;
        _tally.LostFromAcquired += other._tally.LostFromAcquired;
        _tally.CustomerDays += other._tally.CustomerDays;
    }

    /// <summary>The churn of the customers added so far.</summary>
    /// <param name="method">The rate to report as <see cref="ChurnResult.Rate"/>.</param>
    /// <returns>The result.</returns>
    public ChurnResult ToResult(ChurnMethod method = ChurnMethod.Simple) => _tally.ToResult(method, From, To);
}
