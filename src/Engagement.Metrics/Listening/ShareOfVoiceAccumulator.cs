using System.Buffers;
using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Service;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Listening;

/// <summary>
/// Mention volume and share of voice, streaming and mergeable: counts mentions and, per tracked brand, the mentions
/// naming it (matching rules on <see cref="ShareOfVoiceOptions"/>). Segment by channel or period with
/// <see cref="SegmentedAccumulator{TKey, TAccumulator}"/>.
/// </summary>
public sealed class ShareOfVoiceAccumulator : IMergeableAccumulator<ShareOfVoiceAccumulator>
{
    private readonly string[][] _phrases;
    private readonly long[] _brandMentions;
    private readonly IReadOnlyList<BrandDefinition> _brands;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The brands to track; <see langword="null"/> for <see cref="ShareOfVoiceOptions.Default"/> (volume only).</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not valid.</exception>
    public ShareOfVoiceAccumulator(ShareOfVoiceOptions? options = null)
    {
        Options = (options ?? ShareOfVoiceOptions.Default).Validate();
        _brands = Options.AllBrands();
        _phrases = new string[_brands.Count][];
        for (int i = 0; i < _brands.Count; i++)
        {
            BrandDefinition brand = _brands[i];
            var phrases = new string[brand.Aliases.Count + 1];
            phrases[0] = ListeningText.FoldPhrase(brand.Name);
            for (int j = 0; j < brand.Aliases.Count; j++)
            {
                phrases[j + 1] = ListeningText.FoldPhrase(brand.Aliases[j]);
            }

            _phrases[i] = phrases;
        }

        _brandMentions = new long[_brands.Count];
    }

    /// <summary>Restores an accumulator from its persisted state (also the JSON constructor).</summary>
    /// <param name="options">The brands tracked.</param>
    /// <param name="count">Mentions counted, ≥ 0.</param>
    /// <param name="mentionsNamingABrand">Mentions naming at least one brand, 0..count.</param>
    /// <param name="brandMentions">Mentions naming each brand, in <see cref="ShareOfVoiceOptions.AllBrands"/> order, each 0..mentionsNamingABrand.</param>
    /// <exception cref="ArgumentException">The options are not valid or the counts are inconsistent.</exception>
    [JsonConstructor]
    public ShareOfVoiceAccumulator(ShareOfVoiceOptions options, long count, long mentionsNamingABrand, IReadOnlyList<long> brandMentions)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(brandMentions);
        ArgumentOutOfRangeException.ThrowIfNegative(mentionsNamingABrand);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mentionsNamingABrand, count);
        if (brandMentions.Count != _brandMentions.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"brandMentions has {brandMentions.Count} counts but the options track {_brandMentions.Length} brands."), nameof(brandMentions));
        }

        for (int i = 0; i < brandMentions.Count; i++)
        {
            if (brandMentions[i] < 0 || brandMentions[i] > mentionsNamingABrand)
            {
                throw new ArgumentOutOfRangeException(nameof(brandMentions), brandMentions[i], string.Create(CultureInfo.InvariantCulture, $"brandMentions[{i}] must lie in 0..{mentionsNamingABrand} (mentions naming a brand)."));
            }

            _brandMentions[i] = brandMentions[i];
        }

        Count = count;
        MentionsNamingABrand = mentionsNamingABrand;
    }

    /// <summary>The brands tracked.</summary>
    public ShareOfVoiceOptions Options { get; }

    /// <summary>The number of mentions counted (the volume).</summary>
    public long Count { get; private set; }

    /// <summary>Mentions naming at least one tracked brand.</summary>
    public long MentionsNamingABrand { get; private set; }

    /// <summary>Mentions naming each brand, in <see cref="ShareOfVoiceOptions.AllBrands"/> order.</summary>
    public IReadOnlyList<long> BrandMentions => [.. _brandMentions];

    /// <summary>Counts one mention's text.</summary>
    /// <param name="text">The text.</param>
    public void Add(ReadOnlySpan<char> text)
    {
        Count++;
        if (_phrases.Length == 0)
        {
            return;
        }

        char[]? rented = null;
        Span<char> folded = text.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        int length = ListeningText.FoldText(text, folded);
        ReadOnlySpan<char> haystack = folded[..length];
        bool any = false;
        for (int b = 0; b < _phrases.Length; b++)
        {
            foreach (string phrase in _phrases[b])
            {
                if (ListeningText.ContainsAtWordBoundary(haystack, phrase))
                {
                    _brandMentions[b]++;
                    any = true;
                    break;
                }
            }
        }

        MentionsNamingABrand += any ? 1 : 0;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Counts one mention.</summary>
    /// <param name="mention">The mention; validated first.</param>
    /// <exception cref="ArgumentException">The mention is not valid (see <see cref="Mention.Validate"/>).</exception>
    public void Add(in Mention mention)
    {
        mention.Validate();
        Add(mention.Text);
    }

    /// <summary>Counts many mentions; validates all of them before counting any.</summary>
    /// <param name="mentions">The mentions.</param>
    /// <exception cref="ArgumentException">A mention is not valid; its position and id are named, and nothing was added.</exception>
    public void AddRange(ReadOnlySpan<Mention> mentions)
    {
        for (int i = 0; i < mentions.Length; i++)
        {
            mentions[i].ValidateAt(i);
        }

        foreach (ref readonly Mention m in mentions)
        {
            Add(m.Text);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The other accumulator tracks different brands.</exception>
    public void Merge(ShareOfVoiceAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException("Cannot merge share-of-voice counts for different brands or confidence levels; count both with the same ShareOfVoiceOptions.", nameof(other));
        }

        for (int i = 0; i < _brandMentions.Length; i++)
        {
            _brandMentions[i] += other._brandMentions[i];
        }

        Count += other.Count;
        MentionsNamingABrand += other.MentionsNamingABrand;
    }

    /// <inheritdoc />
    public ShareOfVoiceAccumulator CreateEmpty() => new(Options);

    /// <summary>The volume and the share of voice of every tracked brand.</summary>
    /// <returns>The result; shares have no value when no mention names a brand.</returns>
    public ShareOfVoiceResult ToResult()
    {
        long total = 0;
        foreach (long m in _brandMentions)
        {
            total += m;
        }

        var brands = new BrandShare[_brands.Count];
        for (int i = 0; i < brands.Length; i++)
        {
            bool own = Options.Brand is not null && i == 0;
            brands[i] = new BrandShare(_brands[i].Name, own, new RateResult(total, _brandMentions[i], Options.ConfidenceLevel));
        }

        return new ShareOfVoiceResult(Count, MentionsNamingABrand, brands);
    }
}
