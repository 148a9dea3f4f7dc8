using System.Text.Json.Serialization;

namespace Engagement.Metrics.Surveys;

/// <summary>A mergeable, JSON-serializable streaming accumulator of CSAT responses.</summary>
public sealed class CsatAccumulator : ScoreAccumulator<CsatAccumulator, CsatOptions, CsatResult>
{
    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Scale and threshold; <see cref="CsatOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public CsatAccumulator(CsatOptions? options = null)
        : this(options ?? CsatOptions.Default, EmptyHistogram(options ?? CsatOptions.Default))
    {
    }

    /// <summary>Restores an accumulator from its state (also the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="histogram">The accumulated scores, on the options' scale.</param>
    /// <exception cref="ArgumentException">The options are invalid or the histogram's scale differs.</exception>
    [JsonConstructor]
    public CsatAccumulator(CsatOptions options, ScoreHistogram histogram)
        : base(Validated(options), histogram, options.Minimum, options.Maximum)
    {
    }

    /// <inheritdoc />
    public override CsatAccumulator CreateEmpty() => new(Options);

    /// <inheritdoc />
    public override CsatResult ToResult() => CsatResult.From(Histogram.ToTally(), Options);

    private static ScoreHistogram EmptyHistogram(CsatOptions options) => new(Validated(options).Minimum, options.Maximum);

    private static CsatOptions Validated(CsatOptions options) => (options ?? throw new ArgumentNullException(nameof(options))).Validate();
}
