using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Retention;

/// <summary>
/// The log-rank test of equal survival in two groups (Mantel 1966; Peto &amp; Peto 1972): observed and expected events of
/// each group, the hypergeometric variance, the χ² statistic on 1 degree of freedom and its p-value.
/// </summary>
/// <remarks>
/// At each distinct event time with d events among n = n_A + n_B at risk, E_A += d·n_A/n and
/// V += d·(n_A/n)·(n_B/n)·(n − d)/(n − 1). χ² = (O_A − E_A)²/V, p = P(χ²₁ ≥ χ²) = erfc(√(χ²/2)). Matches
/// R's survival::survdiff and lifelines' logrank_test.
/// </remarks>
public readonly struct LogRankResult : IEquatable<LogRankResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="observedA">O_A, events in group A.</param>
    /// <param name="expectedA">E_A, events expected in group A under equal survival.</param>
    /// <param name="observedB">O_B, events in group B.</param>
    /// <param name="expectedB">E_B, events expected in group B.</param>
    /// <param name="variance">V, the variance of O_A − E_A, ≥ 0.</param>
    [JsonConstructor]
    public LogRankResult(long observedA, double expectedA, long observedB, double expectedB, double variance)
    {
        ObservedA = observedA;
        ExpectedA = expectedA;
        ObservedB = observedB;
        ExpectedB = expectedB;
        Variance = Internal.Guard.NonNegative(variance);
    }

    /// <summary>O_A, events in group A.</summary>
    public long ObservedA { get; }

    /// <summary>E_A, events expected in group A if both groups shared one survival curve.</summary>
    public double ExpectedA { get; }

    /// <summary>O_B, events in group B.</summary>
    public long ObservedB { get; }

    /// <summary>E_B, events expected in group B.</summary>
    public double ExpectedB { get; }

    /// <summary>V, the variance of O_A − E_A.</summary>
    public double Variance { get; }

    /// <summary>χ² = (O_A − E_A)²/V on 1 degree of freedom; <see langword="null"/> when V = 0 (no event time with both groups at risk).</summary>
    [JsonIgnore]
    public double? ChiSquare => Variance > 0 ? (ObservedA - ExpectedA) * (ObservedA - ExpectedA) / Variance : null;

    /// <summary>The p-value P(χ²₁ ≥ χ²) = erfc(√(χ²/2)); <see langword="null"/> when there is no statistic.</summary>
    [JsonIgnore]
    public double? PValue => ChiSquare is double c ? SpecialFunctions.Erfc(Math.Sqrt(c / 2)) : null;

    /// <inheritdoc />
    public bool Equals(LogRankResult other) =>
        ObservedA == other.ObservedA && ExpectedA.Equals(other.ExpectedA) && ObservedB == other.ObservedB &&
        ExpectedB.Equals(other.ExpectedB) && Variance.Equals(other.Variance);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LogRankResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ObservedA, ExpectedA, ObservedB, ExpectedB, Variance);

    /// <summary>Formats as <c>log-rank χ² = 3.84, p = 0.05 (A 10/7.5, B 5/7.5)</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"log-rank χ² = {ChiSquare:G4}, p = {PValue:G3} (A {ObservedA}/{ExpectedA:G4}, B {ObservedB}/{ExpectedB:G4})");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(LogRankResult left, LogRankResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(LogRankResult left, LogRankResult right) => !left.Equals(right);
}
