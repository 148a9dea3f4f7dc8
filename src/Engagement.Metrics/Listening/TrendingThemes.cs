namespace Engagement.Metrics.Listening;

/// <summary>
/// Trending themes: terms whose frequency rose significantly in a current period against a baseline period, by
/// Dunning's log-likelihood ratio test.
/// </summary>
/// <remarks>
/// <para>
/// For a term with <c>a</c> occurrences among <c>c</c> term occurrences (of the same number of words) in the current
/// period and <c>b</c> among <c>d</c> in the baseline, the 2×2 table is (a, c − a; b, d − b) and
/// <c>G² = 2 Σ O ln(O / E)</c> over its four cells, with expected counts from the pooled rate (a + b) / (c + d) and
/// <c>0 · ln 0 = 0</c>. This is the binomial likelihood ratio of Dunning, T. (1993), "Accurate Methods for the
/// Statistics of Surprise and Coincidence", <i>Computational Linguistics</i> 19(1), 61–74: under "same rate in both
/// periods" G² is asymptotically χ² with one degree of freedom, and unlike Pearson's χ² it stays reliable for the
/// rare terms that dominate text.
/// </para>
/// <para>
/// A term is reported when <c>a ≥ MinimumCount</c>, its rate rose (<c>a / c &gt; b / d</c>; falls are not reported)
/// and <c>G² ≥ Threshold</c>. Terms new in the current period (b = 0) are tested like any other; an empty baseline reports nothing.
/// </para>
/// </remarks>
public static class TrendingThemes
{
    /// <summary>Dunning's G² for a term seen <paramref name="a"/> times out of <paramref name="c"/> and <paramref name="b"/> times out of <paramref name="d"/>.</summary>
    /// <param name="a">Occurrences in the current period, 0 ≤ a ≤ c.</param>
    /// <param name="b">Occurrences in the baseline period, 0 ≤ b ≤ d.</param>
    /// <param name="c">All occurrences in the current period.</param>
    /// <param name="d">All occurrences in the baseline period.</param>
    /// <returns>G² ≥ 0; 0 when either period is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or a term count exceeds its total.</exception>
    public static double LogLikelihood(long a, long b, long c, long d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(a, c);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(b, d);
        if (c == 0 || d == 0)
        {
            return 0;
        }

        // Entropy form: G² = 2 [Σ_cells k ln k − Σ_rows R ln R − Σ_cols C ln C + N ln N], which avoids dividing by
        // expected counts and handles empty cells (0 ln 0 = 0) without special cases.
        long n = c + d;
        double cells = XLogX(a) + XLogX(c - a) + XLogX(b) + XLogX(d - b);
        double rows = XLogX(a + b) + XLogX(n - a - b);
        double columns = XLogX(c) + XLogX(d);
        double g2 = 2 * (cells - rows - columns + XLogX(n));
        return Math.Max(0, g2);
    }

    /// <summary>The terms whose rate rose significantly from <paramref name="baseline"/> to <paramref name="current"/>.</summary>
    /// <param name="baseline">Term counts of the baseline period.</param>
    /// <param name="current">Term counts of the current period, made with the same <see cref="ThemeOptions"/>.</param>
    /// <param name="options">Threshold and minimum count; <see langword="null"/> for <see cref="TrendingOptions.Default"/>.</param>
    /// <returns>The trending terms, largest G² first (ties by term, ordinal). Empty when nothing rose significantly.</returns>
    /// <exception cref="ArgumentException">The options are not valid, or the two periods were counted with different options.</exception>
    public static IReadOnlyList<TrendingTerm> Detect(TermCountAccumulator baseline, TermCountAccumulator current, TrendingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        options = (options ?? TrendingOptions.Default).Validate();
        if (!baseline.Options.Equals(current.Options))
        {
            throw new ArgumentException("The baseline and current periods were counted with different ThemeOptions; count both with the same options.", nameof(current));
        }

        var result = new List<TrendingTerm>();
        if (baseline.Count == 0)
        {
            return result;
        }

        foreach (TermCount t in current.Terms)
        {
            if (t.Count < options.MinimumCount)
            {
                continue;
            }

            long c = current.TotalOccurrences(t.Words);
            long d = baseline.TotalOccurrences(t.Words);
            long b = baseline.CountOfFolded(t.Term);

            // Rise only: a/c > b/d, compared without division.
            if (d == 0 || (double)t.Count * d <= (double)b * c)
            {
                continue;
            }

            double g2 = LogLikelihood(t.Count, b, c, d);
            if (g2 >= options.Threshold)
            {
                result.Add(new TrendingTerm(t.Term, t.Words, t.Count, c, b, d, g2));
            }
        }

        result.Sort(static (x, y) =>
        {
            int cmp = y.LogLikelihood.CompareTo(x.LogLikelihood);
            return cmp != 0 ? cmp : string.CompareOrdinal(x.Term, y.Term);
        });
        return result;
    }

    private static double XLogX(long k) => k > 0 ? k * Math.Log(k) : 0;
}
