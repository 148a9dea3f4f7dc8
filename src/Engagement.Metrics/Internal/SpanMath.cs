using System.Numerics;
using System.Runtime.InteropServices;

namespace Engagement.Metrics.Internal;

/// <summary>Small vectorised span kernels shared by the statistics types (finiteness check, sums).</summary>
internal static class SpanMath
{
    /// <summary>The index of the first NaN or infinite element, or −1 when every element is finite.</summary>
    /// <remarks>
    /// Vector pass: accumulates <c>x − x</c>, which is +0 for every finite x and NaN for NaN and ±∞, so a single
    /// comparison at the end tells whether a scalar scan for the position is needed.
    /// </remarks>
    public static int IndexOfNonFinite(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            ReadOnlySpan<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            Vector<double> acc = Vector<double>.Zero;
            for (int k = 0; k < vectors.Length; k++)
            {
                Vector<double> x = vectors[k];
                acc += x - x;
            }

            if (!Vector.EqualsAll(acc, Vector<double>.Zero))
            {
                return ScalarIndexOfNonFinite(values, 0);
            }

            i = vectors.Length * Vector<double>.Count;
        }

        return ScalarIndexOfNonFinite(values, i);
    }

    /// <summary>The plain sum Σ x, vectorised with two independent accumulators.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<double>.Count)
        {
            ReadOnlySpan<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            Vector<double> s0 = Vector<double>.Zero;
            Vector<double> s1 = Vector<double>.Zero;
            int k = 0;
            for (; k + 1 < vectors.Length; k += 2)
            {
                s0 += vectors[k];
                s1 += vectors[k + 1];
            }

            if (k < vectors.Length)
            {
                s0 += vectors[k];
            }

            sum = Vector.Sum(s0 + s1);
            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    /// <summary>
    /// The deviations from <paramref name="centre"/>: returns Σ (x − c) and writes Σ (x − c)² to
    /// <paramref name="sumOfSquares"/>, vectorised.
    /// </summary>
    public static double SumOfDeviations(ReadOnlySpan<double> values, double centre, out double sumOfSquares)
    {
        double sum = 0;
        double squares = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            ReadOnlySpan<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            var c = new Vector<double>(centre);
            Vector<double> s = Vector<double>.Zero;
            Vector<double> q = Vector<double>.Zero;
            for (int k = 0; k < vectors.Length; k++)
            {
                Vector<double> d = vectors[k] - c;
                s += d;
                q += d * d;
            }

            sum = Vector.Sum(s);
            squares = Vector.Sum(q);
            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            double d = values[i] - centre;
            sum += d;
            squares += d * d;
        }

        sumOfSquares = squares;
        return sum;
    }

    private static int ScalarIndexOfNonFinite(ReadOnlySpan<double> values, int start)
    {
        for (int i = start; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
