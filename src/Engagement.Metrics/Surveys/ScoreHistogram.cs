using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// A mergeable, weighted histogram of integer survey scores on a fixed scale: the whole state behind the
/// NPS, CSAT and CES accumulators.
/// </summary>
/// <remarks>
/// <para>
/// The state is a total weight per scale point, the number of responses, and the sum of squared weights
/// (for Kish's effective sample size n_eff = (Σw)² / Σw²). Unweighted responses weigh 1, so for unweighted
/// data the totals are exact integer counts and merging is exact.
/// </para>
/// <para>
/// Every batch is validated before it is applied: a batch with one bad score or weight throws and leaves the
/// histogram exactly as it was.
/// </para>
/// </remarks>
/// <threadsafety>Not thread-safe: give each thread its own histogram and <see cref="Merge"/> them.</threadsafety>
public sealed class ScoreHistogram
{
    private readonly double[] _totals;

    /// <summary>Creates an empty histogram over the scale <paramref name="minimum"/>..<paramref name="maximum"/>.</summary>
    /// <param name="minimum">The lowest score on the scale, 0..100.</param>
    /// <param name="maximum">The highest score on the scale, above <paramref name="minimum"/> and at most 100.</param>
    /// <exception cref="ArgumentOutOfRangeException">The scale is empty or outside 0..100.</exception>
    public ScoreHistogram(int minimum, int maximum)
    {
        SurveyScale.Validate(minimum, maximum);
        Minimum = minimum;
        Maximum = maximum;
        _totals = new double[maximum - minimum + 1];
    }

    /// <summary>Restores a histogram from its serialized state.</summary>
    /// <param name="minimum">The lowest score on the scale.</param>
    /// <param name="maximum">The highest score on the scale.</param>
    /// <param name="count">The number of responses.</param>
    /// <param name="weightTotals">The total weight per scale point, one entry per point from minimum to maximum.</param>
    /// <param name="sumOfSquaredWeights">The sum of squared response weights.</param>
    /// <exception cref="ArgumentException">The state is inconsistent (wrong length, negative or non-finite values).</exception>
    [JsonConstructor]
    public ScoreHistogram(int minimum, int maximum, long count, ImmutableArray<double> weightTotals, double sumOfSquaredWeights)
        : this(minimum, maximum)
    {
        ValidateState(minimum, maximum, count, weightTotals, sumOfSquaredWeights);
        Count = count;
        SumOfSquaredWeights = sumOfSquaredWeights;
        weightTotals.CopyTo(_totals);
    }

    /// <summary>The checks on a serialized state, shared with <see cref="ScoreDistribution"/>.</summary>
    internal static void ValidateState(int minimum, int maximum, long count, ImmutableArray<double> weightTotals, double sumOfSquaredWeights)
    {
        SurveyScale.Validate(minimum, maximum);
        int points = maximum - minimum + 1;
        if (weightTotals.IsDefault || weightTotals.Length != points)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"weightTotals must have {points} entries, one per scale point {minimum}..{maximum}."),
                nameof(weightTotals));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (int k = 0; k < weightTotals.Length; k++)
        {
            double w = weightTotals[k];
            if (!(w >= 0 && double.IsFinite(w)))
            {
                ThrowHelper.InvalidWeight(nameof(weightTotals), k, w);
            }
        }

        Guard.NonNegative(sumOfSquaredWeights);
    }

    /// <summary>The lowest score on the scale.</summary>
    public int Minimum { get; }

    /// <summary>The highest score on the scale.</summary>
    public int Maximum { get; }

    /// <summary>The number of responses added.</summary>
    public long Count { get; private set; }

    /// <summary>The total weight per scale point, from <see cref="Minimum"/> to <see cref="Maximum"/> (a copy).</summary>
    public ImmutableArray<double> WeightTotals => ImmutableArray.Create(_totals);

    /// <summary>The sum of squared response weights (equal to <see cref="Count"/> for unweighted data).</summary>
    public double SumOfSquaredWeights { get; private set; }

    /// <summary>Adds one response with weight 1.</summary>
    /// <param name="score">The score, on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score is off the scale.</exception>
    public void Add(int score) => Add(score, 1);

    /// <summary>Adds one weighted response.</summary>
    /// <param name="score">The score, on the scale.</param>
    /// <param name="weight">The weight, finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score is off the scale, or the weight is negative or not finite.</exception>
    public void Add(int score, double weight)
    {
        uint k = (uint)(score - Minimum);
        if (k >= (uint)_totals.Length)
        {
            ThrowHelper.ScoreOutOfRange(nameof(score), score, Minimum, Maximum);
        }

        if (!(weight >= 0 && double.IsFinite(weight)))
        {
            ThrowHelper.InvalidWeight(nameof(weight), weight);
        }

        _totals[k] += weight;
        SumOfSquaredWeights += weight * weight;
        Count++;
    }

    /// <summary>Adds a batch of unweighted responses; a batch with any score off the scale is rejected whole.</summary>
    /// <param name="scores">The scores.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; the message names its index and value.</exception>
    public void AddRange(ReadOnlySpan<byte> scores)
    {
        Apply(ScoreTally.Counted(scores, Minimum, stackalloc double[_totals.Length]));
    }

    /// <summary>Adds a batch of unweighted responses; a batch with any score off the scale is rejected whole.</summary>
    /// <param name="scores">The scores.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; the message names its index and value.</exception>
    public void AddRange(ReadOnlySpan<int> scores)
    {
        Apply(ScoreTally.Counted(scores, Minimum, stackalloc double[_totals.Length]));
    }

    /// <summary>Adds a batch of weighted responses; a batch with any bad score or weight is rejected whole.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="weights">One finite, non-negative weight per score.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale or a weight is invalid; the message names the index and value.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void AddRange(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights) =>
        Apply(ScoreTally.Weighted(scores, weights, Minimum, stackalloc double[_totals.Length]));

    /// <summary>Adds a batch of weighted responses; a batch with any bad score or weight is rejected whole.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="weights">One finite, non-negative weight per score.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale or a weight is invalid; the message names the index and value.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void AddRange(ReadOnlySpan<byte> scores, ReadOnlySpan<double> weights) =>
        Apply(ScoreTally.Weighted(scores, weights, Minimum, stackalloc double[_totals.Length]));

    /// <summary>Adds another histogram's responses to this one (associative and commutative).</summary>
    /// <param name="other">A histogram on the same scale.</param>
    /// <exception cref="ArgumentException">The scales differ.</exception>
    public void Merge(ScoreHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Minimum != Minimum || other.Maximum != Maximum)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cannot merge a histogram on the scale {other.Minimum}..{other.Maximum} into one on {Minimum}..{Maximum}."),
                nameof(other));
        }

        Apply(other.ToTally());
    }

    internal ScoreTally ToTally() => new(_totals, Count, SumOfSquaredWeights);

    private void Apply(ScoreTally tally)
    {
        for (int k = 0; k < _totals.Length; k++)
        {
            _totals[k] += tally.Totals[k];
        }

        SumOfSquaredWeights += tally.SumOfSquaredWeights;
        Count += tally.Count;
    }
}
