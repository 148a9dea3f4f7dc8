using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// The Cochran–Armitage test for a linear trend in proportions across ordered groups (Cochran 1954; Armitage 1955):
/// does the share of successes rise or fall with the group's score?
/// </summary>
/// <remarks>
/// <para>
/// For groups i with n_i trials, x_i successes and scores t_i, N = Σ n_i and p̄ = Σ x_i / N:
/// <c>T = Σ t_i (x_i − n_i p̄)</c>, <c>Var(T) = p̄ (1 − p̄) [Σ n_i t_i² − (Σ n_i t_i)² / N]</c>, <c>z = T / √Var(T)</c>,
/// two-sided p-value <c>2 Φ(−|z|)</c>. <c>z²</c> is the chi-square for trend with one degree of freedom that R's
/// <c>prop.trend.test</c> reports (no N/(N − 1) factor). <see cref="Slope"/> is the weighted least-squares slope of the
/// group proportions on the scores, <c>T / Σ n_i (t_i − t̄)²</c> with t̄ = Σ n_i t_i / N: the change in the proportion
/// per unit of score, whose sign is the trend's direction.
/// </para>
/// <para>
/// The test assumes independent trials. When trials are clustered (several messages of one customer), the variance is
/// understated and the p-value optimistic. <see cref="Statistic"/>, <see cref="PValue"/> and <see cref="Slope"/> are
/// <see langword="null"/> when the variance is 0: no trials, all successes or all failures, or every trial in groups
/// with the same score.
/// </para>
/// </remarks>
public readonly struct TrendTest : IEquatable<TrendTest>
{
    /// <summary>Creates a test result from its parts (also the JSON constructor).</summary>
    /// <param name="count">Total trials N, ≥ 0.</param>
    /// <param name="successes">Total successes, 0..N.</param>
    /// <param name="statistic">The z statistic, or null when undefined.</param>
    /// <param name="slope">The least-squares slope of proportion on score, or null when undefined.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed the count, or a value is not finite.</exception>
    [JsonConstructor]
    public TrendTest(long count, long successes, double? statistic, double? slope)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, count);
        Count = count;
        Successes = successes;
        Statistic = statistic is { } z ? Guard.Finite(z, nameof(statistic)) : null;
        Slope = slope is { } b ? Guard.Finite(b, nameof(slope)) : null;
    }

    /// <summary>Total trials N.</summary>
    public long Count { get; }

    /// <summary>Total successes.</summary>
    public long Successes { get; }

    /// <summary>The z statistic; positive when the proportion rises with the score. Null when undefined.</summary>
    public double? Statistic { get; }

    /// <summary>The weighted least-squares slope of the proportion on the score (proportion per unit of score). Null when undefined.</summary>
    public double? Slope { get; }

    /// <summary>The two-sided p-value <c>2 Φ(−|z|)</c> of "no linear trend"; null when <see cref="Statistic"/> is null.</summary>
    [JsonIgnore]
    public double? PValue => Statistic is { } z ? 2 * StandardNormal.Cdf(-Math.Abs(z)) : null;

    /// <summary>Runs the Cochran–Armitage test.</summary>
    /// <param name="successes">Successes per group.</param>
    /// <param name="trials">Trials per group, same length; each ≥ its successes.</param>
    /// <param name="scores">The groups' scores, same length, finite (for example 0, 1, 2, … for ordered buckets).</param>
    /// <returns>The test; undefined parts are null (see the remarks).</returns>
    /// <exception cref="ArgumentException">The lengths differ, a count is negative, successes exceed trials, or a score is not finite.</exception>
    public static TrendTest CochranArmitage(ReadOnlySpan<long> successes, ReadOnlySpan<long> trials, ReadOnlySpan<double> scores)
    {
        if (trials.Length != successes.Length)
        {
            ThrowHelper.LengthMismatch(nameof(trials), successes.Length, trials.Length);
        }

        if (scores.Length != successes.Length)
        {
            ThrowHelper.LengthMismatch(nameof(scores), successes.Length, scores.Length);
        }

        long n = 0;
        long x = 0;
        double sumNt = 0;
        for (int i = 0; i < successes.Length; i++)
        {
            if (trials[i] < 0 || successes[i] < 0 || successes[i] > trials[i])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Group {i} has {successes[i]} successes out of {trials[i]} trials; counts must be ≥ 0 and successes ≤ trials."), nameof(successes));
            }

            if (!double.IsFinite(scores[i]))
            {
                ThrowHelper.NonFiniteValue(nameof(scores), i, scores[i]);
            }

            n += trials[i];
            x += successes[i];
            sumNt += trials[i] * scores[i];
        }

        if (n == 0)
        {
            return new TrendTest(0, 0, null, null);
        }

        double p = (double)x / n;
        double mean = sumNt / n;
        double t = 0;
        double sxx = 0;
        for (int i = 0; i < successes.Length; i++)
        {
            double centred = scores[i] - mean;
            t += centred * (successes[i] - (trials[i] * p));
            sxx += trials[i] * centred * centred;
        }

        // Σ n t² − (Σ n t)² / N = Σ n (t − t̄)², computed centred to avoid cancellation; Σ t (x − n p̄) likewise.
        double variance = p * (1 - p) * sxx;
        return variance > 0
            ? new TrendTest(n, x, t / Math.Sqrt(variance), t / sxx)
            : new TrendTest(n, x, null, sxx > 0 ? t / sxx : null);
    }

    /// <inheritdoc />
    public bool Equals(TrendTest other) => Count == other.Count && Successes == other.Successes && Nullable.Equals(Statistic, other.Statistic) && Nullable.Equals(Slope, other.Slope);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TrendTest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Successes, Statistic, Slope);

    /// <summary>Formats as <c>z = 2.31, p = 0.021, slope = 0.012</c>, or <c>—</c> when undefined.</summary>
    /// <returns>The formatted test.</returns>
    public override string ToString() => Statistic is { } z
        ? string.Create(CultureInfo.InvariantCulture, $"z = {z:F2}, p = {PValue:G3}, slope = {Slope:G3}")
        : "—";

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every part is equal.</returns>
    public static bool operator ==(TrendTest left, TrendTest right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any part differs.</returns>
    public static bool operator !=(TrendTest left, TrendTest right) => !left.Equals(right);
}
