namespace Engagement.Metrics.Orleans;

/// <summary>One survey answer for the NPS, CSAT and CES metrics: a score on the metric's scale and a weight.</summary>
[GenerateSerializer]
[Immutable]
public readonly struct SurveyResponse : IEquatable<SurveyResponse>
{
    /// <summary>Creates an unweighted response (weight 1).</summary>
    /// <param name="score">The score on the metric's scale (NPS 0..10; CSAT and CES as configured).</param>
    public SurveyResponse(int score)
        : this(score, 1)
    {
    }

    /// <summary>Creates a weighted response.</summary>
    /// <param name="score">The score on the metric's scale.</param>
    /// <param name="weight">The survey weight, finite and ≥ 0 (validated when the batch is ingested).</param>
    public SurveyResponse(int score, double weight)
    {
        Score = score;
        Weight = weight;
    }

    /// <summary>The score.</summary>
    [Id(0)]
    public int Score { get; }

    /// <summary>The survey weight (1 for unweighted data).</summary>
    [Id(1)]
    public double Weight { get; }

    /// <inheritdoc />
    public bool Equals(SurveyResponse other) => Score == other.Score && Weight.Equals(other.Weight);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SurveyResponse other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Score, Weight);

    /// <summary>Whether two responses are equal.</summary>
    /// <param name="left">A response.</param>
    /// <param name="right">Another response.</param>
    /// <returns>True when score and weight are equal.</returns>
    public static bool operator ==(SurveyResponse left, SurveyResponse right) => left.Equals(right);

    /// <summary>Whether two responses differ.</summary>
    /// <param name="left">A response.</param>
    /// <param name="right">Another response.</param>
    /// <returns>True when score or weight differ.</returns>
    public static bool operator !=(SurveyResponse left, SurveyResponse right) => !left.Equals(right);
}
