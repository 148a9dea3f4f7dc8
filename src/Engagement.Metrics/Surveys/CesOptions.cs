using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Surveys;

/// <summary>The scale and "easy" band of a Customer Effort Score (CES) survey.</summary>
/// <remarks>
/// <para>
/// The default is CES 2.0 (Gartner/CEB, 2013): agreement with "The company made it easy for me to handle my issue"
/// on 1 (strongly disagree) to 7 (strongly agree), higher is easier; 5–7 count as easy.
/// </para>
/// <para>
/// <see cref="Legacy"/> is the original CES (Dixon, Freeman &amp; Toman 2010, Harvard Business Review, "Stop Trying
/// to Delight Your Customers"): "How much effort did you personally have to put forth?" on 1 (very low) to 5
/// (very high), lower is better; 1–2 count as easy.
/// </para>
/// </remarks>
public sealed record CesOptions
{
    /// <summary>CES 2.0: 1–7 agreement, higher is easier, easy at 5 and above.</summary>
    public static CesOptions Default { get; } = new();

    /// <summary>The legacy 1–5 effort scale: lower is easier, easy at 2 and below.</summary>
    public static CesOptions Legacy { get; } = new() { Minimum = 1, Maximum = 5, EasyThreshold = 2, LowerIsEasier = true };

    /// <summary>The lowest score on the scale.</summary>
    /// <value>The default is 1.</value>
    public int Minimum { get; init; } = 1;

    /// <summary>The highest score on the scale.</summary>
    /// <value>The default is 7.</value>
    public int Maximum { get; init; } = 7;

    /// <summary>The boundary of the "easy" band: scores at or above it are easy, or at or below it when <see cref="LowerIsEasier"/>.</summary>
    /// <value>The default is 5.</value>
    public int EasyThreshold { get; init; } = 5;

    /// <summary>Whether low scores mean low effort (the legacy effort scale).</summary>
    /// <value>The default is <see langword="false"/> (agreement scale: higher is easier).</value>
    public bool LowerIsEasier { get; init; }

    /// <summary>The confidence level of the reported intervals.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public CesOptions Validate()
    {
        new OptionsValidation(nameof(CesOptions))
            .Require(
                Minimum >= 0 && Maximum <= SurveyScale.Ceiling && Minimum < Maximum,
                $"The scale {Minimum}..{Maximum} needs 0 <= Minimum < Maximum <= {SurveyScale.Ceiling}.")
            .Require(
                EasyThreshold >= Minimum && EasyThreshold <= Maximum,
                $"EasyThreshold {EasyThreshold} must lie on the scale {Minimum}..{Maximum}.")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }
}
