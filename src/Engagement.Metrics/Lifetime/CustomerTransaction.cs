using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Lifetime;

/// <summary>One purchase: who bought, on which day, for how much. The input of <see cref="RfmSummary"/>.</summary>
/// <remarks>
/// The RFM summaries work on a day grid (purchases on the same day count as one, the lifetimes convention), so a
/// transaction keeps its calendar date. A <see cref="DateTimeOffset"/> is reduced to the date of its own clock
/// (<see cref="DateTimeOffset.DateTime"/>): convert timestamps to the business's time zone first if they come in UTC.
/// </remarks>
public readonly struct CustomerTransaction : IEquatable<CustomerTransaction>
{
    /// <summary>Creates a transaction on a calendar date.</summary>
    /// <param name="customerId">The customer's identifier (checked when summarised: not null or empty).</param>
    /// <param name="date">The day of the purchase.</param>
    /// <param name="amount">The value of the purchase, in money (checked when summarised: finite).</param>
    [JsonConstructor]
    public CustomerTransaction(string customerId, DateOnly date, double amount)
    {
        CustomerId = customerId;
        Date = date;
        Amount = amount;
    }

    /// <summary>Creates a transaction from a timestamp; the date is that of the timestamp's own offset.</summary>
    /// <param name="customerId">The customer's identifier.</param>
    /// <param name="timestamp">When the purchase happened.</param>
    /// <param name="amount">The value of the purchase, in money.</param>
    public CustomerTransaction(string customerId, DateTimeOffset timestamp, double amount)
        : this(customerId, DateOnly.FromDateTime(timestamp.DateTime), amount)
    {
    }

    /// <summary>The customer's identifier.</summary>
    public string CustomerId { get; }

    /// <summary>The day of the purchase.</summary>
    public DateOnly Date { get; }

    /// <summary>The value of the purchase, in money.</summary>
    public double Amount { get; }

    /// <inheritdoc />
    public bool Equals(CustomerTransaction other) =>
        string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) && Date == other.Date && Amount.Equals(other.Amount);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomerTransaction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CustomerId, Date, Amount);

    /// <summary>Formats as <c>42 2024-03-01 19.99</c>.</summary>
    /// <returns>The formatted transaction.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CustomerId} {Date:yyyy-MM-dd} {Amount}");

    /// <summary>Compares two transactions for equality.</summary>
    /// <param name="left">The first transaction.</param>
    /// <param name="right">The second transaction.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CustomerTransaction left, CustomerTransaction right) => left.Equals(right);

    /// <summary>Compares two transactions for inequality.</summary>
    /// <param name="left">The first transaction.</param>
    /// <param name="right">The second transaction.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(CustomerTransaction left, CustomerTransaction right) => !left.Equals(right);
}
