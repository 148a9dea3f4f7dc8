using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// A streaming, mergeable tally of emotion mentions for Net Emotional Value. Keep one per touchpoint with
/// <see cref="SegmentedAccumulator{TKey, TAccumulator}"/>.
/// </summary>
/// <remarks>
/// The state is two counts and two intensity sums; merging adds them. It round-trips through System.Text.Json.
/// Mentions of an emotion outside the catalogue are rejected (the message names the emotion), so a misspelt
/// survey export never silently changes NEV.
/// </remarks>
/// <threadsafety>Not thread-safe: give each thread its own accumulator and merge them.</threadsafety>
public sealed class NetEmotionalValueAccumulator : IMergeableAccumulator<NetEmotionalValueAccumulator>
{
    private long _positiveMentions;
    private long _negativeMentions;
    private double _positiveIntensity;
    private double _negativeIntensity;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The catalogue and weighting; <see cref="NetEmotionalValueOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public NetEmotionalValueAccumulator(NetEmotionalValueOptions? options = null)
    {
        Options = (options ?? NetEmotionalValueOptions.Default).Validate();
    }

    /// <summary>Restores an accumulator from its state, for example after JSON deserialization.</summary>
    /// <param name="options">The catalogue and weighting.</param>
    /// <param name="positiveMentions">Positive mentions, ≥ 0.</param>
    /// <param name="negativeMentions">Negative mentions, ≥ 0.</param>
    /// <param name="positiveIntensity">Sum of positive intensities, finite and ≥ 0.</param>
    /// <param name="negativeIntensity">Sum of negative intensities, finite and ≥ 0.</param>
    /// <exception cref="ArgumentException">The options or state are invalid.</exception>
    [JsonConstructor]
    public NetEmotionalValueAccumulator(NetEmotionalValueOptions options, long positiveMentions, long negativeMentions, double positiveIntensity, double negativeIntensity)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(positiveMentions);
        ArgumentOutOfRangeException.ThrowIfNegative(negativeMentions);
        _positiveMentions = positiveMentions;
        _negativeMentions = negativeMentions;
        _positiveIntensity = Guard.NonNegative(positiveIntensity);
        _negativeIntensity = Guard.NonNegative(negativeIntensity);
    }

    /// <summary>The catalogue and weighting.</summary>
    public NetEmotionalValueOptions Options { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public long Count => _positiveMentions + _negativeMentions;

    /// <summary>Positive mentions counted.</summary>
    public long PositiveMentions => _positiveMentions;

    /// <summary>Negative mentions counted.</summary>
    public long NegativeMentions => _negativeMentions;

    /// <summary>Sum of the positive mentions' intensities.</summary>
    public double PositiveIntensity => _positiveIntensity;

    /// <summary>Sum of the negative mentions' intensities.</summary>
    public double NegativeIntensity => _negativeIntensity;

    /// <summary>Adds one mention of an emotion.</summary>
    /// <param name="emotion">An emotion name from the catalogue (case-insensitive).</param>
    /// <param name="intensity">The mention's intensity (for example 1–5 on the survey's scale), finite and &gt; 0; 1 when unrated.</param>
    /// <exception cref="ArgumentException">The emotion is not in the catalogue or the intensity is invalid; nothing is added.</exception>
    public void Add(string emotion, double intensity = 1)
    {
        int polarity = Classify(emotion, intensity, nameof(emotion), -1);
        Apply(polarity, intensity);
    }

    /// <summary>Adds unrated mentions (intensity 1); a batch with any unknown emotion is rejected whole.</summary>
    /// <param name="emotions">Emotion names from the catalogue.</param>
    /// <exception cref="ArgumentException">An emotion is not in the catalogue; the message names its index and value.</exception>
    public void AddRange(ReadOnlySpan<string> emotions)
    {
        for (int i = 0; i < emotions.Length; i++)
        {
            Classify(emotions[i], 1, nameof(emotions), i);
        }

        foreach (string emotion in emotions)
        {
            Apply(Options.PolarityOf(emotion), 1);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(NetEmotionalValueAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException("Cannot merge NEV accumulators with different catalogues or weighting.", nameof(other));
        }

        _positiveMentions += other._positiveMentions;
        _negativeMentions += other._negativeMentions;
        _positiveIntensity += other._positiveIntensity;
        _negativeIntensity += other._negativeIntensity;
    }

    /// <inheritdoc />
    public NetEmotionalValueAccumulator CreateEmpty() => new(Options);

    /// <summary>NEV of the mentions so far.</summary>
    /// <returns>The result; its value is <see langword="null"/> without mentions.</returns>
    public NetEmotionalValueResult ToResult() =>
        new(_positiveMentions, _negativeMentions, _positiveIntensity, _negativeIntensity, Options.IntensityWeighted, isTextProxy: false, Options.ConfidenceLevel);

    private int Classify(string emotion, double intensity, string paramName, int index)
    {
        string where = index < 0 ? paramName : string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}]");
        ArgumentNullException.ThrowIfNull(emotion, where);
        if (!(intensity > 0 && double.IsFinite(intensity)))
        {
            throw new ArgumentOutOfRangeException(nameof(intensity), intensity, string.Create(CultureInfo.InvariantCulture, $"intensity of '{emotion}' is {intensity}; it must be a finite number > 0 (use 1 for an unrated mention)."));
        }

        int polarity = Options.PolarityOf(emotion);
        if (polarity == 0)
        {
            throw new ArgumentException($"{where} is '{emotion}', which is not in the emotion catalogue; add it to NetEmotionalValueOptions.PositiveEmotions or NegativeEmotions, or fix the spelling.", paramName);
        }

        return polarity;
    }

    private void Apply(int polarity, double intensity)
    {
        if (polarity > 0)
        {
            _positiveMentions++;
            _positiveIntensity += intensity;
        }
        else
        {
            _negativeMentions++;
            _negativeIntensity += intensity;
        }
    }
}
