using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Triage;

/// <summary>
/// The class of one inbound message, with the three class scores, a confidence and the features that fired (the reasons).
/// </summary>
/// <remarks>
/// <see cref="Confidence"/> is the softmax share of the winning score, exp(s_c) / Σ exp(s_k): a relative measure of how
/// clearly the rules separate the classes (1/3 = no evidence either way), not a calibrated probability.
/// </remarks>
public readonly struct MessageClassification : IEquatable<MessageClassification>
{
    /// <summary>Creates a classification, for example after JSON deserialization.</summary>
    /// <param name="class">The class.</param>
    /// <param name="interactiveScore">The interactive score, ≥ 0.</param>
    /// <param name="informationalScore">The informational score, ≥ 0.</param>
    /// <param name="automatedScore">The automated score, ≥ 0.</param>
    /// <param name="features">The features that fired.</param>
    /// <param name="linkCount">The number of links, ≥ 0.</param>
    /// <param name="repetitions">How many messages share this message's fingerprint (this one included), ≥ 0; 0 when unknown.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is negative or not finite, a count is negative, or the class is not defined.</exception>
    [JsonConstructor]
    public MessageClassification(MessageClass @class, double interactiveScore, double informationalScore, double automatedScore, TriageFeatures features, int linkCount, long repetitions)
    {
        if (!Enum.IsDefined(@class))
        {
            throw new ArgumentOutOfRangeException(nameof(@class), @class, "Use Interactive, Informational or Automated.");
        }

        Class = @class;
        InteractiveScore = Score(interactiveScore, nameof(interactiveScore));
        InformationalScore = Score(informationalScore, nameof(informationalScore));
        AutomatedScore = Score(automatedScore, nameof(automatedScore));
        Features = features;
        LinkCount = linkCount >= 0 ? linkCount : throw new ArgumentOutOfRangeException(nameof(linkCount), linkCount, "A link count cannot be negative.");
        Repetitions = repetitions >= 0 ? repetitions : throw new ArgumentOutOfRangeException(nameof(repetitions), repetitions, "A repetition count cannot be negative.");
    }

    /// <summary>The class.</summary>
    public MessageClass Class { get; }

    /// <summary>The interactive score (sum of the weights of the interactive features fired, plus the prior).</summary>
    public double InteractiveScore { get; }

    /// <summary>The informational score.</summary>
    public double InformationalScore { get; }

    /// <summary>The automated (spam, auto-reply) score.</summary>
    public double AutomatedScore { get; }

    /// <summary>The features that fired: the reasons for the class.</summary>
    public TriageFeatures Features { get; }

    /// <summary>The number of links found.</summary>
    public int LinkCount { get; }

    /// <summary>How many messages of the corpus share this message's normalised text (this one included); 0 when not counted.</summary>
    public long Repetitions { get; }

    /// <summary>The softmax share of the winning class's score, exp(s_c) / (exp(s_i) + exp(s_n) + exp(s_a)), in (0, 1]: at least 1/3 except when the automated score is the largest but below the automated threshold.</summary>
    public double Confidence
    {
        get
        {
            double won = Class switch { MessageClass.Interactive => InteractiveScore, MessageClass.Informational => InformationalScore, _ => AutomatedScore };
            return 1 / (Math.Exp(InteractiveScore - won) + Math.Exp(InformationalScore - won) + Math.Exp(AutomatedScore - won));
        }
    }

    /// <summary>Whether someone should read and answer the message: <see cref="MessageClass.Interactive"/>.</summary>
    [JsonIgnore]
    public bool NeedsReply => Class == MessageClass.Interactive;

    /// <summary>The fired features as lower-case words, for example <c>question, request-phrase</c> (what the CLI prints as reasons).</summary>
    /// <returns>The reasons, comma separated; <c>no evidence</c> when none fired.</returns>
    public string DescribeReasons()
    {
        if (Features == TriageFeatures.None)
        {
            return "no evidence";
        }

        var text = new StringBuilder();
        for (int bit = 0; bit < 31; bit++)
        {
            var f = (TriageFeatures)(1 << bit);
            if ((Features & f) == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(Kebab(f.ToString()));
            if (f == TriageFeatures.Links)
            {
                text.Append(CultureInfo.InvariantCulture, $" x{LinkCount}");
            }
            else if (f == TriageFeatures.Repeated)
            {
                text.Append(CultureInfo.InvariantCulture, $" x{Repetitions}");
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(MessageClassification other) =>
        Class == other.Class && InteractiveScore.Equals(other.InteractiveScore) && InformationalScore.Equals(other.InformationalScore)
        && AutomatedScore.Equals(other.AutomatedScore) && Features == other.Features && LinkCount == other.LinkCount && Repetitions == other.Repetitions;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MessageClassification other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Class, InteractiveScore, InformationalScore, AutomatedScore, Features, LinkCount, Repetitions);

    /// <summary>Formats as <c>Automated (confidence 0.93; interactive 0.3, informational 0, automated 3.1): links x2, promotional-phrase</c>.</summary>
    /// <returns>The formatted classification.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Class} (confidence {Confidence:0.##}; interactive {InteractiveScore:0.##}, informational {InformationalScore:0.##}, automated {AutomatedScore:0.##}): {DescribeReasons()}");

    /// <summary>Compares two classifications for equality.</summary>
    /// <param name="left">The first classification.</param>
    /// <param name="right">The second classification.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(MessageClassification left, MessageClassification right) => left.Equals(right);

    /// <summary>Compares two classifications for inequality.</summary>
    /// <param name="left">The first classification.</param>
    /// <param name="right">The second classification.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(MessageClassification left, MessageClassification right) => !left.Equals(right);

    private static double Score(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "A class score must be finite and ≥ 0.");

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
