using System.Text.Json.Serialization;

namespace Engagement.Metrics.Surveys;

/// <summary>A mergeable, JSON-serializable streaming accumulator of CES responses.</summary>
public sealed class CesAccumulator : ScoreAccumulator<CesAccumulator, CesOptions, CesResult>
{
    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Scale and easy band; <see cref="CesOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public CesAccumulator(CesOptions? options = null)
        : this(options ?? CesOptions.Default, EmptyHistogram(options ?? CesOptions.Default))
    {
    }

    /// <summary>Restores an accumulator from its state (also the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="histogram">The accumulated scores, on the options' scale.</param>
    /// <exception cref="ArgumentException">The options are invalid or the histogram's scale differs.</exception>
    [JsonConstructor]
    public CesAccumulator(CesOptions options, ScoreHistogram histogram)
        : base(Validated(options), histogram, options.Minimum, options.Maximum)
    {
    }

    /// <inheritdoc />
    public override CesAccumulator CreateEmpty() => new(Options);

    /// <inheritdoc />
    public override CesResult ToResult() => CesResult.From(Histogram.ToTally(), Options);

    private static ScoreHistogram EmptyHistogram(CesOptions options) => new(Validated(options).Minimum, options.Maximum);

    private static CesOptions Validated(CesOptions options) => (options ?? throw new ArgumentNullException(nameof(options))).Validate();
}
