using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Retention;

/// <summary>
/// Gross and net revenue retention of the customers present at the start of a period: the recurring revenue they
/// brought then, and how it moved by the end (expansion, contraction, churn).
/// </summary>
/// <remarks>
/// GRR = (R₀ − contraction − churned) / R₀, capped at 100 % by construction (expansion is ignored); NRR =
/// (R₀ + expansion − contraction − churned) / R₀, which exceeds 100 % when expansion outweighs losses. New customers'
/// revenue is excluded from both (the standard SaaS definitions, e.g. KeyBanc/Pacific Crest SaaS surveys).
/// </remarks>
public readonly struct RevenueRetentionResult : IEquatable<RevenueRetentionResult>
{
    /// <summary>Creates a result from its components (also the JSON constructor).</summary>
    /// <param name="startingRevenue">R₀, the start customers' revenue per period at the start, ≥ 0.</param>
    /// <param name="expansion">Revenue gained from start customers who pay more, ≥ 0.</param>
    /// <param name="contraction">Revenue lost from start customers who pay less but stay, ≥ 0.</param>
    /// <param name="churnedRevenue">The start revenue of start customers who left, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A component is negative or not finite, or contraction + churned exceeds R₀.</exception>
    [JsonConstructor]
    public RevenueRetentionResult(double startingRevenue, double expansion, double contraction, double churnedRevenue)
    {
        StartingRevenue = Internal.Guard.NonNegative(startingRevenue);
        Expansion = Internal.Guard.NonNegative(expansion);
        Contraction = Internal.Guard.NonNegative(contraction);
        ChurnedRevenue = Internal.Guard.NonNegative(churnedRevenue);
        if (contraction + churnedRevenue > startingRevenue * (1 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(
                nameof(churnedRevenue),
                churnedRevenue,
                string.Create(CultureInfo.InvariantCulture, $"contraction ({contraction}) + churnedRevenue ({churnedRevenue}) exceeds startingRevenue ({startingRevenue}); losses cannot exceed the revenue there was."));
        }
    }

    /// <summary>R₀, the start customers' revenue at the start.</summary>
    public double StartingRevenue { get; }

    /// <summary>Revenue gained from start customers who pay more.</summary>
    public double Expansion { get; }

    /// <summary>Revenue lost from start customers who pay less but stay.</summary>
    public double Contraction { get; }

    /// <summary>The start revenue of start customers who left.</summary>
    public double ChurnedRevenue { get; }

    /// <summary>Gross revenue retention (R₀ − contraction − churned)/R₀, in [0, 1]; <see langword="null"/> when R₀ = 0.</summary>
    [JsonIgnore]
    public double? Gross => StartingRevenue > 0 ? Math.Max(0, (StartingRevenue - Contraction - ChurnedRevenue) / StartingRevenue) : null;

    /// <summary>Net revenue retention (R₀ + expansion − contraction − churned)/R₀, ≥ 0; <see langword="null"/> when R₀ = 0.</summary>
    [JsonIgnore]
    public double? Net => StartingRevenue > 0 ? Math.Max(0, (StartingRevenue + Expansion - Contraction - ChurnedRevenue) / StartingRevenue) : null;

    /// <inheritdoc />
    public bool Equals(RevenueRetentionResult other) =>
        StartingRevenue.Equals(other.StartingRevenue) && Expansion.Equals(other.Expansion) &&
        Contraction.Equals(other.Contraction) && ChurnedRevenue.Equals(other.ChurnedRevenue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RevenueRetentionResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StartingRevenue, Expansion, Contraction, ChurnedRevenue);

    /// <summary>Formats as <c>GRR 0.9, NRR 1.05 (R₀ 1000)</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"GRR {Gross:G4}, NRR {Net:G4} (R₀ {StartingRevenue})");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(RevenueRetentionResult left, RevenueRetentionResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(RevenueRetentionResult left, RevenueRetentionResult right) => !left.Equals(right);
}
