using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// One row of discrete-opportunity repeat-transaction data for the BG/BB model: a recency/frequency pattern
/// (x, t_x, n) and how many customers share it.
/// </summary>
/// <remarks>
/// Opportunities are numbered 1…n after the initial transaction (for example the years 1996–2001 after a donor's
/// first gift in 1995). A customer with no repeat transaction has x = 0 and t_x = 0 (Fader, Hardie &amp; Shang 2010,
/// "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", <i>Marketing Science</i> 29(6)). Values are
/// checked where they are read, where the row position is known.
/// </remarks>
public readonly struct BgBbRecord : IEquatable<BgBbRecord>
{
    /// <summary>Creates a row.</summary>
    /// <param name="frequency">x: the number of opportunities with a repeat transaction, 0 ≤ x ≤ t_x.</param>
    /// <param name="recency">t_x: the opportunity of the last repeat transaction, 0 when x = 0, ≤ n.</param>
    /// <param name="periods">n: the number of transaction opportunities observed, ≥ 0.</param>
    /// <param name="weight">The number of customers with this pattern (1 for one customer per row), finite and ≥ 0.</param>
    [JsonConstructor]
    public BgBbRecord(int frequency, int recency, int periods, double weight = 1)
    {
        Frequency = frequency;
        Recency = recency;
        Periods = periods;
        Weight = weight;
    }

    /// <summary>x: the number of opportunities with a repeat transaction.</summary>
    public int Frequency { get; }

    /// <summary>t_x: the opportunity (1…n) of the last repeat transaction; 0 when there is none.</summary>
    public int Recency { get; }

    /// <summary>n: the number of transaction opportunities observed.</summary>
    public int Periods { get; }

    /// <summary>The number of customers with this pattern.</summary>
    public double Weight { get; }

    /// <inheritdoc />
    public bool Equals(BgBbRecord other) =>
        Frequency == other.Frequency && Recency == other.Recency && Periods == other.Periods && Weight.Equals(other.Weight);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BgBbRecord other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Frequency, Recency, Periods, Weight);

    /// <summary>Formats as <c>x=2, t_x=4, n=6 (×229)</c>.</summary>
    /// <returns>The formatted row.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"x={Frequency}, t_x={Recency}, n={Periods} (×{Weight})");

    /// <summary>Compares two rows for equality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(BgBbRecord left, BgBbRecord right) => left.Equals(right);

    /// <summary>Compares two rows for inequality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(BgBbRecord left, BgBbRecord right) => !left.Equals(right);
}
