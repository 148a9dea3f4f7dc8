using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Triage;

/// <summary>A customer who turned passive or hostile: the customer, the rule, the values compared and the threshold.</summary>
public readonly struct TriageAlert : IEquatable<TriageAlert>
{
    /// <summary>Creates an alert, for example after JSON deserialization.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="rule">The rule that fired.</param>
    /// <param name="previous">The previous value (engagement score, or mean compound), or null when there was none.</param>
    /// <param name="current">The current value.</param>
    /// <param name="threshold">The threshold of the rule (a fall for the drop rules, a level for the others).</param>
    [JsonConstructor]
    public TriageAlert(string customerId, TriageAlertRule rule, double? previous, double current, double threshold)
    {
        CustomerId = customerId ?? throw new ArgumentNullException(nameof(customerId));
        Rule = Enum.IsDefined(rule) ? rule : throw new ArgumentOutOfRangeException(nameof(rule), rule, "Use a defined TriageAlertRule.");
        Previous = previous;
        Current = current;
        Threshold = threshold;
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>The rule that fired.</summary>
    public TriageAlertRule Rule { get; }

    /// <summary>Whether the customer turned hostile (sentiment rules) rather than passive (engagement rules).</summary>
    public bool IsHostile => Rule is TriageAlertRule.SentimentBelowThreshold or TriageAlertRule.SentimentDrop;

    /// <summary>The previous value (engagement score, or the mean compound of earlier messages), or null.</summary>
    public double? Previous { get; }

    /// <summary>The current value (engagement score, or compound sentiment).</summary>
    public double Current { get; }

    /// <summary>The rule's threshold.</summary>
    public double Threshold { get; }

    /// <summary>Previous − current, or null without a previous value.</summary>
    public double? Fall => Previous - Current;

    /// <summary>The reason in words, for example <c>engagement fell 72 -> 40 (fall 32 > 15)</c>.</summary>
    /// <returns>The reason.</returns>
    public string DescribeReason() => Rule switch
    {
        TriageAlertRule.EngagementDrop => string.Create(CultureInfo.InvariantCulture, $"engagement fell {Previous:0.##} -> {Current:0.##} (fall {Fall:0.##} > {Threshold:0.##})"),
        TriageAlertRule.EngagementBelowFloor => string.Create(CultureInfo.InvariantCulture, $"engagement fell below the floor: {Previous:0.##} -> {Current:0.##} (< {Threshold:0.##})"),
        TriageAlertRule.SentimentBelowThreshold => string.Create(CultureInfo.InvariantCulture, $"sentiment {Current:0.###} <= {Threshold:0.###}{(Previous is { } p ? string.Create(CultureInfo.InvariantCulture, $" (previous mean {p:0.###})") : "")}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"sentiment fell {Previous:0.###} -> {Current:0.###} (fall {Fall:0.###} > {Threshold:0.###})"),
    };

    /// <inheritdoc />
    public bool Equals(TriageAlert other) =>
        string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) && Rule == other.Rule && Nullable.Equals(Previous, other.Previous)
        && Current.Equals(other.Current) && Threshold.Equals(other.Threshold);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TriageAlert other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CustomerId, Rule, Previous, Current, Threshold);

    /// <summary>Formats as <c>cust7 turned passive (EngagementDrop): engagement fell 72 -> 40 (fall 32 > 15)</c>.</summary>
    /// <returns>The formatted alert.</returns>
    public override string ToString() => $"{CustomerId} turned {(IsHostile ? "hostile" : "passive")} ({Rule}): {DescribeReason()}";

    /// <summary>Compares two alerts for equality.</summary>
    /// <param name="left">The first alert.</param>
    /// <param name="right">The second alert.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(TriageAlert left, TriageAlert right) => left.Equals(right);

    /// <summary>Compares two alerts for inequality.</summary>
    /// <param name="left">The first alert.</param>
    /// <param name="right">The second alert.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(TriageAlert left, TriageAlert right) => !left.Equals(right);
}
