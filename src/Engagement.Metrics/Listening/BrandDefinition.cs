using System.Text.Json.Serialization;

namespace Engagement.Metrics.Listening;

/// <summary>A brand to track in mentions: its name and the aliases that also count as naming it.</summary>
/// <remarks>
/// A mention names the brand when its text contains the name or an alias at word boundaries, ignoring case and
/// accents ("Telefónica" matches "TELEFONICA" but not "telefonicas"; "@acme" and "#acme" match "acme"). See
/// <see cref="ShareOfVoiceOptions"/>.
/// </remarks>
public sealed class BrandDefinition : IEquatable<BrandDefinition>
{
    /// <summary>Creates a brand (also the JSON constructor).</summary>
    /// <param name="name">The brand's name as reported, for example <c>Acme</c>; also matched in text.</param>
    /// <param name="aliases">Other names that count as naming the brand (products, handles without @, misspellings); may be empty.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [JsonConstructor]
    public BrandDefinition(string name, IReadOnlyList<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(aliases);
        Name = name;
        Aliases = [.. aliases];
    }

    /// <summary>Creates a brand from its name and aliases.</summary>
    /// <param name="name">The brand's name.</param>
    /// <param name="aliases">Other names that count as naming the brand.</param>
    /// <returns>The brand.</returns>
    public static BrandDefinition Of(string name, params string[] aliases) => new(name, aliases);

    /// <summary>The brand's name as reported; also matched in text.</summary>
    public string Name { get; }

    /// <summary>Other names that count as naming the brand.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <inheritdoc />
    public bool Equals(BrandDefinition? other)
    {
        if (other is null || !string.Equals(Name, other.Name, StringComparison.Ordinal) || Aliases.Count != other.Aliases.Count)
        {
            return false;
        }

        for (int i = 0; i < Aliases.Count; i++)
        {
            if (!string.Equals(Aliases[i], other.Aliases[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BrandDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Aliases.Count);

    /// <summary>Formats as <c>Acme (acmebank, acme_help)</c>.</summary>
    /// <returns>The formatted brand.</returns>
    public override string ToString() => Aliases.Count == 0 ? Name : $"{Name} ({string.Join(", ", Aliases)})";
}
