using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engagement.Metrics.Service;

/// <summary>
/// One customer contact with a contact centre — a call, chat, email, social message or self-service session —
/// as exported by an ACD, ticketing or messaging platform. The input of every contact-centre KPI.
/// </summary>
/// <remarks>
/// <para>
/// <b>Times.</b> <see cref="QueuedAt"/> is when the contact arrived (entered the queue, or was received, for
/// asynchronous channels); it is required because every time-based KPI and the repeat-contact window start there.
/// <see cref="AnsweredAt"/> is when an agent picked the contact up (null when never answered: abandoned, self-service
/// or asynchronous), <see cref="EndedAt"/> when it ended (for an abandoned contact: when the customer hung up or left).
/// <see cref="FirstResponseAt"/> and <see cref="ResolvedAt"/> are for asynchronous channels (email, chat, social):
/// the first agent reply and the resolution.
/// </para>
/// <para>
/// <b>Durations.</b> <see cref="Talk"/>, <see cref="Hold"/>, <see cref="Conference"/> and <see cref="Wrap"/> are
/// the handle-time components; each must be ≥ 0.
/// </para>
/// <para>
/// <b>Which KPI needs which field</b> (docs/metrics/*.md repeat this per metric): FCR (flag) — <see cref="Resolved"/>
/// on handled contacts; FCR (repeat) — <see cref="CustomerId"/>, <see cref="Reason"/>, <see cref="QueuedAt"/>; AHT —
/// the four durations; ASA and service level — <see cref="QueuedAt"/>, <see cref="AnsweredAt"/>; abandonment —
/// <see cref="Abandoned"/>, <see cref="QueuedAt"/>, <see cref="EndedAt"/>; response times —
/// <see cref="FirstResponseAt"/>, <see cref="ResolvedAt"/>; escalation — <see cref="Escalated"/>; containment —
/// <see cref="SelfService"/>, <see cref="Resolved"/>, <see cref="CustomerId"/>, <see cref="QueuedAt"/>.
/// A <i>handled</i> contact is one that is neither abandoned nor self-service (an assisted contact an agent worked).
/// </para>
/// <para>Call <see cref="Validate"/> (every accumulator does) to check the record; the rules are listed there.</para>
/// </remarks>
public readonly struct ContactRecord : IEquatable<ContactRecord>
{
    /// <summary>The contact's identifier, used in error messages; required.</summary>
    public string ContactId { get; init; }

    /// <summary>The customer's identifier, used by the repeat-contact and containment windows; required.</summary>
    public string CustomerId { get; init; }

    /// <summary>The channel, for example <c>voice</c>, <c>chat</c>, <c>email</c>, <c>social</c>, <c>ivr</c>; required.</summary>
    public string Channel { get; init; }

    /// <summary>The contact reason (driver), for example <c>billing</c>; required.</summary>
    public string Reason { get; init; }

    /// <summary>When the contact arrived: entered the queue, or was received (asynchronous channels).</summary>
    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>When an agent answered; <see langword="null"/> when never answered. Must not precede <see cref="QueuedAt"/>, and must be null on an abandoned contact.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>When the contact ended (for an abandoned contact, when the customer left the queue); <see langword="null"/> when unknown. Must not precede <see cref="AnsweredAt"/> or <see cref="QueuedAt"/>.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Talk time, ≥ 0.</summary>
    public TimeSpan Talk { get; init; }

    /// <summary>Hold time, ≥ 0.</summary>
    public TimeSpan Hold { get; init; }

    /// <summary>Conference (consult, three-way) time, ≥ 0.</summary>
    public TimeSpan Conference { get; init; }

    /// <summary>After-contact work (wrap-up) time, ≥ 0.</summary>
    public TimeSpan Wrap { get; init; }

    /// <summary>Whether the contact resolved the customer's issue (the agent's or system's resolved-on-first-contact flag).</summary>
    public bool Resolved { get; init; }

    /// <summary>Whether the customer left before an agent answered.</summary>
    public bool Abandoned { get; init; }

    /// <summary>Whether the contact was escalated (to a supervisor, a second tier or another team).</summary>
    public bool Escalated { get; init; }

    /// <summary>Whether the contact was a self-service session (IVR, bot, help centre) rather than an assisted one.</summary>
    public bool SelfService { get; init; }

    /// <summary>Asynchronous channels: when the first agent reply was sent; <see langword="null"/> when none. Must not precede <see cref="QueuedAt"/>.</summary>
    public DateTimeOffset? FirstResponseAt { get; init; }

    /// <summary>Asynchronous channels: when the issue was resolved; <see langword="null"/> when not (yet) resolved. Must not precede <see cref="QueuedAt"/>.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Whether an agent worked the contact: neither abandoned nor self-service. AHT, FCR and escalation are over handled contacts.</summary>
    public bool IsHandled => !Abandoned && !SelfService;

    /// <summary>The total handle time <c>Talk + Hold + Conference + Wrap</c>.</summary>
    public TimeSpan HandleTime => Talk + Hold + Conference + Wrap;

    /// <summary>Checks the record and throws on the first broken rule.</summary>
    /// <exception cref="ArgumentException">
    /// An identifier is null or empty; a duration is negative; <see cref="AnsweredAt"/> precedes <see cref="QueuedAt"/>;
    /// <see cref="EndedAt"/> precedes <see cref="AnsweredAt"/> (or <see cref="QueuedAt"/>); an abandoned contact has an
    /// <see cref="AnsweredAt"/>; <see cref="FirstResponseAt"/> or <see cref="ResolvedAt"/> precedes <see cref="QueuedAt"/>.
    /// The message names the contact id, the field and its value; <see cref="ArgumentException.ParamName"/> is the field's name.
    /// </exception>
    public void Validate() => ValidateAt(-1);

    internal void ValidateAt(int index)
    {
        if (FindProblem() is { } problem)
        {
            Throw(index, problem.Field, problem.Message);
        }
    }

    private (string Field, string Message)? FindProblem()
    {
        if (string.IsNullOrEmpty(ContactId))
        {
            return (nameof(ContactId), "ContactId is empty; every contact needs an id");
        }

        if (CustomerId is null || Channel is null || Reason is null)
        {
            string field = CustomerId is null ? nameof(CustomerId) : Channel is null ? nameof(Channel) : nameof(Reason);
            return (field, $"{field} is null; use an empty string for an unknown value");
        }

        if (Talk < TimeSpan.Zero || Hold < TimeSpan.Zero || Conference < TimeSpan.Zero || Wrap < TimeSpan.Zero)
        {
            (string field, TimeSpan value) = Talk < TimeSpan.Zero ? (nameof(Talk), Talk)
                : Hold < TimeSpan.Zero ? (nameof(Hold), Hold)
                : Conference < TimeSpan.Zero ? (nameof(Conference), Conference)
                : (nameof(Wrap), Wrap);
            return (field, Format($"{field} is {value.TotalSeconds} s; durations cannot be negative"));
        }

        if (AnsweredAt is { } answered)
        {
            if (Abandoned)
            {
                return (nameof(AnsweredAt), Format($"AnsweredAt is {answered:O} but the contact is abandoned; an abandoned contact was never answered, so clear one of the two"));
            }

            if (answered < QueuedAt)
            {
                return (nameof(AnsweredAt), Format($"AnsweredAt {answered:O} is before QueuedAt {QueuedAt:O}"));
            }
        }

        if (EndedAt is { } ended && ended < (AnsweredAt ?? QueuedAt))
        {
            return (nameof(EndedAt), AnsweredAt is { } a
                ? Format($"EndedAt {ended:O} is before AnsweredAt {a:O}")
                : Format($"EndedAt {ended:O} is before QueuedAt {QueuedAt:O}"));
        }

        if (FirstResponseAt is { } first && first < QueuedAt)
        {
            return (nameof(FirstResponseAt), Format($"FirstResponseAt {first:O} is before QueuedAt {QueuedAt:O}"));
        }

        if (ResolvedAt is { } resolvedAt && resolvedAt < QueuedAt)
        {
            return (nameof(ResolvedAt), Format($"ResolvedAt {resolvedAt:O} is before QueuedAt {QueuedAt:O}"));
        }

        return null;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [DoesNotReturn]
    private void Throw(int index, string field, string message)
    {
        string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"contacts[{index}] (contact '{ContactId}')") : $"Contact '{ContactId}'";
        throw new ArgumentException($"{where}: {message}. Fix or drop this contact; nothing from the batch was added.", field);
    }

    /// <inheritdoc />
    public bool Equals(ContactRecord other) =>
        string.Equals(ContactId, other.ContactId, StringComparison.Ordinal)
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && QueuedAt.Equals(other.QueuedAt) && Nullable.Equals(AnsweredAt, other.AnsweredAt) && Nullable.Equals(EndedAt, other.EndedAt)
        && Talk == other.Talk && Hold == other.Hold && Conference == other.Conference && Wrap == other.Wrap
        && Resolved == other.Resolved && Abandoned == other.Abandoned && Escalated == other.Escalated && SelfService == other.SelfService
        && Nullable.Equals(FirstResponseAt, other.FirstResponseAt) && Nullable.Equals(ResolvedAt, other.ResolvedAt);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContactRecord other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ContactId, CustomerId, Reason, QueuedAt, HandleTime, Resolved, Abandoned);

    /// <summary>Formats as <c>contact C-1 (voice, billing, 2026-03-05T09:00:00+00:00)</c>.</summary>
    /// <returns>The formatted record.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"contact {ContactId} ({Channel}, {Reason}, {QueuedAt:O})");

    /// <summary>Compares two records for equality.</summary>
    /// <param name="left">The first record.</param>
    /// <param name="right">The second record.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(ContactRecord left, ContactRecord right) => left.Equals(right);

    /// <summary>Compares two records for inequality.</summary>
    /// <param name="left">The first record.</param>
    /// <param name="right">The second record.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(ContactRecord left, ContactRecord right) => !left.Equals(right);
}
