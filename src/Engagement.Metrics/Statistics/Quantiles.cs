using System.Buffers;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// Exact sample quantiles (percentiles, median) of a span of numbers, with the same linear interpolation as
/// numpy's default <c>numpy.quantile(a, q, method="linear")</c>.
/// </summary>
/// <remarks>
/// <para>
/// For n sorted values x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ (0-based) and probability p, the quantile effectively computes
/// <c>h = (n − 1)·p; j = ⌊h⌋; g = h − j; Q(p) = x₍ⱼ₎ + g·(x₍ⱼ₊₁₎ − x₍ⱼ₎)</c> (with x₍ₙ₎ read as x₍ₙ₋₁₎).
/// This is definition 7 of Hyndman &amp; Fan (1996, "Sample quantiles in statistical packages", The American
/// Statistician 50(4):361–365), the default of numpy, R (<c>type = 7</c>), Excel's <c>PERCENTILE.INC</c> and
/// pandas. The arithmetic follows numpy's <c>_lerp</c> exactly, <c>x₍ⱼ₎ + g·d</c> when g &lt; 0.5 and
/// <c>x₍ⱼ₊₁₎ − (1 − g)·d</c> otherwise (d = x₍ⱼ₊₁₎ − x₍ⱼ₎), so results agree with numpy to the last bit.
/// Q(0) is the minimum, Q(1) the maximum and Q(0.5) the usual median.
/// </para>
/// <para>
/// Contracts: an empty span gives <see cref="double.NaN"/> (there is no quantile; nothing is thrown); a value that
/// is NaN or ±∞ throws <see cref="ArgumentOutOfRangeException"/> naming its index; a probability outside [0, 1]
/// (or NaN) throws <see cref="ArgumentOutOfRangeException"/>.
/// </para>
/// <para>
/// Cost: the needed order statistics are found by introselect (quickselect with a median-of-three pivot and a
/// sort fallback, Musser 1997), expected O(n) per quantile, never a full sort for a single quantile. The
/// read-only overloads copy the input once into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, so they
/// allocate nothing per call beyond what the pool itself keeps.
/// </para>
/// </remarks>
public static class Quantiles
{
    // Up to this many probabilities, Compute narrows successive selections between already-placed order
    // statistics (about O(n log k)); beyond it a single O(n log n) sort is cheaper and simpler.
    private const int MaxProbabilitiesForSelection = 64;

    /// <summary>The sample quantile of <paramref name="values"/> at <paramref name="probability"/> (numpy's default linear definition).</summary>
    /// <param name="values">The sample; not modified. Every element must be finite.</param>
    /// <param name="probability">The probability p in [0, 1], for example 0.9 for the 90th percentile.</param>
    /// <returns>The quantile, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="probability"/> is outside [0, 1] or NaN; or an element of <paramref name="values"/> is NaN or
    /// infinite (the message names <c>values[i]</c> and its value).
    /// </exception>
    /// <remarks>
    /// <c>h = (n − 1)·p; j = ⌊h⌋; Q = x₍ⱼ₎ + (h − j)·(x₍ⱼ₊₁₎ − x₍ⱼ₎)</c> over the sorted values (Hyndman &amp; Fan 1996,
    /// definition 7). Copies the values to a pooled buffer and selects the one or two order statistics needed in
    /// expected O(n) time.
    /// </remarks>
    public static double Quantile(ReadOnlySpan<double> values, double probability)
    {
        Guard.Probability(probability);
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        double[] buffer = RentValidatedCopy(values);
        try
        {
            Span<int> placed = stackalloc int[2];
            int placedCount = 0;
            return QuantileOfWork(buffer.AsSpan(0, values.Length), probability, placed, ref placedCount);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The sample quantile of <paramref name="values"/> at <paramref name="probability"/>, reordering
    /// <paramref name="values"/> in place instead of copying it.
    /// </summary>
    /// <param name="values">The sample; its elements are permuted (not otherwise changed). Every element must be finite.</param>
    /// <param name="probability">The probability p in [0, 1].</param>
    /// <returns>The quantile, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="probability"/> is outside [0, 1] or NaN; or an element of <paramref name="values"/> is NaN or
    /// infinite (then <paramref name="values"/> is left untouched).
    /// </exception>
    /// <remarks>
    /// Same definition as <see cref="Quantile(ReadOnlySpan{double}, double)"/>. Afterwards x₍ⱼ₎ = ⌊(n − 1)p⌋-th order
    /// statistic sits at index j with no larger element before it and no smaller one after it. Allocation-free.
    /// </remarks>
    public static double QuantileInPlace(Span<double> values, double probability)
    {
        Guard.Probability(probability);
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        ThrowIfNonFinite(values);
        Span<int> placed = stackalloc int[2];
        int placedCount = 0;
        return QuantileOfWork(values, probability, placed, ref placedCount);
    }

    /// <summary>The sample median: the middle value, or the mean of the two middle values when n is even.</summary>
    /// <param name="values">The sample; not modified. Every element must be finite.</param>
    /// <returns>The median, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An element of <paramref name="values"/> is NaN or infinite.</exception>
    /// <remarks>Equal to <c>Quantile(values, 0.5)</c>.</remarks>
    public static double Median(ReadOnlySpan<double> values) => Quantile(values, 0.5);

    /// <summary>Several sample quantiles of the same values at once, written to <paramref name="destination"/>.</summary>
    /// <param name="values">The sample; not modified. Every element must be finite.</param>
    /// <param name="probabilities">The probabilities, each in [0, 1], in any order.</param>
    /// <param name="destination">
    /// Receives <c>Quantile(values, probabilities[i])</c> at index i; at least as long as
    /// <paramref name="probabilities"/>. It may be the very same span as <paramref name="probabilities"/> (computed in
    /// place) but must not otherwise overlap it. When <paramref name="values"/> is empty it is filled with NaN.
    /// </param>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="probabilities"/>, or overlaps it without being the same span.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An element of <paramref name="probabilities"/> is outside [0, 1] or NaN, or an element of
    /// <paramref name="values"/> is NaN or infinite. Nothing is written to <paramref name="destination"/> then.
    /// </exception>
    /// <remarks>
    /// Copies the values once to a pooled buffer. For up to 64 probabilities each order statistic is selected only
    /// within the gap between those already placed, so the work shrinks as it goes; for more, the buffer is sorted
    /// once. Results are identical to calling <see cref="Quantile(ReadOnlySpan{double}, double)"/> per probability.
    /// </remarks>
    public static void Compute(ReadOnlySpan<double> values, ReadOnlySpan<double> probabilities, Span<double> destination)
    {
        if (destination.Length < probabilities.Length)
        {
            ThrowHelper.DestinationTooShort(nameof(destination), probabilities.Length, destination.Length);
        }

        if (probabilities.Overlaps(destination, out int offset) && offset != 0)
        {
            ThrowHelper.OverlappingSpans(nameof(destination), nameof(probabilities));
        }

        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1))
            {
                ThrowHelper.ProbabilityOutOfRange(nameof(probabilities), i, p);
            }
        }

