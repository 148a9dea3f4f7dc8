using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Surveys;

/// <summary>The scale and "satisfied" band of a customer-satisfaction (CSAT) survey.</summary>
/// <remarks>
/// The default is the common 1–5 scale with top-2-box scoring (4 "satisfied" and 5 "very satisfied" count as
/// satisfied), as used by the American Customer Satisfaction Index style surveys and most CX platforms.
/// </remarks>
public sealed record CsatOptions
{
    /// <summary>The standard options: scale 1–5, satisfied at 4 and above, 95% intervals.</summary>
    public static CsatOptions Default { get; } = new();

    /// <summary>The lowest score on the scale.</summary>
    /// <value>The default is 1.</value>
    public int Minimum { get; init; } = 1;

    /// <summary>The highest score on the scale.</summary>
    /// <value>The default is 5.</value>
    public int Maximum { get; init; } = 5;

    /// <summary>The lowest score that counts as satisfied.</summary>
    /// <value>The default is 4 (top-2-box on 1–5).</value>
    public int SatisfiedThreshold { get; init; } = 4;

    /// <summary>The confidence level of the reported intervals.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public CsatOptions Validate()
    {
        new OptionsValidation(nameof(CsatOptions))
            .Require(
                Minimum >= 0 && Maximum <= SurveyScale.Ceiling && Minimum < Maximum,
                $"The scale {Minimum}..{Maximum} needs 0 <= Minimum < Maximum <= {SurveyScale.Ceiling}.")
            .Require(
                SatisfiedThreshold >= Minimum && SatisfiedThreshold <= Maximum,
                $"SatisfiedThreshold {SatisfiedThreshold} must lie on the scale {Minimum}..{Maximum}.")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }
}
