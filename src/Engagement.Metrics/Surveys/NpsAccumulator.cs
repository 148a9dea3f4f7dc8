using System.Text.Json.Serialization;

namespace Engagement.Metrics.Surveys;

/// <summary>A mergeable, JSON-serializable streaming accumulator of NPS responses.</summary>
/// <example>
/// <code>
/// var acc = new NpsAccumulator();
/// acc.Add(9);
/// acc.AddRange(batch);
/// acc.Merge(otherPartition);
/// NpsResult total = acc.ToResult();
/// </code>
/// </example>
public sealed class NpsAccumulator : ScoreAccumulator<NpsAccumulator, NpsOptions, NpsResult>
{
    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Bands and interval settings; <see cref="NpsOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public NpsAccumulator(NpsOptions? options = null)
        : this(options ?? NpsOptions.Default, new ScoreHistogram(NpsOptions.ScaleMinimum, NpsOptions.ScaleMaximum))
    {
    }

    /// <summary>Restores an accumulator from its state (also the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="histogram">The accumulated scores on 0..10.</param>
    /// <exception cref="ArgumentException">The options are invalid or the histogram is not on 0..10.</exception>
    [JsonConstructor]
    public NpsAccumulator(NpsOptions options, ScoreHistogram histogram)
        : base(Validated(options), histogram, NpsOptions.ScaleMinimum, NpsOptions.ScaleMaximum)
    {
    }

    /// <inheritdoc />
    public override NpsAccumulator CreateEmpty() => new(Options);

    /// <inheritdoc />
    public override NpsResult ToResult() => NpsResult.From(Histogram.ToTally(), Options);

    private static NpsOptions Validated(NpsOptions options) => (options ?? throw new ArgumentNullException(nameof(options))).Validate();
}
