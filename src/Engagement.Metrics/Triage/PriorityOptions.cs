using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Triage;

/// <summary>
/// The weights and scales of <see cref="TriagePriority"/>: how much negative sentiment, severity terms, customer value
/// and waiting time each add to the 0–100 priority.
/// </summary>
/// <remarks>
/// <para>
/// Priority = 100 · Σ wₖ·cₖ / Σ wₖ over four components cₖ in [0, 1]:
/// sentiment c = max(0, −compound) (only negative sentiment raises priority);
/// severity c = min(1, distinct severity terms found / <see cref="SeveritySaturation"/>);
/// value c = min(1, ln(1 + CLV) / ln(1 + <see cref="ValueReference"/>)), or <see cref="UnknownValue"/> when the CLV is unknown
/// (a log scale, because CLV is heavy-tailed: a customer worth 10× more gets a fixed step more, not 10× the priority);
/// waiting c = min(1, waiting / <see cref="WaitingSaturation"/>).
/// </para>
/// <para>
/// The defaults are <em>ours</em>, not an industry standard: equal 25-point weights, two severity terms saturate,
/// a CLV of 1 000 (in your currency) is full value, 24 hours of waiting saturate. Severity terms are folded (lower case,
/// no accents) and match at word boundaries with or without accents in the message; a trailing <c>*</c> makes a prefix.
/// </para>
/// </remarks>
public sealed record PriorityOptions
{
    /// <summary>Our defaults.</summary>
    public static PriorityOptions Default { get; } = new();

    /// <summary>Weight of negative sentiment.</summary>
    /// <value>25.</value>
    public double SentimentWeight { get; init; } = 25;

    /// <summary>Weight of severity terms.</summary>
    /// <value>25.</value>
    public double SeverityWeight { get; init; } = 25;

    /// <summary>Weight of customer value.</summary>
    /// <value>25.</value>
    public double ValueWeight { get; init; } = 25;

    /// <summary>Weight of waiting time.</summary>
    /// <value>25.</value>
    public double WaitingWeight { get; init; } = 25;

    /// <summary>Severity terms (English and Spanish, folded): cancellation, legal, regulator and complaint words.</summary>
    public IReadOnlyList<string> SeverityTerms { get; init; } =
    [
        "cancel*", "close my account", "terminate", "lawyer*", "solicitor*", "attorney", "legal action", "sue", "court", "chargeback*",
        "dispute*", "complain*", "ombudsman", "regulator*", "trading standards", "fraud*", "scam*", "report you",
        "darme de baja", "dar de baja", "me doy de baja", "cancelar", "cancelacion", "abogad*", "denuncia*", "demanda*", "reclamacion*",
        "hoja de reclamaciones", "queja*", "ocu", "consumo", "oficina del consumidor", "facua", "estafa*", "fraude*", "juzgado",
    ];

    /// <summary>The number of distinct severity terms at which the severity component reaches 1.</summary>
    /// <value>2.</value>
    public int SeveritySaturation { get; init; } = 2;

    /// <summary>The customer value (CLV, in the data's currency) that counts as full value on the log scale.</summary>
    /// <value>1 000.</value>
    public double ValueReference { get; init; } = 1000;

    /// <summary>The value component used when the customer's CLV is unknown, in [0, 1].</summary>
    /// <value>0.5: an unknown customer is treated as a middling one, neither ignored nor favoured.</value>
    public double UnknownValue { get; init; } = 0.5;

    /// <summary>The waiting time at which the waiting component reaches 1.</summary>
    /// <value>24 hours.</value>
    public TimeSpan WaitingSaturation { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A weight is negative or not finite, all weights are 0, a scale is not positive, or a severity term is empty or not folded.</exception>
    public PriorityOptions Validate()
    {
        new OptionsValidation(nameof(PriorityOptions))
            .Require(Weight(SentimentWeight), $"SentimentWeight is {SentimentWeight}; use a finite value ≥ 0.")
            .Require(Weight(SeverityWeight), $"SeverityWeight is {SeverityWeight}; use a finite value ≥ 0.")
            .Require(Weight(ValueWeight), $"ValueWeight is {ValueWeight}; use a finite value ≥ 0.")
            .Require(Weight(WaitingWeight), $"WaitingWeight is {WaitingWeight}; use a finite value ≥ 0.")
            .Require(SentimentWeight + SeverityWeight + ValueWeight + WaitingWeight > 0, $"Every weight is 0; give at least one component a positive weight.")
            .Require(SeveritySaturation >= 1, $"SeveritySaturation is {SeveritySaturation}; use 1 or more terms.")
            .Require(ValueReference > 0 && double.IsFinite(ValueReference), $"ValueReference is {ValueReference}; use a positive CLV, for example 1000.")
            .Require(UnknownValue >= 0 && UnknownValue <= 1, $"UnknownValue is {UnknownValue}; use a component value in [0, 1].")
            .Require(WaitingSaturation > TimeSpan.Zero, $"WaitingSaturation is {WaitingSaturation}; use a positive time, for example 24 hours.")
            .Require(PhraseLists.Problem(SeverityTerms) is null, $"SeverityTerms: {PhraseLists.Problem(SeverityTerms)}")
            .ThrowIfInvalid();
        return this;
    }

    /// <summary>Equal when every weight, scale and severity term (in order) is equal.</summary>
    /// <param name="other">The options to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(PriorityOptions? other) =>
        other is not null && SentimentWeight.Equals(other.SentimentWeight) && SeverityWeight.Equals(other.SeverityWeight)
        && ValueWeight.Equals(other.ValueWeight) && WaitingWeight.Equals(other.WaitingWeight) && SeveritySaturation == other.SeveritySaturation
        && ValueReference.Equals(other.ValueReference) && UnknownValue.Equals(other.UnknownValue) && WaitingSaturation == other.WaitingSaturation
        && PhraseLists.SameList(SeverityTerms, other.SeverityTerms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SentimentWeight, SeverityWeight, ValueWeight, WaitingWeight, ValueReference, WaitingSaturation, SeverityTerms?.Count);

    private static bool Weight(double w) => w >= 0 && double.IsFinite(w);
}
