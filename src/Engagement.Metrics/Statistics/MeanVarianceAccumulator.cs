using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// A streaming, mergeable accumulator of the count, mean and sum of squared deviations of a sequence of numbers
/// (Welford's algorithm, with the parallel merge formula of Chan, Golub &amp; LeVeque).
/// </summary>
/// <remarks>
/// <para>
/// The state is three numbers: <see cref="Count"/> n, <see cref="Mean"/> x̄ and <see cref="SumOfSquaredDeviations"/>
/// M₂ = Σ (xᵢ − x̄)². <see cref="Add(double)"/> applies Welford's update (Welford 1962, Technometrics 4(3)):
/// <c>n ← n + 1; δ = x − x̄; x̄ ← x̄ + δ/n; M₂ ← M₂ + δ(x − x̄)</c>.
/// <see cref="Merge(MeanVarianceAccumulator)"/> combines two states A and B with the pairwise formula of
/// Chan, Golub &amp; LeVeque ("Algorithms for computing the sample variance: analysis and recommendations",
/// The American Statistician 37(3):242–247, 1983, eq. 2.1, written here in terms of means; first given in their
/// 1979 Stanford report STAN-CS-79-773):
/// <c>n = n_A + n_B; δ = x̄_B − x̄_A; x̄ = x̄_A + δ·n_B/n; M₂ = M₂_A + M₂_B + δ²·n_A·n_B/n</c>.
/// Merging is associative and commutative up to floating-point rounding, so partitions can be accumulated on
/// different threads or machines and combined in any order.
/// </para>
/// <para>
/// <see cref="AddRange(ReadOnlySpan{double})"/> first validates the whole batch, then computes the batch's mean and
/// M₂ with the corrected two-pass algorithm (<c>M₂ = Σ(x − m)² − (Σ(x − m))²/n</c> with m = Σx/n, vectorised)
/// and merges it in with the formula above; this is faster and at least as accurate as adding one by one.
/// </para>
/// <para>
/// The state is JSON-serializable with System.Text.Json (the get-only properties and the
/// <see cref="MeanVarianceAccumulator(long, double, double)"/> constructor). Intermediate sums overflow when
/// |x| exceeds about 1e154; keep values well inside that range. Instances are not thread-safe: use one per
/// thread and merge.
/// </para>
/// </remarks>
public sealed class MeanVarianceAccumulator
{
    private long _count;
    private double _mean;
    private double _m2;

    /// <summary>Creates an empty accumulator.</summary>
    public MeanVarianceAccumulator()
    {
    }

