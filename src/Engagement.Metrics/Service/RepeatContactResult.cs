using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// The KPIs that look at a customer's other contacts: FCR measured from repeat contacts, and self-service containment.
/// </summary>
/// <remarks>
/// <para>
/// <b>FCR from repeats</b>: over handled contacts, the share with no later assisted contact (handled or abandoned)
/// from the same customer with the same reason within <see cref="ServiceOptions.RepeatContactWindow"/>
/// (strictly later than the contact and at most the window after it).
/// </para>
/// <para>
/// <b>Containment</b>: over self-service contacts, the share flagged resolved with no assisted contact from the same
/// customer (any reason) within <see cref="ServiceOptions.ContainmentWindow"/> after it (inclusive of the same instant).
/// </para>
/// <para>
/// Contacts near the end of the data have a window that runs past it, so they look resolved or contained more often
/// than they are (right-censoring); report periods that end at least one window before the data does.
/// </para>
/// </remarks>
public readonly struct RepeatContactResult : IEquatable<RepeatContactResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="fcr">FCR from repeat contacts.</param>
    /// <param name="containment">Self-service containment.</param>
    [JsonConstructor]
    public RepeatContactResult(RateResult fcr, RateResult containment)
    {
        Fcr = fcr;
        Containment = containment;
    }

    /// <summary>FCR from repeat contacts: handled contacts not followed by a repeat / handled contacts.</summary>
    public RateResult Fcr { get; }

    /// <summary>Self-service containment: resolved self-service contacts with no assisted follow-up / self-service contacts.</summary>
    public RateResult Containment { get; }

    /// <inheritdoc />
    public bool Equals(RepeatContactResult other) => Fcr == other.Fcr && Containment == other.Containment;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RepeatContactResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Fcr, Containment);

    /// <summary>Formats as <c>FCR (repeats) …; containment …</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"FCR (repeats) {Fcr}; containment {Containment}");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether both rates are equal.</returns>
    public static bool operator ==(RepeatContactResult left, RepeatContactResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether a rate differs.</returns>
    public static bool operator !=(RepeatContactResult left, RepeatContactResult right) => !left.Equals(right);
}
