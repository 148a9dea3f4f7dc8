using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// Customer Effort Score (CES) calculators: the mean score with a Student-t interval and the share "easy", on the
/// CES 2.0 1–7 agreement scale by default or the legacy 1–5 effort scale (<see cref="CesOptions.Legacy"/>).
/// </summary>
/// <remarks>
/// A score off the scale throws <see cref="ArgumentOutOfRangeException"/> naming its index and value; empty input
/// returns a result with <see cref="CesResult.Count"/> = 0 and no value.
/// </remarks>
public static class CustomerEffortScore
{
    /// <summary>Calculates CES from unweighted scores.</summary>
    /// <param name="scores">Scores on the options' scale.</param>
    /// <param name="options">Scale and easy band; <see cref="CesOptions.Default"/> when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static CesResult Calculate(ReadOnlySpan<byte> scores, CesOptions? options = null)
    {
        CesOptions o = Validated(options);
        return CesResult.From(ScoreTally.Counted(scores, o.Minimum, stackalloc double[o.Maximum - o.Minimum + 1]), o);
    }

    /// <inheritdoc cref="Calculate(ReadOnlySpan{byte}, CesOptions?)"/>
    public static CesResult Calculate(ReadOnlySpan<int> scores, CesOptions? options = null)
    {
        CesOptions o = Validated(options);
        return CesResult.From(ScoreTally.Counted(scores, o.Minimum, stackalloc double[o.Maximum - o.Minimum + 1]), o);
    }

    /// <summary>Calculates CES from weighted scores (weighted mean and share, Kish effective sample size for the uncertainty).</summary>
    /// <param name="scores">Scores on the options' scale.</param>
    /// <param name="weights">One finite, non-negative weight per score.</param>
    /// <param name="options">Scale and easy band; <see cref="CesOptions.Default"/> when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale or a weight is invalid.</exception>
    /// <exception cref="ArgumentException">The spans differ in length, or the options are invalid.</exception>
    public static CesResult Calculate(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights, CesOptions? options = null)
    {
        CesOptions o = Validated(options);
        return CesResult.From(ScoreTally.Weighted(scores, weights, o.Minimum, stackalloc double[o.Maximum - o.Minimum + 1]), o);
    }

    /// <summary>Compares the mean effort of two independent periods or segments (A − B) with Welch's t test.</summary>
    /// <param name="a">The first result.</param>
    /// <param name="b">The second result.</param>
    /// <param name="level">The confidence level of the difference's interval.</param>
    /// <returns>The comparison; no value when a side has fewer than two (effective) responses.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static Comparison Compare(CesResult a, CesResult b, double level = 0.95) =>
        a.Distribution.Variance is { } va && b.Distribution.Variance is { } vb
            ? Comparison.Welch(a.Score!.Value, va, a.Distribution.EffectiveSampleSize, b.Score!.Value, vb, b.Distribution.EffectiveSampleSize, level)
            : Comparison.Welch(0, 0, 0, 0, 0, 0, level);

    private static CesOptions Validated(CesOptions? options) => (options ?? CesOptions.Default).Validate();
}
