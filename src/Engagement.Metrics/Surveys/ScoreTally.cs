using System.Numerics;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// Per-scale-point weight totals of one batch, with its response count and sum of squared weights:
/// the common input of every survey result. Lives on the stack so the static calculators allocate nothing.
/// </summary>
internal readonly ref struct ScoreTally
{
    public ScoreTally(ReadOnlySpan<double> totals, long count, double sumOfSquaredWeights)
    {
        Totals = totals;
        Count = count;
        SumOfSquaredWeights = sumOfSquaredWeights;
    }

    /// <summary>The total weight of scores equal to <c>minimum + k</c>, at index k.</summary>
    public ReadOnlySpan<double> Totals { get; }

    public long Count { get; }

    public double SumOfSquaredWeights { get; }

    /// <summary>Σw over the whole scale.</summary>
    public double TotalWeight => SumRange(0, Totals.Length - 1);

    /// <summary>Kish's effective sample size (Σw)² / Σw²; equals <see cref="Count"/> for unweighted data.</summary>
    public double EffectiveSampleSize
    {
        get
        {
            double total = TotalWeight;
            return SumOfSquaredWeights > 0 ? total * total / SumOfSquaredWeights : 0;
        }
    }

    /// <summary>Total weight of the scale points with index <paramref name="from"/>..<paramref name="to"/> inclusive.</summary>
    public double SumRange(int from, int to)
    {
        double sum = 0;
        for (int k = Math.Max(from, 0); k <= Math.Min(to, Totals.Length - 1); k++)
        {
            sum += Totals[k];
        }

        return sum;
    }

    /// <summary>Counts unweighted byte scores into <paramref name="destination"/> (one slot per scale point).</summary>
    public static ScoreTally Counted(ReadOnlySpan<byte> scores, int minimum, Span<double> destination)
    {
        long n = ScoreCounting.Tally(scores, minimum, destination, nameof(scores));
        return new ScoreTally(destination, n, n);
    }

    /// <summary>Counts unweighted integer scores into <paramref name="destination"/> (one slot per scale point).</summary>
    public static ScoreTally Counted(ReadOnlySpan<int> scores, int minimum, Span<double> destination)
    {
        long n = ScoreCounting.Tally(scores, minimum, destination, nameof(scores));
        return new ScoreTally(destination, n, n);
    }

    /// <summary>Sums weighted scores into <paramref name="destination"/> (one slot per scale point).</summary>
    public static ScoreTally Weighted<T>(ReadOnlySpan<T> scores, ReadOnlySpan<double> weights, int minimum, Span<double> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        double sumOfSquares = ScoreCounting.SumWeights(scores, weights, minimum, destination, nameof(scores), nameof(weights));
        return new ScoreTally(destination, scores.Length, sumOfSquares);
    }
}
