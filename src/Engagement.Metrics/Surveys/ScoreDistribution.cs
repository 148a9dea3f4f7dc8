using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// The full (weighted) distribution of scores on a rating scale, with its mean and the shares of any band:
/// the common core of the CSAT and CES results.
/// </summary>
/// <remarks>
/// <para>
/// With weights w the mean is Σw·x / Σw and its standard error is s / √n_eff with Kish's effective sample size
/// n_eff = (Σw)² / Σw² and s² = Σw(x − mean)² / Σw × n_eff / (n_eff − 1); the t interval uses n_eff − 1 degrees
/// of freedom. Without weights these are the textbook sample mean, sample variance (n − 1) and s/√n.
/// </para>
/// </remarks>
public readonly struct ScoreDistribution : IEquatable<ScoreDistribution>
{
    private readonly ImmutableArray<double> _weightTotals;

    /// <summary>Creates a distribution from its state (also the JSON constructor).</summary>
    /// <param name="minimum">The lowest score on the scale.</param>
    /// <param name="maximum">The highest score on the scale.</param>
    /// <param name="count">The number of responses.</param>
    /// <param name="weightTotals">The total weight per scale point, minimum to maximum.</param>
    /// <param name="sumOfSquaredWeights">The sum of squared response weights.</param>
    /// <exception cref="ArgumentException">The state is inconsistent.</exception>
    [JsonConstructor]
    public ScoreDistribution(int minimum, int maximum, long count, ImmutableArray<double> weightTotals, double sumOfSquaredWeights)
    {
        ScoreHistogram.ValidateState(minimum, maximum, count, weightTotals, sumOfSquaredWeights);
        Minimum = minimum;
        Maximum = maximum;
        Count = count;
        _weightTotals = weightTotals;
        SumOfSquaredWeights = sumOfSquaredWeights;
    }

    /// <summary>The lowest score on the scale.</summary>
    public int Minimum { get; }

    /// <summary>The highest score on the scale.</summary>
    public int Maximum { get; }

    /// <summary>The number of responses.</summary>
    public long Count { get; }

    /// <summary>The total weight per scale point, from <see cref="Minimum"/> to <see cref="Maximum"/> (counts when unweighted).</summary>
    public ImmutableArray<double> WeightTotals => _weightTotals.IsDefault ? [] : _weightTotals;

    /// <summary>The sum of squared response weights.</summary>
    public double SumOfSquaredWeights { get; }

    /// <summary>Σw, the number of responses when unweighted.</summary>
    [JsonIgnore]
    public double TotalWeight => Tally.TotalWeight;

    /// <summary>Kish's effective sample size (Σw)²/Σw²; the number of responses when unweighted.</summary>
    [JsonIgnore]
    public double EffectiveSampleSize => Tally.EffectiveSampleSize;

    /// <summary>Whether there is at least one response with positive weight.</summary>
    [JsonIgnore]
    public bool HasValue => Count > 0 && TotalWeight > 0;

    /// <summary>The (weighted) mean score, or null without responses.</summary>
    [JsonIgnore]
    public double? Mean => HasValue ? WeightedMoment(0, 1) / TotalWeight : null;

    /// <summary>The (weighted) sample variance with the n_eff − 1 correction, or null when n_eff ≤ 1.</summary>
    [JsonIgnore]
    public double? Variance
    {
        get
        {
            double n = EffectiveSampleSize;
            return HasValue && n > 1 ? WeightedMoment(Mean!.Value, 2) / TotalWeight * n / (n - 1) : null;
        }
    }

    /// <summary>The sample standard deviation, or null when n_eff ≤ 1.</summary>
    [JsonIgnore]
    public double? StandardDeviation => Variance is { } v ? Math.Sqrt(v) : null;

    /// <summary>The standard error of the mean s/√n_eff, or null when n_eff ≤ 1.</summary>
    [JsonIgnore]
    public double? MeanStandardError => Variance is { } v ? Math.Sqrt(v / EffectiveSampleSize) : null;

    private ScoreTally Tally => new(WeightTotals.AsSpan(), Count, SumOfSquaredWeights);

    /// <summary>The Student-t confidence interval of the mean, with n_eff − 1 degrees of freedom.</summary>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval, or null when n_eff ≤ 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public Interval? MeanConfidenceInterval(double level)
    {
        Guard.ConfidenceLevel(level);
        return Mean is { } m && MeanStandardError is { } se
            ? ConfidenceIntervals.StudentT(m, se, EffectiveSampleSize - 1, level)
            : null;
    }

    /// <summary>The (weighted) share of responses scoring <paramref name="low"/>..<paramref name="high"/> inclusive, 0..1.</summary>
    /// <param name="low">The lowest score of the band.</param>
    /// <param name="high">The highest score of the band.</param>
    /// <returns>The share, or null without responses.</returns>
    public double? ShareBetween(int low, int high) => HasValue ? BandWeight(low, high) / TotalWeight : null;

    /// <summary>The Wilson score interval of <see cref="ShareBetween"/> on 0..1, using the effective sample size.</summary>
    /// <param name="low">The lowest score of the band.</param>
    /// <param name="high">The highest score of the band.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval, or null without responses.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public Interval? ShareConfidenceInterval(int low, int high, double level)
    {
        Guard.ConfidenceLevel(level);
        if (ShareBetween(low, high) is not { } share)
        {
            return null;
        }

        double n = EffectiveSampleSize;
        return ConfidenceIntervals.Wilson(share * n, n, level);
    }

    private double BandWeight(int low, int high) => Tally.SumRange(low - Minimum, high - Minimum);

    // Σ w_k (x_k − centre)^power for power 1 or 2.
    private double WeightedMoment(double centre, int power)
    {
        ReadOnlySpan<double> totals = WeightTotals.AsSpan();
        double sum = 0;
        for (int k = 0; k < totals.Length; k++)
        {
            double x = Minimum + k - centre;
            sum += totals[k] * (power == 2 ? x * x : x);
        }

        return sum;
    }

    /// <inheritdoc />
    public bool Equals(ScoreDistribution other) =>
        Minimum == other.Minimum && Maximum == other.Maximum && Count == other.Count
        && SumOfSquaredWeights.Equals(other.SumOfSquaredWeights)
        && WeightTotals.AsSpan().SequenceEqual(other.WeightTotals.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScoreDistribution other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Minimum, Maximum, Count, SumOfSquaredWeights);

    /// <summary>Formats as <c>1..5: [3, 0, 2, 5, 10] (n = 20)</c>.</summary>
    /// <returns>The formatted distribution.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Minimum}..{Maximum}: [{string.Join(", ", WeightTotals)}] (n = {Count})");

    internal static ScoreDistribution From(ScoreTally tally, int minimum, int maximum) =>
        new(minimum, maximum, tally.Count, ImmutableArray.Create(tally.Totals), tally.SumOfSquaredWeights);

    /// <summary>Compares two distributions for equality.</summary>
    /// <param name="left">The first distribution.</param>
    /// <param name="right">The second distribution.</param>
    /// <returns>Whether scale, counts and totals are equal.</returns>
    public static bool operator ==(ScoreDistribution left, ScoreDistribution right) => left.Equals(right);

    /// <summary>Compares two distributions for inequality.</summary>
    /// <param name="left">The first distribution.</param>
    /// <param name="right">The second distribution.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(ScoreDistribution left, ScoreDistribution right) => !left.Equals(right);
}
