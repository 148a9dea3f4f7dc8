using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// Net Promoter Score calculators over spans of 0–10 "how likely are you to recommend us" scores.
/// </summary>
/// <remarks>
/// <para>
/// <c>NPS = 100 × (promoters − detractors) / responses</c>, in −100..100, with promoters 9–10, passives 7–8 and
/// detractors 0–6 by default (Reichheld 2003, Harvard Business Review). See <see cref="NpsResult"/> for the
/// standard error and interval methods.
/// </para>
/// <para>
/// The calculators allocate nothing. The byte-span overload counts the three bands with vector compares
/// (about 3.6 × 10¹⁰ scores/s on cache-resident data; see docs/benchmarks.md).
/// A score outside 0..10 throws <see cref="ArgumentOutOfRangeException"/> naming its index and value; empty input
/// returns a result with <see cref="NpsResult.Count"/> = 0 and no score.
/// </para>
/// </remarks>
public static class NetPromoterScore
{
    private const int Points = NpsOptions.ScaleMaximum - NpsOptions.ScaleMinimum + 1;

    /// <summary>Calculates the NPS of unweighted scores.</summary>
    /// <param name="scores">Scores on 0..10.</param>
    /// <param name="options">Bands and interval settings; <see cref="NpsOptions.Default"/> when null.</param>
    /// <returns>The result with counts, score, standard error and interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0..10.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static NpsResult Calculate(ReadOnlySpan<byte> scores, NpsOptions? options = null)
    {
        NpsOptions o = Validated(options);
        (long detractors, long promoters) = ScoreCounting.CountBands(scores, NpsOptions.ScaleMaximum, o.DetractorMaximum, o.PromoterMinimum, nameof(scores));
        long n = scores.Length;
        return new NpsResult(n, promoters, n - promoters - detractors, detractors, n, o.ConfidenceLevel, o.IntervalMethod);
    }

    /// <inheritdoc cref="Calculate(ReadOnlySpan{byte}, NpsOptions?)"/>
    public static NpsResult Calculate(ReadOnlySpan<int> scores, NpsOptions? options = null) =>
        NpsResult.From(ScoreTally.Counted(scores, NpsOptions.ScaleMinimum, stackalloc double[Points]), Validated(options));

    /// <summary>Calculates the NPS of weighted scores (weighted shares, Kish effective sample size for the uncertainty).</summary>
    /// <param name="scores">Scores on 0..10.</param>
    /// <param name="weights">One finite, non-negative weight per score.</param>
    /// <param name="options">Bands and interval settings; <see cref="NpsOptions.Default"/> when null.</param>
    /// <returns>The result with weighted counts, score, standard error and interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0..10 or a weight is negative or not finite.</exception>
    /// <exception cref="ArgumentException">The spans differ in length, or the options are invalid.</exception>
    public static NpsResult Calculate(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights, NpsOptions? options = null) =>
        NpsResult.From(ScoreTally.Weighted(scores, weights, NpsOptions.ScaleMinimum, stackalloc double[Points]), Validated(options));

    /// <inheritdoc cref="Calculate(ReadOnlySpan{int}, ReadOnlySpan{double}, NpsOptions?)"/>
    public static NpsResult Calculate(ReadOnlySpan<byte> scores, ReadOnlySpan<double> weights, NpsOptions? options = null) =>
        NpsResult.From(ScoreTally.Weighted(scores, weights, NpsOptions.ScaleMinimum, stackalloc double[Points]), Validated(options));

    /// <summary>Builds a result from already-aggregated counts.</summary>
    /// <param name="promoters">The number of promoters, ≥ 0.</param>
    /// <param name="passives">The number of passives, ≥ 0.</param>
    /// <param name="detractors">The number of detractors, ≥ 0.</param>
    /// <param name="options">Interval settings; <see cref="NpsOptions.Default"/> when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static NpsResult FromCounts(long promoters, long passives, long detractors, NpsOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promoters);
        ArgumentOutOfRangeException.ThrowIfNegative(passives);
        ArgumentOutOfRangeException.ThrowIfNegative(detractors);
        NpsOptions o = Validated(options);
        long n = promoters + passives + detractors;
        return new NpsResult(n, promoters, passives, detractors, n, o.ConfidenceLevel, o.IntervalMethod);
    }

    /// <summary>Compares two independent NPS results (A − B) with a z test on the trinomial standard errors.</summary>
    /// <param name="a">The first result, for example this quarter or segment A.</param>
    /// <param name="b">The second result.</param>
    /// <param name="level">The confidence level of the difference's interval.</param>
    /// <returns>The difference in NPS points, its standard error √(SE_A² + SE_B²), z, two-sided p-value and Wald interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static Comparison Compare(NpsResult a, NpsResult b, double level = 0.95) =>
        Comparison.Normal(a.Score, a.StandardError, b.Score, b.StandardError, level);

    private static NpsOptions Validated(NpsOptions? options) => (options ?? NpsOptions.Default).Validate();
}
