using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Listening;

/// <summary>Mention volume and share of voice of the tracked brands.</summary>
public readonly struct ShareOfVoiceResult : IEquatable<ShareOfVoiceResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="mentions">All mentions counted (the volume), ≥ 0.</param>
    /// <param name="mentionsNamingABrand">Mentions naming at least one tracked brand, 0..mentions.</param>
    /// <param name="brands">The tracked brands in reporting order (own brand first).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or larger than <paramref name="mentions"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="brands"/> is null.</exception>
    [JsonConstructor]
    public ShareOfVoiceResult(long mentions, long mentionsNamingABrand, IReadOnlyList<BrandShare> brands)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mentions);
        ArgumentOutOfRangeException.ThrowIfNegative(mentionsNamingABrand);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mentionsNamingABrand, mentions);
        ArgumentNullException.ThrowIfNull(brands);
        Mentions = mentions;
        MentionsNamingABrand = mentionsNamingABrand;
        Brands = brands;
    }

    /// <summary>All mentions counted: the mention volume.</summary>
    public long Mentions { get; }

    /// <summary>Mentions naming at least one tracked brand.</summary>
    public long MentionsNamingABrand { get; }

    /// <summary>Mentions naming no tracked brand (sector talk, or a brand not listed).</summary>
    [JsonIgnore]
    public long Unattributed => Mentions - MentionsNamingABrand;

    /// <summary>The tracked brands in reporting order (own brand first, then competitors as listed).</summary>
    public IReadOnlyList<BrandShare> Brands { get; }

    /// <inheritdoc />
    public bool Equals(ShareOfVoiceResult other)
    {
        if (Mentions != other.Mentions || MentionsNamingABrand != other.MentionsNamingABrand || Brands.Count != other.Brands.Count)
        {
            return false;
        }

        for (int i = 0; i < Brands.Count; i++)
        {
            if (!Brands[i].Equals(other.Brands[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ShareOfVoiceResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mentions, MentionsNamingABrand, Brands.Count);

    /// <summary>Formats as <c>300 mentions, 240 naming a brand, 3 brands</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mentions} mentions, {MentionsNamingABrand} naming a brand, {Brands.Count} brands");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(ShareOfVoiceResult left, ShareOfVoiceResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(ShareOfVoiceResult left, ShareOfVoiceResult right) => !left.Equals(right);
}
