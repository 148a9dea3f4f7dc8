using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Listening;

/// <summary>The brands whose share of voice is measured: the own brand and named competitors, with aliases.</summary>
/// <remarks>
/// <para>
/// <b>Matching.</b> Text, names and aliases are folded (lower case, accents removed, ñ kept, typographic apostrophes
/// straightened) and runs of white space in a name match one space. A name matches where it is preceded and followed
/// by a non-letter, non-digit character or the ends of the text, so "acme" matches "@acme", "#acme" and "Acme's",
/// but not "acmecorp" (list that as an alias). A mention counts at most once per brand, and can name several brands.
/// </para>
/// <para>
/// <b>Share of voice</b> of a brand = mentions naming it / Σ over tracked brands of mentions naming each, with a
/// Wilson interval (<see cref="Service.RateResult"/>). A mention naming two brands counts for both, so the
/// denominator counts brand mentions, not messages.
/// </para>
/// </remarks>
public sealed record ShareOfVoiceOptions
{
    private readonly IReadOnlyList<BrandDefinition> _competitors = [];

    /// <summary>The default options: no brands (mention volume only), 95% intervals.</summary>
    public static ShareOfVoiceOptions Default { get; } = new();

    /// <summary>The own brand, or <see langword="null"/> to track competitors (or volume) only.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public BrandDefinition? Brand { get; init; }

    /// <summary>The competitors, in reporting order.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<BrandDefinition> Competitors { get => _competitors; init => _competitors = value is null ? null! : [.. value]; }

    /// <summary>The confidence level of the share intervals.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The tracked brands in reporting order: the own brand first (when set), then the competitors.</summary>
    /// <returns>The brands.</returns>
    public IReadOnlyList<BrandDefinition> AllBrands()
    {
        var all = new List<BrandDefinition>(_competitors.Count + 1);
        if (Brand is not null)
        {
            all.Add(Brand);
        }

        all.AddRange(_competitors);
        return all;
    }

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public ShareOfVoiceOptions Validate()
    {
        string? empty = null;
        string? duplicate = null;
        if (_competitors is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (BrandDefinition brand in AllBrands())
            {
                if (brand is null)
                {
                    empty = "(null brand)";
                    continue;
                }

                string name = ListeningText.FoldPhrase(brand.Name);
                if (!HasWordChar(name))
                {
                    empty = $"'{brand.Name}'";
                }
                else if (!seen.Add(name))
                {
                    duplicate = brand.Name;
                }

                foreach (string alias in brand.Aliases)
                {
                    if (alias is null || !HasWordChar(ListeningText.FoldPhrase(alias)))
                    {
                        empty = $"an alias of '{brand.Name}'";
                    }
                }
            }
        }

        new OptionsValidation(nameof(ShareOfVoiceOptions))
            .Require(_competitors is not null, $"Competitors is null; use an empty list for none.")
            .Require(empty is null, $"Brand name {empty} is empty after folding; names and aliases need at least one letter or digit.")
            .Require(duplicate is null, $"Brand '{duplicate}' is listed twice (names are compared ignoring case and accents).")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }

    /// <inheritdoc />
    public bool Equals(ShareOfVoiceOptions? other)
    {
        if (other is null || !Equals(Brand, other.Brand) || !ConfidenceLevel.Equals(other.ConfidenceLevel) || _competitors.Count != other._competitors.Count)
        {
            return false;
        }

        for (int i = 0; i < _competitors.Count; i++)
        {
            if (!Equals(_competitors[i], other._competitors[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWordChar(string folded)
    {
        foreach (char c in folded)
        {
            if (ListeningText.IsWordChar(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Brand, _competitors.Count, ConfidenceLevel);
}
