using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// One customer's recency–frequency–monetary summary over a calibration period, in the convention of the BTYD
/// ("buy till you die") models and of Python lifetimes: the input of BG/NBD, Pareto/NBD, modified BG/NBD and
/// Gamma-Gamma.
/// </summary>
/// <remarks>
/// Time is measured from the customer's first purchase, in one unit (days or weeks) throughout. The first purchase
/// itself is not counted: <see cref="Frequency"/> counts repeat purchases only, and a customer who never came back
/// has frequency 0 and recency 0 (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way").
/// </remarks>
public readonly struct RfmRecord : IEquatable<RfmRecord>
{
    /// <summary>Creates a summary row. Values are checked when a model or calculator reads them, where the position is known.</summary>
    /// <param name="customerId">The customer's identifier, used in error messages and per-customer outputs.</param>
    /// <param name="frequency">x: the number of repeat purchases, ≥ 0.</param>
    /// <param name="recency">t_x: the time of the last repeat purchase since the first purchase; 0 when <paramref name="frequency"/> is 0.</param>
    /// <param name="age">T: the time from the first purchase to the end of the calibration period, ≥ recency.</param>
    /// <param name="monetaryValue">The mean value of the repeat purchases; 0 when there are none.</param>
    [JsonConstructor]
    public RfmRecord(string customerId, int frequency, double recency, double age, double monetaryValue = 0)
    {
        CustomerId = customerId;
        Frequency = frequency;
        Recency = recency;
        Age = age;
        MonetaryValue = monetaryValue;
    }

    /// <summary>The customer's identifier.</summary>
    public string CustomerId { get; }

    /// <summary>x: the number of repeat purchases in the calibration period (the first purchase is not counted).</summary>
    public int Frequency { get; }

    /// <summary>t_x: the time of the last repeat purchase, measured from the first purchase.</summary>
    public double Recency { get; }

    /// <summary>T: the customer's age, the time from the first purchase to the end of the calibration period.</summary>
    public double Age { get; }

    /// <summary>The mean value of the repeat purchases (0 when there are none); only Gamma-Gamma reads it.</summary>
    public double MonetaryValue { get; }

    /// <inheritdoc />
    public bool Equals(RfmRecord other) =>
        string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) && Frequency == other.Frequency &&
        Recency.Equals(other.Recency) && Age.Equals(other.Age) && MonetaryValue.Equals(other.MonetaryValue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RfmRecord other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CustomerId, Frequency, Recency, Age, MonetaryValue);

    /// <summary>Formats as <c>1: x=2, t_x=30.43, T=38.86, m=22.35</c>.</summary>
    /// <returns>The formatted row.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CustomerId}: x={Frequency}, t_x={Recency}, T={Age}, m={MonetaryValue}");

    /// <summary>Compares two rows for equality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(RfmRecord left, RfmRecord right) => left.Equals(right);

    /// <summary>Compares two rows for inequality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(RfmRecord left, RfmRecord right) => !left.Equals(right);
}
