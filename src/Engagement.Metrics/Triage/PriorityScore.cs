using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Triage;

/// <summary>
/// The 0–100 priority of an inbound message and the points each component contributed (they sum to <see cref="Score"/>),
/// with the inputs that produced them: the reasons.
/// </summary>
public readonly struct PriorityScore : IEquatable<PriorityScore>
{
    /// <summary>Creates a priority, for example after JSON deserialization.</summary>
    /// <param name="sentimentPoints">Points from negative sentiment, ≥ 0.</param>
    /// <param name="severityPoints">Points from severity terms, ≥ 0.</param>
    /// <param name="valuePoints">Points from customer value, ≥ 0.</param>
    /// <param name="waitingPoints">Points from waiting time, ≥ 0.</param>
    /// <param name="sentimentCompound">The compound sentiment used, −1..1.</param>
    /// <param name="severityTerms">The number of distinct severity terms found, ≥ 0.</param>
    /// <param name="severityTerm">The first severity term found, or null.</param>
    /// <param name="customerValue">The CLV used, ≥ 0, or null when unknown.</param>
    /// <param name="waiting">The waiting time, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range, or the points sum above 100.</exception>
    [JsonConstructor]
    public PriorityScore(double sentimentPoints, double severityPoints, double valuePoints, double waitingPoints, double sentimentCompound, int severityTerms, string? severityTerm, double? customerValue, TimeSpan waiting)
    {
        SentimentPoints = Points(sentimentPoints, nameof(sentimentPoints));
        SeverityPoints = Points(severityPoints, nameof(severityPoints));
        ValuePoints = Points(valuePoints, nameof(valuePoints));
        WaitingPoints = Points(waitingPoints, nameof(waitingPoints));
        if (SentimentPoints + SeverityPoints + ValuePoints + WaitingPoints > 100 + 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(waitingPoints), "The component points sum above 100.");
        }

        SentimentCompound = sentimentCompound >= -1 && sentimentCompound <= 1 ? sentimentCompound : throw new ArgumentOutOfRangeException(nameof(sentimentCompound), sentimentCompound, "A compound score lies in [-1, 1].");
        SeverityTerms = severityTerms >= 0 ? severityTerms : throw new ArgumentOutOfRangeException(nameof(severityTerms), severityTerms, "A count cannot be negative.");
        SeverityTerm = severityTerm;
        CustomerValue = customerValue is not { } v || (v >= 0 && double.IsFinite(v)) ? customerValue : throw new ArgumentOutOfRangeException(nameof(customerValue), customerValue, "A CLV is finite and ≥ 0.");
        Waiting = waiting >= TimeSpan.Zero ? waiting : throw new ArgumentOutOfRangeException(nameof(waiting), waiting, "A waiting time cannot be negative.");
    }

    /// <summary>The priority, 0 (none) .. 100 (most urgent): the sum of the four component points.</summary>
    public double Score => Math.Min(100, SentimentPoints + SeverityPoints + ValuePoints + WaitingPoints);

    /// <summary>Points from negative sentiment: 100 · w_sentiment / Σw · max(0, −compound).</summary>
    public double SentimentPoints { get; }

    /// <summary>Points from severity terms: 100 · w_severity / Σw · min(1, terms / saturation).</summary>
    public double SeverityPoints { get; }

    /// <summary>Points from customer value: 100 · w_value / Σw · the log-scaled CLV (or the unknown-value default).</summary>
    public double ValuePoints { get; }

    /// <summary>Points from waiting: 100 · w_waiting / Σw · min(1, waiting / saturation).</summary>
    public double WaitingPoints { get; }

    /// <summary>The compound sentiment used (−1..1).</summary>
    public double SentimentCompound { get; }

    /// <summary>The number of distinct severity terms found.</summary>
    public int SeverityTerms { get; }

    /// <summary>The first severity term found (as listed in the options), or null.</summary>
    public string? SeverityTerm { get; }

    /// <summary>The customer value used, or null when unknown.</summary>
    public double? CustomerValue { get; }

    /// <summary>How long the message has waited for a reply at the "as of" instant.</summary>
    public TimeSpan Waiting { get; }

    /// <summary>The reasons in one line, for example <c>sentiment -0.62 → 15.5; severity 'lawyer*' ×1 → 12.5; value 250 → 20; waited 6h → 6.3</c>.</summary>
    /// <returns>The reasons.</returns>
    public string DescribeReasons() => string.Create(
        CultureInfo.InvariantCulture,
        $"sentiment {SentimentCompound:0.##} -> {SentimentPoints:0.#}; severity {(SeverityTerm is null ? "none" : $"'{SeverityTerm}' x{SeverityTerms}")} -> {SeverityPoints:0.#}; value {(CustomerValue is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "unknown")} -> {ValuePoints:0.#}; waited {Waiting.TotalHours:0.#}h -> {WaitingPoints:0.#}");

    /// <inheritdoc />
    public bool Equals(PriorityScore other) =>
        SentimentPoints.Equals(other.SentimentPoints) && SeverityPoints.Equals(other.SeverityPoints) && ValuePoints.Equals(other.ValuePoints)
        && WaitingPoints.Equals(other.WaitingPoints) && SentimentCompound.Equals(other.SentimentCompound) && SeverityTerms == other.SeverityTerms
        && string.Equals(SeverityTerm, other.SeverityTerm, StringComparison.Ordinal) && Nullable.Equals(CustomerValue, other.CustomerValue) && Waiting == other.Waiting;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PriorityScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SentimentPoints, SeverityPoints, ValuePoints, WaitingPoints, SentimentCompound, SeverityTerms, CustomerValue, Waiting);

    /// <summary>Formats as <c>priority 54.3 (sentiment -0.62 -> 15.5; …)</c>.</summary>
    /// <returns>The formatted priority.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"priority {Score:0.#} ({DescribeReasons()})");

    /// <summary>Compares two priorities for equality.</summary>
    /// <param name="left">The first priority.</param>
    /// <param name="right">The second priority.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(PriorityScore left, PriorityScore right) => left.Equals(right);

    /// <summary>Compares two priorities for inequality.</summary>
    /// <param name="left">The first priority.</param>
    /// <param name="right">The second priority.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(PriorityScore left, PriorityScore right) => !left.Equals(right);

    private static double Points(double value, string name) =>
        value >= 0 && value <= 100 ? value : throw new ArgumentOutOfRangeException(name, value, "Component points lie in [0, 100].");
}
