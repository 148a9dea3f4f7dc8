using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engagement.Metrics.Listening;

/// <summary>
/// One public mention of the brand or the sector (a social post, a comment, a review, a forum or news item): the
/// input of every listening metric (volume, share of voice, themes, trending themes, top contributors).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Reach"/> is optional because sources do not all report it; contributors are ranked by reach only over
/// the mentions that report one. <see cref="Author"/> is the account or source (a user handle, a site name).
/// </para>
/// <para>Call <see cref="Validate"/> (every accumulator does) to check the record; the rules are listed there.</para>
/// </remarks>
public readonly struct Mention : IEquatable<Mention>
{
    private readonly long _publishedAt;

    /// <summary>Creates an empty mention; set the properties with an object initializer.</summary>
    public Mention()
    {
        MentionId = string.Empty;
        Author = string.Empty;
        Channel = string.Empty;
        Text = string.Empty;
    }

    /// <summary>The mention's identifier, used in error messages; required.</summary>
    public string MentionId { get; init; }

    /// <summary>The author or source (handle, account, site); empty when unknown.</summary>
    public string Author { get; init; }

    /// <summary>The channel or network, for example <c>twitter</c>, <c>instagram</c>, <c>news</c>, <c>reviews</c>; empty when unknown.</summary>
    public string Channel { get; init; }

    /// <summary>When the mention was published. Stored as a UTC instant.</summary>
    public DateTimeOffset PublishedAt { get => new(_publishedAt, TimeSpan.Zero); init => _publishedAt = value.UtcTicks; }

    /// <summary>The text of the mention; may be empty, never <see langword="null"/>.</summary>
    public string Text { get; init; }

    /// <summary>The number of accounts the mention reached (audience, followers, views), ≥ 0; <see langword="null"/> when not reported.</summary>
    public long? Reach { get; init; }

    /// <summary>Checks the record and throws on the first broken rule.</summary>
    /// <exception cref="ArgumentException">
    /// <see cref="MentionId"/> is empty; <see cref="Author"/>, <see cref="Channel"/> or <see cref="Text"/> is null;
    /// <see cref="Reach"/> is negative. The message names the mention, the field and its value;
    /// <see cref="ArgumentException.ParamName"/> is the field's name.
    /// </exception>
    public void Validate() => ValidateAt(-1);

    internal void ValidateAt(int index)
    {
        if (!IsValid)
        {
            (string field, string message) = FindProblem();
            Throw(index, field, message);
        }
    }

    // The hot path: every rule on the raw fields, no message formatting.
    internal bool IsValid =>
        !string.IsNullOrEmpty(MentionId) && Author is not null && Channel is not null && Text is not null
        && (Reach is not { } r || r >= 0);

    private (string Field, string Message) FindProblem()
    {
        if (string.IsNullOrEmpty(MentionId))
        {
            return (nameof(MentionId), "MentionId is empty; every mention needs an identifier (the row number will do)");
        }

        if (Author is null || Channel is null || Text is null)
        {
            string field = Author is null ? nameof(Author) : Channel is null ? nameof(Channel) : nameof(Text);
            return (field, $"{field} is null; use an empty string for an unknown value");
        }

        return (nameof(Reach), string.Create(CultureInfo.InvariantCulture, $"Reach is {Reach}; reach counts accounts and cannot be negative (leave it empty when unknown)"));
    }

    [DoesNotReturn]
    private void Throw(int index, string field, string message)
    {
        string id = string.IsNullOrEmpty(MentionId) ? "mention without id" : $"mention '{MentionId}'";
        string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"mentions[{index}] ({id})") : $"Mention ({id})";
        string outcome = index >= 0 ? "Fix or drop this mention; nothing from the batch was added." : "Fix or drop this mention; it was not added.";
        throw new ArgumentException($"{where}: {message}. {outcome}", field);
    }

    /// <inheritdoc />
    public bool Equals(Mention other) =>
        string.Equals(MentionId, other.MentionId, StringComparison.Ordinal)
        && string.Equals(Author, other.Author, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && _publishedAt == other._publishedAt && Reach == other.Reach;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Mention other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MentionId, Author, Channel, _publishedAt, Reach);

    /// <summary>Formats as <c>mention m1 by @ana (twitter, 2026-03-05T09:00:00.0000000+00:00)</c>.</summary>
    /// <returns>The formatted record.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mention {MentionId} by {Author} ({Channel}, {PublishedAt:O})");

    /// <summary>Compares two mentions for equality.</summary>
    /// <param name="left">The first mention.</param>
    /// <param name="right">The second mention.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(Mention left, Mention right) => left.Equals(right);

    /// <summary>Compares two mentions for inequality.</summary>
    /// <param name="left">The first mention.</param>
    /// <param name="right">The second mention.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(Mention left, Mention right) => !left.Equals(right);
}
