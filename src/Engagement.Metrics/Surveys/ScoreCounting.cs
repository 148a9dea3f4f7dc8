using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// The counting kernels behind every survey metric: they turn a span of scores (and optional weights) into
/// per-scale-point totals, validating every score against the scale.
/// </summary>
internal static class ScoreCounting
{
    // A byte lane counts at most 255 matches before it would wrap, so blocks hold 255 vectors.
    private const int BlockVectors = byte.MaxValue;

    /// <summary>Counts byte scores per scale point (<c>counts[k]</c> is the number of scores equal to <c>minimum + k</c>).</summary>
    /// <remarks>
    /// Vectorised: within an L1-sized block, each scale point is counted by comparing whole vectors and
    /// subtracting the all-ones match mask from byte accumulators; the per-block total doubles as the range check.
    /// </remarks>
    public static void Count(ReadOnlySpan<byte> scores, int minimum, Span<long> counts, string paramName)
    {
        int done = 0;
        if (Vector256.IsHardwareAccelerated && scores.Length >= Vector256<byte>.Count)
        {
            done = CountVectorised(scores, minimum, counts, paramName);
        }

        CountScalar(scores, done, minimum, counts, paramName);
    }

    /// <summary>
    /// Counts byte scores at or below <paramref name="lowMaximum"/> and at or above <paramref name="highMinimum"/> on
    /// the scale 0..<paramref name="maximum"/>: what NPS needs (detractors, promoters), in three vector compares per
    /// 32 scores instead of one per scale point.
    /// </summary>
    public static (long Low, long High) CountBands(ReadOnlySpan<byte> scores, int maximum, int lowMaximum, int highMinimum, string paramName)
    {
        long low = 0;
        long high = 0;
        int done = 0;
        if (Vector256.IsHardwareAccelerated && scores.Length >= Vector256<byte>.Count)
        {
            done = CountBandsVectorised(scores, maximum, lowMaximum, highMinimum, paramName, ref low, ref high);
        }

        for (int i = done; i < scores.Length; i++)
        {
            int score = scores[i];
            if (score > maximum)
            {
                ThrowHelper.ScoreOutOfRange(paramName, i, score, 0, maximum);
            }

            low += score <= lowMaximum ? 1 : 0;
            high += score >= highMinimum ? 1 : 0;
        }

        return (low, high);
    }

    private static int CountBandsVectorised(ReadOnlySpan<byte> scores, int maximum, int lowMaximum, int highMinimum, string paramName, ref long low, ref long high)
    {
        ref byte start = ref MemoryMarshal.GetReference(scores);
        int vectorCount = scores.Length / Vector256<byte>.Count;
        Vector256<byte> lowLimit = Vector256.Create((byte)lowMaximum);
        Vector256<byte> highLimit = Vector256.Create((byte)(highMinimum - 1));
        Vector256<byte> scaleLimit = Vector256.Create((byte)maximum);
        for (int first = 0; first < vectorCount; first += BlockVectors)
        {
            int blockVectors = Math.Min(BlockVectors, vectorCount - first);
            nuint offset = (nuint)first * (nuint)Vector256<byte>.Count;
            nuint end = offset + ((nuint)blockVectors * (nuint)Vector256<byte>.Count);
            Vector256<byte> lowCount = Vector256<byte>.Zero;
            Vector256<byte> highCount = Vector256<byte>.Zero;
            Vector256<byte> offScale = Vector256<byte>.Zero;
            for (nuint i = offset; i < end; i += (nuint)Vector256<byte>.Count)
            {
                Vector256<byte> x = Vector256.LoadUnsafe(ref start, i);
                lowCount -= Vector256.LessThanOrEqual(x, lowLimit);
                highCount -= Vector256.GreaterThan(x, highLimit);
                offScale |= Vector256.GreaterThan(x, scaleLimit);
            }

            if (offScale != Vector256<byte>.Zero)
            {
                ThrowFirstOffScale(scores, (int)offset, 0, maximum + 1, paramName);
            }

            low += SumLanes(lowCount);
            high += SumLanes(highCount);
        }

        return vectorCount * Vector256<byte>.Count;
    }

    private static long SumLanes(Vector256<byte> counts)
    {
        (Vector256<ushort> lower, Vector256<ushort> upper) = Vector256.Widen(counts);
        return Vector256.Sum(lower + upper);
    }

    /// <summary>Counts scores into weight totals (each score weighs 1); returns the number of scores.</summary>
    public static long Tally(ReadOnlySpan<byte> scores, int minimum, Span<double> totals, string paramName)
    {
        Span<long> counts = stackalloc long[totals.Length];
        Count(scores, minimum, counts, paramName);
        AddCounts(counts, totals);
        return scores.Length;
    }

