using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Listening;

/// <summary>One tracked brand's mentions and share of voice.</summary>
public readonly struct BrandShare : IEquatable<BrandShare>
{
    /// <summary>Creates a brand share (also the JSON constructor).</summary>
    /// <param name="name">The brand's name.</param>
    /// <param name="isOwnBrand">Whether this is the own brand rather than a competitor.</param>
    /// <param name="share">Mentions naming the brand (successes) out of all brand mentions (count).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    [JsonConstructor]
    public BrandShare(string name, bool isOwnBrand, RateResult share)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        IsOwnBrand = isOwnBrand;
        Share = share;
    }

    /// <summary>The brand's name.</summary>
    public string Name { get; }

    /// <summary>Whether this is the own brand rather than a competitor.</summary>
    public bool IsOwnBrand { get; }

    /// <summary>The number of mentions naming the brand (its volume).</summary>
    [JsonIgnore]
    public long Mentions => Share.Successes;

    /// <summary>
    /// Share of voice: mentions naming the brand / mentions naming any tracked brand (counted once per brand), 0..1,
    /// with a Wilson interval; <see langword="null"/> value when no mention names a tracked brand.
    /// </summary>
    public RateResult Share { get; }

    /// <inheritdoc />
    public bool Equals(BrandShare other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal) && IsOwnBrand == other.IsOwnBrand && Share.Equals(other.Share);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BrandShare other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, IsOwnBrand, Share);

    /// <summary>Formats as <c>Acme: 120 mentions, share 0.42</c>.</summary>
    /// <returns>The formatted share.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Mentions} mentions, share {Share.Value:0.###}");

    /// <summary>Compares two brand shares for equality.</summary>
    /// <param name="left">The first share.</param>
    /// <param name="right">The second share.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(BrandShare left, BrandShare right) => left.Equals(right);

    /// <summary>Compares two brand shares for inequality.</summary>
    /// <param name="left">The first share.</param>
    /// <param name="right">The second share.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(BrandShare left, BrandShare right) => !left.Equals(right);
}
