using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// How Net Promoter Score responses on the 0–10 "how likely are you to recommend" scale are banded and how
/// uncertainty is reported.
/// </summary>
/// <remarks>
/// The defaults are the standard bands of Reichheld (2003, "The One Number You Need to Grow", Harvard Business
/// Review): promoters 9–10, passives 7–8, detractors 0–6.
/// </remarks>
public sealed record NpsOptions
{
    /// <summary>The lowest score on the NPS scale (always 0).</summary>
    public const int ScaleMinimum = 0;

    /// <summary>The highest score on the NPS scale (always 10).</summary>
    public const int ScaleMaximum = 10;

    /// <summary>The standard options: promoters 9–10, detractors 0–6, adjusted Wald interval at 95%.</summary>
    public static NpsOptions Default { get; } = new();

    /// <summary>The lowest score that counts as a promoter.</summary>
    /// <value>The default is 9.</value>
    public int PromoterMinimum { get; init; } = 9;

    /// <summary>The highest score that counts as a detractor.</summary>
    /// <value>The default is 6. Scores between this and <see cref="PromoterMinimum"/> are passives.</value>
    public int DetractorMaximum { get; init; } = 6;

    /// <summary>How the confidence interval is built.</summary>
    /// <value>The default is <see cref="NpsIntervalMethod.AdjustedWald"/>.</value>
    public NpsIntervalMethod IntervalMethod { get; init; } = NpsIntervalMethod.AdjustedWald;

    /// <summary>The confidence level of the reported interval.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public NpsOptions Validate()
    {
        new OptionsValidation(nameof(NpsOptions))
            .Require(
                DetractorMaximum >= ScaleMinimum && DetractorMaximum < PromoterMinimum && PromoterMinimum <= ScaleMaximum,
                $"The bands need 0 <= DetractorMaximum ({DetractorMaximum}) < PromoterMinimum ({PromoterMinimum}) <= 10.")
            .Require(Enum.IsDefined(IntervalMethod), $"IntervalMethod {IntervalMethod} is not a known method.")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }
}
