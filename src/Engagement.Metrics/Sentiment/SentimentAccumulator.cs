using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// A streaming, mergeable aggregate of message sentiment: label counts and the mean and variance of the compound
/// scores. Keep one per channel or period with <see cref="SegmentedAccumulator{TKey, TAccumulator}"/>.
/// </summary>
/// <remarks>
/// The state is three counts and Welford moments (<see cref="MeanVarianceAccumulator"/>), merged with the
/// Chan–Golub–LeVeque formula, so merging partitions gives the same counts exactly and the same mean up to
/// rounding. It round-trips through System.Text.Json. <see cref="ToResult"/> gives the
/// <see cref="SentimentSummary"/> (mean compound with a t interval, net sentiment with an interval).
/// </remarks>
/// <threadsafety>Not thread-safe: give each thread its own accumulator and merge them.</threadsafety>
public sealed class SentimentAccumulator : IMergeableAccumulator<SentimentAccumulator>
{
    private readonly MeanVarianceAccumulator _compound;
    private long _positive;
    private long _neutral;
    private long _negative;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Thresholds for <see cref="Add(double)"/> and the confidence level; <see cref="SentimentOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SentimentAccumulator(SentimentOptions? options = null)
    {
        Options = (options ?? SentimentOptions.Default).Validate();
        _compound = new MeanVarianceAccumulator();
    }

    /// <summary>Restores an accumulator from its state, for example after JSON deserialization.</summary>
    /// <param name="options">The options.</param>
    /// <param name="positive">Messages labelled positive, ≥ 0.</param>
    /// <param name="neutral">Messages labelled neutral, ≥ 0.</param>
    /// <param name="negative">Messages labelled negative, ≥ 0.</param>
    /// <param name="meanCompound">The mean compound score (0 when empty), in −1..1.</param>
    /// <param name="compoundSumOfSquaredDeviations">Σ(compound − mean)², ≥ 0.</param>
    /// <exception cref="ArgumentException">The options or the state are invalid or inconsistent.</exception>
    [JsonConstructor]
    public SentimentAccumulator(SentimentOptions options, long positive, long neutral, long negative, double meanCompound, double compoundSumOfSquaredDeviations)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(positive);
        ArgumentOutOfRangeException.ThrowIfNegative(neutral);
        ArgumentOutOfRangeException.ThrowIfNegative(negative);
        if (!(meanCompound >= -1 && meanCompound <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(meanCompound), meanCompound, "meanCompound must lie in [-1, 1].");
        }

        _compound = new MeanVarianceAccumulator(checked(positive + neutral + negative), meanCompound, compoundSumOfSquaredDeviations);
        _positive = positive;
        _neutral = neutral;
        _negative = negative;
    }

    /// <summary>The options: thresholds used by <see cref="Add(double)"/> and the confidence level of the results.</summary>
    public SentimentOptions Options { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public long Count => _positive + _neutral + _negative;

    /// <summary>Messages labelled positive.</summary>
    public long Positive => _positive;

    /// <summary>Messages labelled neutral.</summary>
    public long Neutral => _neutral;

    /// <summary>Messages labelled negative.</summary>
    public long Negative => _negative;

    /// <summary>The running mean of the compound scores (0 while empty; see <see cref="ToResult"/> for a nullable mean).</summary>
    public double MeanCompound => _compound.Mean;

    /// <summary>Σ(compound − mean)² of the compound scores.</summary>
    public double CompoundSumOfSquaredDeviations => _compound.SumOfSquaredDeviations;

    /// <summary>Adds one scored message, counted under the label its scorer gave it.</summary>
    /// <param name="score">The score.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score is invalid (for example an undefined label); nothing is added.</exception>
    public void Add(SentimentScore score)
    {
        Validate(score.Compound, score.Label, nameof(score), -1);
        Apply(score.Compound, score.Label);
    }

    /// <summary>Adds one compound score, labelled with <see cref="Options"/>' thresholds.</summary>
    /// <param name="compound">The compound score, in −1..1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score is NaN or outside −1..1; nothing is added.</exception>
    public void Add(double compound)
    {
        Validate(compound, SentimentLabel.Neutral, nameof(compound), -1);
        Apply(compound, Options.Classify(compound));
    }

    /// <summary>Adds a batch of scored messages; a batch with any invalid score is rejected whole.</summary>
    /// <param name="scores">The scores.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is invalid; the message names its index and value.</exception>
    public void AddRange(ReadOnlySpan<SentimentScore> scores)
    {
        for (int i = 0; i < scores.Length; i++)
        {
            Validate(scores[i].Compound, scores[i].Label, nameof(scores), i);
        }

        foreach (SentimentScore score in scores)
        {
            Apply(score.Compound, score.Label);
        }
    }

    /// <summary>Adds a batch of compound scores; a batch with any invalid score is rejected whole.</summary>
    /// <param name="compounds">The compound scores, each in −1..1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is NaN or outside −1..1; the message names its index and value.</exception>
    public void AddRange(ReadOnlySpan<double> compounds)
    {
        for (int i = 0; i < compounds.Length; i++)
        {
            Validate(compounds[i], SentimentLabel.Neutral, nameof(compounds), i);
        }

        foreach (double compound in compounds)
        {
            Apply(compound, Options.Classify(compound));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(SentimentAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException($"Cannot merge sentiment accumulators with different options ({other.Options} into {Options}).", nameof(other));
        }

        _compound.Merge(other._compound);
        _positive += other._positive;
        _neutral += other._neutral;
        _negative += other._negative;
    }

    /// <inheritdoc />
    public SentimentAccumulator CreateEmpty() => new(Options);

    /// <summary>The summary of the messages so far.</summary>
    /// <returns>Counts, shares, mean compound and net sentiment with intervals at <see cref="SentimentOptions.ConfidenceLevel"/>.</returns>
    public SentimentSummary ToResult() => new(_positive, _neutral, _negative, _compound.ToResult(), Options.ConfidenceLevel);

    private static void Validate(double compound, SentimentLabel label, string paramName, int index)
    {
        if (!(compound >= -1 && compound <= 1) || !Enum.IsDefined(label))
        {
            string where = index < 0 ? paramName : string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}]");
            throw new ArgumentOutOfRangeException(
                paramName,
                compound,
                string.Create(CultureInfo.InvariantCulture, $"{where} has compound {compound} and label {(int)label}; a compound score must lie in [-1, 1] and the label be Positive, Neutral or Negative."));
        }
    }

    private void Apply(double compound, SentimentLabel label)
    {
        _compound.Add(compound);
        switch (label)
        {
            case SentimentLabel.Positive:
                _positive++;
                break;
            case SentimentLabel.Negative:
                _negative++;
                break;
            default:
                _neutral++;
                break;
        }
    }
}