    /// <summary>Counts scores into weight totals (each score weighs 1); returns the number of scores.</summary>
    public static long Tally(ReadOnlySpan<int> scores, int minimum, Span<double> totals, string paramName)
    {
        Span<long> counts = stackalloc long[totals.Length];
        Count(scores, minimum, counts, paramName);
        AddCounts(counts, totals);
        return scores.Length;
    }

    private static void AddCounts(ReadOnlySpan<long> counts, Span<double> totals)
    {
        for (int k = 0; k < counts.Length; k++)
        {
            totals[k] += counts[k];
        }
    }

    /// <summary>Counts integer scores per scale point.</summary>
    public static void Count(ReadOnlySpan<int> scores, int minimum, Span<long> counts, string paramName)
    {
        uint bins = (uint)counts.Length;
        for (int i = 0; i < scores.Length; i++)
        {
            uint k = (uint)(scores[i] - minimum);
            if (k >= bins)
            {
                ThrowHelper.ScoreOutOfRange(paramName, i, scores[i], minimum, minimum + counts.Length - 1);
            }

            counts[(int)k]++;
        }
    }

    /// <summary>Sums weights per scale point; returns the sum of squared weights (for Kish's effective sample size).</summary>
    public static double SumWeights<T>(ReadOnlySpan<T> scores, ReadOnlySpan<double> weights, int minimum, Span<double> totals, string scoresName, string weightsName)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (weights.Length != scores.Length)
        {
            ThrowHelper.LengthMismatch(weightsName, scores.Length, weights.Length);
        }

        uint bins = (uint)totals.Length;
        double sumOfSquares = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            long score = long.CreateTruncating(scores[i]);
            ulong k = (ulong)(score - minimum);
            if (k >= bins)
            {
                ThrowHelper.ScoreOutOfRange(scoresName, i, score, minimum, minimum + totals.Length - 1);
            }

            double w = weights[i];
            if (!(w >= 0 && double.IsFinite(w)))
            {
                ThrowHelper.InvalidWeight(weightsName, i, w);
            }

            totals[(int)k] += w;
            sumOfSquares += w * w;
        }

        return sumOfSquares;
    }

    private static int CountVectorised(ReadOnlySpan<byte> scores, int minimum, Span<long> counts, string paramName)
    {
        ref byte start = ref MemoryMarshal.GetReference(scores);
        int vectorCount = scores.Length / Vector256<byte>.Count;
        for (int first = 0; first < vectorCount; first += BlockVectors)
        {
            int blockVectors = Math.Min(BlockVectors, vectorCount - first);
            nuint blockOffset = (nuint)first * (nuint)Vector256<byte>.Count;
            long matched = 0;
            for (int k = 0; k < counts.Length; k++)
            {
                long c = CountEqual(ref start, blockOffset, blockVectors, (byte)(minimum + k));
                counts[k] += c;
                matched += c;
            }

            if (matched != (long)blockVectors * Vector256<byte>.Count)
            {
                ThrowFirstOffScale(scores, (int)blockOffset, minimum, counts.Length, paramName);
            }
        }

        return vectorCount * Vector256<byte>.Count;
    }

    private static long CountEqual(ref byte start, nuint offset, int vectors, byte value)
    {
        Vector256<byte> target = Vector256.Create(value);
        Vector256<byte> accumulator = Vector256<byte>.Zero;
        nuint end = offset + ((nuint)vectors * (nuint)Vector256<byte>.Count);
        for (nuint i = offset; i < end; i += (nuint)Vector256<byte>.Count)
        {
            // A match is all ones (−1 as a byte), so subtracting the mask adds one per matching lane.
            accumulator -= Vector256.Equals(Vector256.LoadUnsafe(ref start, i), target);
        }

        return SumLanes(accumulator);
    }

    // Some byte from `from` on is off the scale: report the first one.
    private static void ThrowFirstOffScale(ReadOnlySpan<byte> scores, int from, int minimum, int bins, string paramName)
    {
        for (int i = from; i < scores.Length; i++)
        {
            if ((uint)(scores[i] - minimum) >= (uint)bins)
            {
                ThrowHelper.ScoreOutOfRange(paramName, i, scores[i], minimum, minimum + bins - 1);
            }
        }
    }

    private static void CountScalar(ReadOnlySpan<byte> scores, int from, int minimum, Span<long> counts, string paramName)
    {
        uint bins = (uint)counts.Length;
        for (int i = from; i < scores.Length; i++)
        {
            uint k = (uint)(scores[i] - minimum);
            if (k >= bins)
            {
                ThrowHelper.ScoreOutOfRange(paramName, i, scores[i], minimum, minimum + counts.Length - 1);
            }

            counts[(int)k]++;
        }
    }
}
