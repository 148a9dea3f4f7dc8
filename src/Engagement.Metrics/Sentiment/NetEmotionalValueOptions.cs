using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// The emotion catalogue of Net Emotional Value: which emotion names count as positive and which as negative,
/// whether mentions are weighted by intensity, and the confidence level.
/// </summary>
/// <remarks>
/// <para>
/// NEV was introduced by Beyond Philosophy (C. Shaw, "The DNA of Customer Experience", 2007) with a catalogue
/// of about twenty emotions in four clusters, most of them positive. The published catalogue's names are not all
/// public, so the default here is our own reasonable catalogue in the same spirit — 12 positive emotions
/// (happy, pleased, delighted, valued, cared for, trusting, safe, relieved, impressed, grateful, interested,
/// energised) and 10 negative (frustrated, irritated, disappointed, neglected, hurried, stressed, confused,
/// angry, anxious, let down). Replace it with your survey's own list.
/// </para>
/// <para>Names are compared case-insensitively (ordinal) after trimming.</para>
/// </remarks>
public sealed record NetEmotionalValueOptions
{
    /// <summary>Our default catalogue, unweighted, 95% intervals.</summary>
    public static NetEmotionalValueOptions Default { get; } = new();

    /// <summary>Emotion names that count as positive mentions.</summary>
    public IReadOnlyList<string> PositiveEmotions { get; init; } =
        ["happy", "pleased", "delighted", "valued", "cared for", "trusting", "safe", "relieved", "impressed", "grateful", "interested", "energised"];

    /// <summary>Emotion names that count as negative mentions.</summary>
    public IReadOnlyList<string> NegativeEmotions { get; init; } =
        ["frustrated", "irritated", "disappointed", "neglected", "hurried", "stressed", "confused", "angry", "anxious", "let down"];

    /// <summary>Whether NEV weighs each mention by its intensity (Σ intensity) instead of counting it once.</summary>
    /// <value>The default is <see langword="false"/>: NEV = share of positive mentions − share of negative mentions.</value>
    public bool IntensityWeighted { get; init; }

    /// <summary>The confidence level of the NEV interval.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public NetEmotionalValueOptions Validate()
    {
        string? overlap = null;
        bool blank = false;
        if (PositiveEmotions is not null && NegativeEmotions is not null)
        {
            foreach (string p in PositiveEmotions)
            {
                blank |= string.IsNullOrWhiteSpace(p);
                foreach (string n in NegativeEmotions)
                {
                    blank |= string.IsNullOrWhiteSpace(n);
                    if (overlap is null && p is not null && n is not null && Same(p, n))
                    {
                        overlap = p;
                    }
                }
            }
        }

        new OptionsValidation(nameof(NetEmotionalValueOptions))
            .Require(PositiveEmotions is { Count: > 0 }, $"PositiveEmotions is empty; list at least one positive emotion.")
            .Require(NegativeEmotions is { Count: > 0 }, $"NegativeEmotions is empty; list at least one negative emotion.")
            .Require(!blank, $"An emotion name is empty; remove it from the catalogue.")
            .Require(overlap is null, $"'{overlap}' is both a positive and a negative emotion; list it once.")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }

    /// <summary>+1 for a positive emotion, −1 for a negative one, 0 when the catalogue does not list it.</summary>
    /// <param name="emotion">The emotion name.</param>
    /// <returns>The emotion's polarity.</returns>
    public int PolarityOf(string emotion)
    {
        ArgumentNullException.ThrowIfNull(emotion);
        foreach (string p in PositiveEmotions)
        {
            if (Same(p, emotion))
            {
                return 1;
            }
        }

        foreach (string n in NegativeEmotions)
        {
            if (Same(n, emotion))
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>Equal when both catalogues list the same names in the same order and the other settings match.</summary>
    /// <param name="other">The options to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(NetEmotionalValueOptions? other) =>
        other is not null && IntensityWeighted == other.IntensityWeighted && ConfidenceLevel.Equals(other.ConfidenceLevel)
        && SameList(PositiveEmotions, other.PositiveEmotions) && SameList(NegativeEmotions, other.NegativeEmotions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IntensityWeighted, ConfidenceLevel, PositiveEmotions.Count, NegativeEmotions.Count);

    private static bool Same(string a, string b) => a.AsSpan().Trim().Equals(b.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool SameList(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
