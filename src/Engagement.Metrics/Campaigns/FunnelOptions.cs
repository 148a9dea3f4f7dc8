using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// Options of the campaign funnel (<see cref="FunnelAccumulator"/>) and of frequency versus engagement
/// (<see cref="SendFrequencyAccumulator"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Frequency.</b> A customer's frequency is their sends divided by their exposure in weeks: from the start of the
/// analysis window to the end of the window, or to the send that made them unsubscribe (an unsubscribe stops further
/// sends, so dividing by the whole window would make unsubscribers look infrequent and hide the effect being measured),
/// at least one week. The window is the same for everyone — not each customer's own first-to-last send, which makes a
/// customer with two messages a day apart look "frequent". It is <see cref="WindowStart"/> to <see cref="WindowEnd"/> when
/// both are set (sends outside it are rejected), otherwise the first to the last send in the data, at least one week.
/// </para>
/// <para>
/// <b>Buckets.</b> <see cref="FrequencyEdges"/> are the lower edges of the buckets after the first: the default
/// [1, 2, 3, 4, 6] gives &lt; 1, [1, 2), [2, 3), [3, 4), [4, 6) and ≥ 6 messages per week. These edges are our convention
/// (whole messages per week, with the heavy tail pooled), not an industry standard.
/// </para>
/// </remarks>
public sealed record FunnelOptions
{
    private static readonly double[] DefaultEdges = [1, 2, 3, 4, 6];

    /// <summary>The defaults described in the remarks.</summary>
    public static FunnelOptions Default { get; } = new();

    /// <summary>The level of every confidence interval.</summary>
    /// <value>The default is 0.95. Must lie strictly between 0 and 1.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The frequency bucket edges in messages per week (see the remarks).</summary>
    /// <value>The default is [1, 2, 3, 4, 6]. Must be non-empty, finite, &gt; 0 and strictly increasing.</value>
    public IReadOnlyList<double> FrequencyEdges { get; init; } = DefaultEdges;

    /// <summary>The start of the analysis window (inclusive); with <see cref="WindowEnd"/>, fixes the frequency denominator.</summary>
    /// <value>The default is <see langword="null"/>: the first send in the data. Set both or neither.</value>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>The end of the analysis window (exclusive).</summary>
    /// <value>The default is <see langword="null"/>: the last send in the data. Must be after <see cref="WindowStart"/>.</value>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public FunnelOptions Validate()
    {
        double? badEdge = null;
        int badIndex = -1;
        IReadOnlyList<double> edges = FrequencyEdges ?? [];
        for (int i = 0; i < edges.Count && badEdge is null; i++)
        {
            if (!double.IsFinite(edges[i]) || edges[i] <= 0 || (i > 0 && edges[i] <= edges[i - 1]))
            {
                badEdge = edges[i];
                badIndex = i;
            }
        }

        new OptionsValidation(nameof(FunnelOptions))
            .RequireConfidenceLevel(ConfidenceLevel)
            .Require(FrequencyEdges is { Count: > 0 }, $"FrequencyEdges is empty; give the bucket edges in messages per week, for example 1, 2, 3, 4, 6.")
            .Require(badEdge is null, $"FrequencyEdges[{badIndex}] is {badEdge}; edges must be finite, > 0 and strictly increasing.")
            .Require(WindowStart.HasValue == WindowEnd.HasValue, $"Only one of WindowStart ({WindowStart}) and WindowEnd ({WindowEnd}) is set; set both or neither.")
            .Require(!(WindowStart.HasValue && WindowEnd.HasValue) || WindowEnd.Value > WindowStart.Value, $"WindowEnd {WindowEnd} is not after WindowStart {WindowStart}.")
            .ThrowIfInvalid();
        return this;
    }

    /// <summary>Whether two options are equal: same level, window and edges (element by element).</summary>
    /// <param name="other">The other options.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(FunnelOptions? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!ConfidenceLevel.Equals(other.ConfidenceLevel) || WindowStart != other.WindowStart || WindowEnd != other.WindowEnd
            || FrequencyEdges.Count != other.FrequencyEdges.Count)
        {
            return false;
        }

        for (int i = 0; i < FrequencyEdges.Count; i++)
        {
            if (!FrequencyEdges[i].Equals(other.FrequencyEdges[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ConfidenceLevel, WindowStart, WindowEnd, FrequencyEdges.Count);
}
