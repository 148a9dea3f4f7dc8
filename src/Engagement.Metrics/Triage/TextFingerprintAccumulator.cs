using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Triage;

/// <summary>
/// Counts messages per <see cref="TextFingerprint"/>, the repetition evidence of <see cref="MessageClassifier"/>.
/// Mergeable: partitions counted apart and merged give exactly the counts of the whole.
/// </summary>
/// <remarks>Memory is one entry (16 bytes plus dictionary overhead) per distinct normalised text.</remarks>
public sealed class TextFingerprintAccumulator : IMergeableAccumulator<TextFingerprintAccumulator>
{
    private readonly Dictionary<ulong, long> _counts;

    /// <summary>Creates an empty accumulator.</summary>
    public TextFingerprintAccumulator() => _counts = [];

    /// <summary>Restores an accumulator from its state, for example after JSON deserialization.</summary>
    /// <param name="counts">Messages per fingerprint; every count ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    [JsonConstructor]
    public TextFingerprintAccumulator(IReadOnlyDictionary<ulong, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _counts = new Dictionary<ulong, long>(counts.Count);
        foreach ((ulong key, long count) in counts)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), count, string.Create(CultureInfo.InvariantCulture, $"counts[{key}] is {count}; a stored fingerprint counts at least one message."));
            }

            _counts[key] = count;
        }

        foreach (long c in _counts.Values)
        {
            Count += c;
        }
    }

    /// <summary>Messages per fingerprint.</summary>
    public IReadOnlyDictionary<ulong, long> Counts => _counts;

    /// <summary>The number of messages counted.</summary>
    [JsonIgnore]
    public long Count { get; private set; }

    /// <summary>The number of distinct normalised texts.</summary>
    [JsonIgnore]
    public int DistinctCount => _counts.Count;

    /// <summary>Counts one message.</summary>
    /// <param name="text">The message text.</param>
    public void Add(ReadOnlySpan<char> text) => AddFingerprint(TextFingerprint.Of(text));

    /// <summary>Counts one message by its fingerprint.</summary>
    /// <param name="fingerprint">The fingerprint, from <see cref="TextFingerprint.Of"/>.</param>
    public void AddFingerprint(ulong fingerprint)
    {
        _counts[fingerprint] = _counts.GetValueOrDefault(fingerprint) + 1;
        Count++;
    }

    /// <summary>Counts many messages; a <see langword="null"/> text counts as empty text.</summary>
    /// <param name="texts">The message texts.</param>
    public void AddRange(ReadOnlySpan<string?> texts)
    {
        foreach (string? text in texts)
        {
            Add(text);
        }
    }

    /// <summary>How many counted messages share the fingerprint of <paramref name="text"/>.</summary>
    /// <param name="text">A message text.</param>
    /// <returns>The count, 0 when the text was never counted.</returns>
    public long CountOf(ReadOnlySpan<char> text) => CountOfFingerprint(TextFingerprint.Of(text));

    /// <summary>How many counted messages have <paramref name="fingerprint"/>.</summary>
    /// <param name="fingerprint">A fingerprint.</param>
    /// <returns>The count, 0 when never counted.</returns>
    public long CountOfFingerprint(ulong fingerprint) => _counts.GetValueOrDefault(fingerprint);

    /// <inheritdoc />
    public void Merge(TextFingerprintAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            foreach (ulong key in _counts.Keys.ToArray())
            {
                _counts[key] *= 2;
            }

            Count *= 2;
            return;
        }

        foreach ((ulong key, long count) in other._counts)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + count;
        }

        Count += other.Count;
    }

    /// <inheritdoc />
    public TextFingerprintAccumulator CreateEmpty() => new();

    /// <summary>Formats as <c>120 messages, 97 distinct texts</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} messages, {DistinctCount} distinct texts");
}
