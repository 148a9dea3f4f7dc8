using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// Customer-satisfaction (CSAT) calculators: the share of satisfied responses (top-box), the mean score and the
/// distribution, on a configurable scale (1–5 with satisfied at 4–5 by default).
/// </summary>
/// <remarks>
/// A score off the scale throws <see cref="ArgumentOutOfRangeException"/> naming its index and value; empty input
/// returns a result with <see cref="CsatResult.Count"/> = 0 and no value. The result holds the distribution, so
/// each call allocates one small array (one slot per scale point).
/// </remarks>
public static class CustomerSatisfaction
{
    /// <summary>Calculates CSAT from unweighted scores.</summary>
    /// <param name="scores">Scores on the options' scale.</param>
    /// <param name="options">Scale and threshold; <see cref="CsatOptions.Default"/> when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static CsatResult Calculate(ReadOnlySpan<byte> scores, CsatOptions? options = null)
    {
        CsatOptions o = Validated(options);
        return CsatResult.From(ScoreTally.Counted(scores, o.Minimum, stackalloc double[o.Maximum - o.Minimum + 1]), o);
    }

    /// <inheritdoc cref="Calculate(ReadOnlySpan{byte}, CsatOptions?)"/>
    public static CsatResult Calculate(ReadOnlySpan<int> scores, CsatOptions? options = null)
    {
        CsatOptions o = Validated(options);
        return CsatResult.From(ScoreTally.Counted(scores, o.Minimum, stackalloc double[o.Maximum - o.Minimum + 1]), o);
    }

    /// <summary>Calculates CSAT from weighted scores (weighted shares and mean, Kish effective sample size for the uncertainty).</summary>
    /// <param name="scores">Scores on the options' scale.</param>
    /// <param name="weights">One finite, non-negative weight per score.</param>
    /// <param name="options">Scale and threshold; <see cref="CsatOptions.Default"/> when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale or a weight is invalid.</exception>
    /// <exception cref="ArgumentException">The spans differ in length, or the options are invalid.</exception>
    public static CsatResult Calculate(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights, CsatOptions? options = null)
    {
        CsatOptions o = Validated(options);
        return CsatResult.From(ScoreTally.Weighted(scores, weights, o.Minimum, stackalloc double[o.Maximum - o.Minimum + 1]), o);
    }

    /// <summary>Compares the satisfied shares of two independent results (A − B, in percentage points) with a two-proportion z test.</summary>
    /// <param name="a">The first result.</param>
    /// <param name="b">The second result.</param>
    /// <param name="level">The confidence level of the difference's interval.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static Comparison Compare(CsatResult a, CsatResult b, double level = 0.95) =>
        Comparison.Normal(a.Score, a.StandardError, b.Score, b.StandardError, level);

    private static CsatOptions Validated(CsatOptions? options) => (options ?? CsatOptions.Default).Validate();
}
