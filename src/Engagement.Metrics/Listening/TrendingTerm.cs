using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Listening;

/// <summary>A theme whose frequency rose significantly in the current period against a baseline period.</summary>
public readonly struct TrendingTerm : IEquatable<TrendingTerm>
{
    /// <summary>Creates a trending term (also the JSON constructor).</summary>
    /// <param name="term">The folded term.</param>
    /// <param name="words">The number of words, 1..3.</param>
    /// <param name="currentCount">Occurrences in the current period (a).</param>
    /// <param name="currentTotal">All occurrences of terms with as many words in the current period (c).</param>
    /// <param name="baselineCount">Occurrences in the baseline period (b).</param>
    /// <param name="baselineTotal">All occurrences of terms with as many words in the baseline period (d).</param>
    /// <param name="logLikelihood">Dunning's G² for the 2×2 table.</param>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is null.</exception>
    [JsonConstructor]
    public TrendingTerm(string term, int words, long currentCount, long currentTotal, long baselineCount, long baselineTotal, double logLikelihood)
    {
        ArgumentNullException.ThrowIfNull(term);
        Term = term;
        Words = words;
        CurrentCount = currentCount;
        CurrentTotal = currentTotal;
        BaselineCount = baselineCount;
        BaselineTotal = baselineTotal;
        LogLikelihood = logLikelihood;
    }

    /// <summary>The folded term.</summary>
    public string Term { get; }

    /// <summary>The number of words in the term.</summary>
    public int Words { get; }

    /// <summary>Occurrences in the current period.</summary>
    public long CurrentCount { get; }

    /// <summary>All occurrences of terms with as many words in the current period (the corpus size).</summary>
    public long CurrentTotal { get; }

    /// <summary>Occurrences in the baseline period.</summary>
    public long BaselineCount { get; }

    /// <summary>All occurrences of terms with as many words in the baseline period.</summary>
    public long BaselineTotal { get; }

    /// <summary>Dunning's log-likelihood ratio statistic G² (≥ 0; χ² with one degree of freedom under no change).</summary>
    public double LogLikelihood { get; }

    /// <summary>The term's rate in the current period, per 1 000 occurrences; <see langword="null"/> for an empty period.</summary>
    [JsonIgnore]
    public double? CurrentPerThousand => CurrentTotal > 0 ? 1000.0 * CurrentCount / CurrentTotal : null;

    /// <summary>The term's rate in the baseline period, per 1 000 occurrences; <see langword="null"/> for an empty period.</summary>
    [JsonIgnore]
    public double? BaselinePerThousand => BaselineTotal > 0 ? 1000.0 * BaselineCount / BaselineTotal : null;

    /// <summary>
    /// The ratio of the two rates, current / baseline; <see langword="null"/> when the term is new (baseline count 0)
    /// or a period is empty.
    /// </summary>
    [JsonIgnore]
    public double? RateRatio => BaselineCount > 0 && CurrentTotal > 0 ? ((double)CurrentCount / CurrentTotal) / ((double)BaselineCount / BaselineTotal) : null;

    /// <summary>The p-value of G² under the χ² distribution with one degree of freedom: <c>erfc(√(G²/2))</c>.</summary>
    [JsonIgnore]
    public double PValue => Statistics.SpecialFunctions.Erfc(Math.Sqrt(LogLikelihood / 2));

    /// <inheritdoc />
    public bool Equals(TrendingTerm other) =>
        string.Equals(Term, other.Term, StringComparison.Ordinal) && Words == other.Words && CurrentCount == other.CurrentCount
        && CurrentTotal == other.CurrentTotal && BaselineCount == other.BaselineCount && BaselineTotal == other.BaselineTotal
        && LogLikelihood.Equals(other.LogLikelihood);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TrendingTerm other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Term, CurrentCount, BaselineCount, LogLikelihood);

    /// <summary>Formats as <c>refund: 5 → 42, G² = 61.2</c>.</summary>
    /// <returns>The formatted term.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Term}: {BaselineCount} -> {CurrentCount}, G2 = {LogLikelihood:0.##}");

    /// <summary>Compares two trending terms for equality.</summary>
    /// <param name="left">The first term.</param>
    /// <param name="right">The second term.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(TrendingTerm left, TrendingTerm right) => left.Equals(right);

    /// <summary>Compares two trending terms for inequality.</summary>
    /// <param name="left">The first term.</param>
    /// <param name="right">The second term.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(TrendingTerm left, TrendingTerm right) => !left.Equals(right);
}
