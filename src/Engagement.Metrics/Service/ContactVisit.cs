using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>What a contact contributes to the repeat-contact and containment KPIs.</summary>
public enum ContactVisitKind
{
    /// <summary>An assisted contact an agent handled: in the FCR-from-repeats denominator, and a repeat of earlier ones.</summary>
    Handled,

    /// <summary>An assisted contact abandoned in the queue: not in any denominator, but a repeat of earlier contacts and a failed containment.</summary>
    AbandonedAssisted,

    /// <summary>A self-service contact flagged resolved: contained unless an assisted contact follows within the window.</summary>
    SelfServiceResolved,

    /// <summary>A self-service contact not flagged resolved: in the containment denominator, never contained.</summary>
    SelfServiceUnresolved,
}

/// <summary>
/// The part of a contact that <see cref="RepeatContactAccumulator"/> keeps: who, why, which channel, when, and what
/// kind of contact it was. About 48 bytes per contact (the strings are shared with the input, not copied).
/// </summary>
public readonly struct ContactVisit : IEquatable<ContactVisit>
{
    /// <summary>Creates a visit (also the JSON constructor).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="reason">The contact reason.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="at">When the contact arrived (<see cref="ContactRecord.QueuedAt"/>).</param>
    /// <param name="kind">What the contact counts as.</param>
    /// <exception cref="ArgumentNullException">A string is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    [JsonConstructor]
    public ContactVisit(string customerId, string reason, string channel, DateTimeOffset at, ContactVisitKind kind)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(channel);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind is not a defined ContactVisitKind.");
        }

        CustomerId = customerId;
        Reason = reason;
        Channel = channel;
        At = at;
        Kind = kind;
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>The contact reason.</summary>
    public string Reason { get; }

    /// <summary>The channel.</summary>
    public string Channel { get; }

    /// <summary>When the contact arrived.</summary>
    public DateTimeOffset At { get; }

    /// <summary>What the contact counts as.</summary>
    public ContactVisitKind Kind { get; }

    /// <summary>Whether the contact was assisted (handled or abandoned in the queue), as opposed to self-service.</summary>
    [JsonIgnore]
    public bool IsAssisted => Kind is ContactVisitKind.Handled or ContactVisitKind.AbandonedAssisted;

    /// <summary>The visit of a (valid) contact record.</summary>
    /// <param name="contact">The contact.</param>
    /// <returns>The visit.</returns>
    public static ContactVisit From(in ContactRecord contact) => new(
        contact.CustomerId,
        contact.Reason,
        contact.Channel,
        contact.QueuedAt,
        contact.SelfService
            ? (contact.Resolved ? ContactVisitKind.SelfServiceResolved : ContactVisitKind.SelfServiceUnresolved)
            : (contact.Abandoned ? ContactVisitKind.AbandonedAssisted : ContactVisitKind.Handled));

    /// <inheritdoc />
    public bool Equals(ContactVisit other) =>
        string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal) && At.Equals(other.At) && Kind == other.Kind;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContactVisit other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CustomerId, Reason, Channel, At, Kind);

    /// <summary>Formats as <c>C-1 billing voice 2026-03-05T09:00:00+00:00 Handled</c>.</summary>
    /// <returns>The formatted visit.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CustomerId} {Reason} {Channel} {At:O} {Kind}");

    /// <summary>Compares two visits for equality.</summary>
    /// <param name="left">The first visit.</param>
    /// <param name="right">The second visit.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(ContactVisit left, ContactVisit right) => left.Equals(right);

    /// <summary>Compares two visits for inequality.</summary>
    /// <param name="left">The first visit.</param>
    /// <param name="right">The second visit.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(ContactVisit left, ContactVisit right) => !left.Equals(right);
}
