using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Retention;

/// <summary>
/// One customer of a subscription (contractual) business: an id, the day the relationship started, the day it ended
/// (if it has) and, optionally, the revenue it brings per period.
/// </summary>
/// <remarks>
/// <para>
/// Date convention (used by every retention calculator): a customer is <em>active on day d</em> when
/// <c>Start ≤ d &lt; End</c> (no end: active from <see cref="Start"/> on). <see cref="End"/> is the first day the
/// customer is no longer a customer: the day of the cancellation. A customer with <c>End == Start</c> churned on the
/// day they joined and was never active.
/// </para>
/// <para>For a period [from, to) (to exclusive): the customer is <em>lost in the period</em> when from ≤ End &lt; to,
/// <em>acquired in the period</em> when from ≤ Start &lt; to, counted at the <em>start</em> when Start &lt; from ≤ End
/// (or no end), and counted at the <em>end</em> when Start &lt; to ≤ End (or no end).</para>
/// </remarks>
public readonly struct CustomerRecord : IEquatable<CustomerRecord>
{
    /// <summary>Creates a record.</summary>
    /// <param name="id">The customer id, used in error messages; may be empty but not null.</param>
    /// <param name="start">The day the customer started.</param>
    /// <param name="end">The day the customer churned (first day no longer a customer), or <see langword="null"/> when still active.</param>
    /// <param name="revenue">Revenue per period (for example monthly recurring revenue), finite and ≥ 0, or <see langword="null"/> when unknown.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revenue"/> is negative or not finite.</exception>
    [JsonConstructor]
    public CustomerRecord(string id, DateOnly start, DateOnly? end = null, double? revenue = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (end is DateOnly e && e < start)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Customer '{id}' has end date {e:yyyy-MM-dd} before its start date {start:yyyy-MM-dd}; an end must be on or after the start (fix or drop the record)."),
                nameof(end));
        }

        if (revenue is double r && !(r >= 0 && double.IsFinite(r)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(revenue),
                r,
                string.Create(CultureInfo.InvariantCulture, $"Customer '{id}' has revenue {r}; revenue must be a finite number >= 0."));
        }

        Id = id;
        Start = start;
        End = end;
        Revenue = revenue;
    }

    /// <summary>The customer id.</summary>
    public string Id { get; }

    /// <summary>The day the customer started (first active day).</summary>
    public DateOnly Start { get; }

    /// <summary>The day the customer churned (first day no longer active), or <see langword="null"/> when still active.</summary>
    public DateOnly? End { get; }

    /// <summary>Revenue per period, or <see langword="null"/> when unknown.</summary>
    public double? Revenue { get; }

    /// <summary>Whether the customer is active on <paramref name="day"/>: Start ≤ day &lt; End.</summary>
    /// <param name="day">The day.</param>
    /// <returns><see langword="true"/> when active.</returns>
    public bool IsActiveOn(DateOnly day) => Start <= day && (End is not DateOnly e || day < e);

    /// <inheritdoc />
    public bool Equals(CustomerRecord other) =>
        string.Equals(Id, other.Id, StringComparison.Ordinal) && Start == other.Start && End == other.End && Nullable.Equals(Revenue, other.Revenue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomerRecord other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Start, End, Revenue);

    /// <summary>Formats as <c>c17 2025-01-03..2025-06-01</c>.</summary>
    /// <returns>The formatted record.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id} {Start:yyyy-MM-dd}..{(End is DateOnly e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "active")}");

    /// <summary>Compares two records for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CustomerRecord left, CustomerRecord right) => left.Equals(right);

    /// <summary>Compares two records for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(CustomerRecord left, CustomerRecord right) => !left.Equals(right);
}