    /// <summary>Restores an accumulator from its state, for example after JSON deserialization.</summary>
    /// <param name="count">The number of values n, ≥ 0.</param>
    /// <param name="mean">The mean x̄ of the values; finite, and exactly 0 when <paramref name="count"/> is 0.</param>
    /// <param name="sumOfSquaredDeviations">M₂ = Σ (xᵢ − x̄)²; finite, ≥ 0, and exactly 0 when <paramref name="count"/> ≤ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> is negative, <paramref name="mean"/> is not finite, or
    /// <paramref name="sumOfSquaredDeviations"/> is negative or not finite.
    /// </exception>
    /// <exception cref="ArgumentException">The state is inconsistent: a non-zero mean or M₂ with no values, or a non-zero M₂ with one value.</exception>
    [JsonConstructor]
    public MeanVarianceAccumulator(long count, double mean, double sumOfSquaredDeviations)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                string.Create(CultureInfo.InvariantCulture, $"count is {count}; a count cannot be negative."));
        }

        Guard.Finite(mean);
        Guard.NonNegative(sumOfSquaredDeviations);
        if (count == 0 && mean != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"mean is {mean} but count is 0; an empty accumulator has mean 0."),
                nameof(mean));
        }

        if (count <= 1 && sumOfSquaredDeviations != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"sumOfSquaredDeviations is {sumOfSquaredDeviations} but count is {count}; it must be 0 for fewer than two values."),
                nameof(sumOfSquaredDeviations));
        }

        _count = count;
        _mean = mean;
        _m2 = sumOfSquaredDeviations;
    }

    /// <summary>The number of values added, n.</summary>
    public long Count => _count;

    /// <summary>The running mean x̄ = Σxᵢ / n; 0 while <see cref="Count"/> is 0 (use <see cref="ToResult"/> for a mean that is <see langword="null"/> when empty).</summary>
    public double Mean => _mean;

    /// <summary>The sum of squared deviations from the mean, M₂ = Σ (xᵢ − x̄)² (≥ 0); the sample variance is M₂/(n − 1).</summary>
    public double SumOfSquaredDeviations => _m2;

    /// <summary>Adds one value.</summary>
    /// <param name="value">A finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite; the state is unchanged.</exception>
    /// <remarks>Welford's update: <c>n ← n + 1; δ = x − x̄; x̄ ← x̄ + δ/n; M₂ ← M₂ + δ(x − x̄)</c>.</remarks>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            ThrowHelper.NonFiniteValue(nameof(value), value);
        }

        AddUnchecked(value);
    }

    /// <summary>Adds a batch of values.</summary>
    /// <param name="values">The values, all finite. An empty span changes nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An element is NaN or infinite; the message names its index (<c>values[i]</c>) and value, and the state is
    /// unchanged (the whole batch is validated before anything is added).
    /// </exception>
    /// <remarks>
    /// Computes the batch mean m = Σx/n, then the corrected two-pass <c>M₂ = Σ(x − m)² − (Σ(x − m))²/n</c>
    /// (Chan, Golub &amp; LeVeque 1983, The American Statistician 37(3), eq. 1.7), and merges the batch into the
    /// current state with the pairwise formula. Allocation-free.
    /// </remarks>
    public void AddRange(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        // A non-finite element makes the sum non-finite, so the common case validates as it sums.
        double sum = SpanMath.Sum(values);
        if (!double.IsFinite(sum))
        {
            int bad = SpanMath.IndexOfNonFinite(values);
            if (bad >= 0)
            {
                ThrowHelper.NonFiniteValue(nameof(values), bad, values[bad]);
            }

            // Every value is finite but the plain sum overflowed: Welford never forms the sum.
            foreach (double value in values)
            {
                AddUnchecked(value);
            }

            return;
        }

        int n = values.Length;
        double centre = sum / n;
        double deviations = SpanMath.SumOfDeviations(values, centre, out double squares);
        double batchMean = centre + (deviations / n);
        double batchM2 = Math.Max(0, squares - (deviations * deviations / n));
        Combine(n, batchMean, batchM2);
    }

    /// <summary>Merges another accumulator's state into this one, as if its values had been added here.</summary>
    /// <param name="other">The accumulator to merge; it is not modified. Merging an accumulator into itself doubles every value's weight.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Chan, Golub &amp; LeVeque (1983), eq. 2.1 in terms of means: <c>n = n_A + n_B; δ = x̄_B − x̄_A; x̄ = x̄_A + δ·n_B/n;
    /// M₂ = M₂_A + M₂_B + δ²·n_A·n_B/n</c>. Associative and commutative up to floating-point rounding.
    /// </remarks>
    public void Merge(MeanVarianceAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Combine(other._count, other._mean, other._m2);
    }

    /// <summary>The mean, sample variance, standard error and confidence intervals of the values so far.</summary>
    /// <returns>The estimate; its <see cref="MeanEstimate.Mean"/> is <see langword="null"/> when no value has been added.</returns>
    public MeanEstimate ToResult() => MeanEstimate.FromMoments(_count, _mean, _m2);

    private void AddUnchecked(double value)
    {
        long n = _count + 1;
        double delta = value - _mean;
        double mean = _mean + (delta / n);
        _m2 += delta * (value - mean);
        _mean = mean;
        _count = n;
    }

    private void Combine(long countB, double meanB, double m2B)
    {
        if (countB == 0)
        {
            return;
        }

        if (_count == 0)
        {
            _count = countB;
            _mean = meanB;
            _m2 = m2B;
            return;
        }

        long n = checked(_count + countB);
        double nA = _count;
        double nB = countB;
        double delta = meanB - _mean;
        _mean += delta * (nB / n);
        _m2 += m2B + (delta * delta * (nA * (nB / n)));
        _count = n;
    }
}
