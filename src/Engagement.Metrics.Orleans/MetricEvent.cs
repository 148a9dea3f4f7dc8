namespace Engagement.Metrics.Orleans;

/// <summary>One observation routed to an aggregate: its segment, its reporting day, and the metric's value.</summary>
/// <typeparam name="TValue">The metric's observation, for surveys <see cref="SurveyResponse"/>.</typeparam>
/// <remarks>
/// The day is a calendar date in the producer's reporting time zone; it picks the day grain the value lands in.
/// Use a fixed segment such as <c>"all"</c> when there are no segments.
/// </remarks>
[GenerateSerializer]
[Immutable]
public readonly struct MetricEvent<TValue> : IEquatable<MetricEvent<TValue>>
{
    /// <summary>Creates an event.</summary>
    /// <param name="segment">The segment (channel, region, agent…); not null.</param>
    /// <param name="date">The reporting day.</param>
    /// <param name="value">The observation.</param>
    /// <exception cref="ArgumentNullException">The segment is null.</exception>
    public MetricEvent(string segment, DateOnly date, TValue value)
    {
        ArgumentNullException.ThrowIfNull(segment);
        Segment = segment;
        Date = date;
        Value = value;
    }

    /// <summary>The segment the observation belongs to.</summary>
    [Id(0)]
    public string Segment { get; }

    /// <summary>The reporting day.</summary>
    [Id(1)]
    public DateOnly Date { get; }

    /// <summary>The observation.</summary>
    [Id(2)]
    public TValue Value { get; }

    /// <inheritdoc />
    public bool Equals(MetricEvent<TValue> other) =>
        string.Equals(Segment, other.Segment, StringComparison.Ordinal)
        && Date == other.Date
        && EqualityComparer<TValue>.Default.Equals(Value, other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MetricEvent<TValue> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Segment, Date, Value);

    /// <summary>Whether two events are equal.</summary>
    /// <param name="left">An event.</param>
    /// <param name="right">Another event.</param>
    /// <returns>True when segment, date and value are equal.</returns>
    public static bool operator ==(MetricEvent<TValue> left, MetricEvent<TValue> right) => left.Equals(right);

    /// <summary>Whether two events differ.</summary>
    /// <param name="left">An event.</param>
    /// <param name="right">Another event.</param>
    /// <returns>True when segment, date or value differ.</returns>
    public static bool operator !=(MetricEvent<TValue> left, MetricEvent<TValue> right) => !left.Equals(right);
}