        if (probabilities.IsEmpty)
        {
            return;
        }

        if (values.IsEmpty)
        {
            destination[..probabilities.Length].Fill(double.NaN);
            return;
        }

        double[] buffer = RentValidatedCopy(values);
        try
        {
            Span<double> work = buffer.AsSpan(0, values.Length);
            if (probabilities.Length > MaxProbabilitiesForSelection)
            {
                work.Sort();
                for (int i = 0; i < probabilities.Length; i++)
                {
                    destination[i] = FromSorted(work, probabilities[i]);
                }

                return;
            }

            Span<int> placed = stackalloc int[2 * MaxProbabilitiesForSelection];
            int placedCount = 0;
            for (int i = 0; i < probabilities.Length; i++)
            {
                destination[i] = QuantileOfWork(work, probabilities[i], placed, ref placedCount);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>numpy's <c>_lerp(a, b, t)</c>: <c>a + (b − a)·t</c> for t &lt; 0.5, else <c>b − (b − a)·(1 − t)</c>.</summary>
    internal static double Lerp(double a, double b, double t)
    {
        double difference = b - a;
        return t >= 0.5 ? b - (difference * (1 - t)) : a + (difference * t);
    }

    private static double FromSorted(ReadOnlySpan<double> sorted, double probability)
    {
        int n = sorted.Length;
        double h = (n - 1) * probability;
        int j = (int)Math.Floor(h);
        if (j >= n - 1)
        {
            return sorted[n - 1];
        }

        double g = h - j;
        return g == 0 ? sorted[j] : Lerp(sorted[j], sorted[j + 1], g);
    }

    // Places the order statistics the probability needs, selecting only between the nearest positions placed by
    // earlier calls (sorted ascending in placed[0..placedCount)), and interpolates.
    private static double QuantileOfWork(Span<double> work, double probability, Span<int> placed, ref int placedCount)
    {
        int n = work.Length;
        double h = (n - 1) * probability;
        int j = (int)Math.Floor(h);
        if (j >= n - 1)
        {
            return OrderStatistic(work, n - 1, placed, ref placedCount);
        }

        double lower = OrderStatistic(work, j, placed, ref placedCount);
        double g = h - j;
        if (g == 0)
        {
            return lower;
        }

        double upper = OrderStatistic(work, j + 1, placed, ref placedCount);
        return Lerp(lower, upper, g);
    }

    private static double OrderStatistic(Span<double> work, int k, Span<int> placed, ref int placedCount)
    {
        int index = placed[..placedCount].BinarySearch(k);
        if (index >= 0)
        {
            return work[k];
        }

        int insertAt = ~index;
        int left = insertAt > 0 ? placed[insertAt - 1] + 1 : 0;
        int right = insertAt < placedCount ? placed[insertAt] - 1 : work.Length - 1;
        Introselect.Select(work, left, right, k);

        placed[insertAt..placedCount].CopyTo(placed[(insertAt + 1)..]);
        placed[insertAt] = k;
        placedCount++;
        return work[k];
    }

    private static double[] RentValidatedCopy(ReadOnlySpan<double> values)
    {
        ThrowIfNonFinite(values);
        double[] buffer = ArrayPool<double>.Shared.Rent(values.Length);
        values.CopyTo(buffer);
        return buffer;
    }

    private static void ThrowIfNonFinite(ReadOnlySpan<double> values)
    {
        int bad = SpanMath.IndexOfNonFinite(values);
        if (bad >= 0)
        {
            ThrowHelper.NonFiniteValue(nameof(values), bad, values[bad]);
        }
    }
}
