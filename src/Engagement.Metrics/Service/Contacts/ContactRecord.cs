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

    // Times are stored as UTC ticks, with NoTime for "none", so a record is 112 bytes instead of about 184 with
    // DateTimeOffset? fields: the KPI pass streams arrays of millions of records, so size is speed.
    private const long NoTime = long.MinValue;
    private readonly long _queued;
    private readonly long _answered;
    private readonly long _ended;
    private readonly long _firstResponse;
    private readonly long _resolvedAt;
    private readonly long _talk;
    private readonly long _hold;
    private readonly long _conference;
    private readonly long _wrap;
    private readonly Flags _flags;

    /// <summary>Creates an empty record; set the properties with an object initializer.</summary>
    public ContactRecord()
    {
        ContactId = string.Empty;
        CustomerId = string.Empty;
        Channel = string.Empty;
        Reason = string.Empty;
        _answered = _ended = _firstResponse = _resolvedAt = NoTime;
    }

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Resolved = 1,
        Abandoned = 2,
        Escalated = 4,
        SelfService = 8,
    }

    /// <summary>When the contact arrived: entered the queue, or was received (asynchronous channels). Stored as a UTC instant.</summary>
    public DateTimeOffset QueuedAt { get => new(_queued, TimeSpan.Zero); init => _queued = value.UtcTicks; }

    /// <summary>When an agent answered; <see langword="null"/> when never answered. Must not precede <see cref="QueuedAt"/>, and must be null on an abandoned contact. Stored as a UTC instant.</summary>
    public DateTimeOffset? AnsweredAt { get => Time(_answered); init => _answered = Ticks(value); }

    /// <summary>When the contact ended (for an abandoned contact, when the customer left the queue); <see langword="null"/> when unknown. Must not precede <see cref="AnsweredAt"/> or <see cref="QueuedAt"/>. Stored as a UTC instant.</summary>
    public DateTimeOffset? EndedAt { get => Time(_ended); init => _ended = Ticks(value); }

    /// <summary>Talk time, ≥ 0.</summary>
    public TimeSpan Talk { get => new(_talk); init => _talk = value.Ticks; }

    /// <summary>Hold time, ≥ 0.</summary>
    public TimeSpan Hold { get => new(_hold); init => _hold = value.Ticks; }

    /// <summary>Conference (consult, three-way) time, ≥ 0.</summary>
    public TimeSpan Conference { get => new(_conference); init => _conference = value.Ticks; }

    /// <summary>After-contact work (wrap-up) time, ≥ 0.</summary>
    public TimeSpan Wrap { get => new(_wrap); init => _wrap = value.Ticks; }

    /// <summary>Whether the contact resolved the customer's issue (the agent's or system's resolved-on-first-contact flag).</summary>
    public bool Resolved { get => (_flags & Flags.Resolved) != 0; init => _flags = Set(_flags, Flags.Resolved, value); }

    /// <summary>Whether the customer left before an agent answered.</summary>
    public bool Abandoned { get => (_flags & Flags.Abandoned) != 0; init => _flags = Set(_flags, Flags.Abandoned, value); }

    /// <summary>Whether the contact was escalated (to a supervisor, a second tier or another team).</summary>
    public bool Escalated { get => (_flags & Flags.Escalated) != 0; init => _flags = Set(_flags, Flags.Escalated, value); }

    /// <summary>Whether the contact was a self-service session (IVR, bot, help centre) rather than an assisted one.</summary>
    public bool SelfService { get => (_flags & Flags.SelfService) != 0; init => _flags = Set(_flags, Flags.SelfService, value); }

    /// <summary>Asynchronous channels: when the first agent reply was sent; <see langword="null"/> when none. Must not precede <see cref="QueuedAt"/>. Stored as a UTC instant.</summary>
    public DateTimeOffset? FirstResponseAt { get => Time(_firstResponse); init => _firstResponse = Ticks(value); }

    /// <summary>Asynchronous channels: when the issue was resolved; <see langword="null"/> when not (yet) resolved. Must not precede <see cref="QueuedAt"/>. Stored as a UTC instant.</summary>
    public DateTimeOffset? ResolvedAt { get => Time(_resolvedAt); init => _resolvedAt = Ticks(value); }

    internal long QueuedTicks => _queued;

    internal long AnsweredTicks => _answered;

    internal long EndedTicks => _ended;

    internal long FirstResponseTicks => _firstResponse;

    internal long ResolvedTicks => _resolvedAt;

    internal long TalkTicks => _talk;

    internal long HoldTicks => _hold;

    internal long ConferenceTicks => _conference;

    internal long WrapTicks => _wrap;

    internal static bool IsTime(long ticks) => ticks != NoTime;

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

    // The hot path: every rule on the raw fields, no branches into message formatting.
    internal bool IsValid =>
        !string.IsNullOrEmpty(ContactId) && CustomerId is not null && Channel is not null && Reason is not null
        && (_talk | _hold | _conference | _wrap) >= 0
        && (_answered == NoTime || (_answered >= _queued && (_flags & Flags.Abandoned) == 0))
        && (_ended == NoTime || _ended >= (_answered == NoTime ? _queued : _answered))
        && (_firstResponse == NoTime || _firstResponse >= _queued)
        && (_resolvedAt == NoTime || _resolvedAt >= _queued);

    private (string Field, string Message)? FindProblem()
    {
        if (IsValid)
        {
            return null;
        }

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

    private static DateTimeOffset? Time(long ticks) => ticks == NoTime ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private static long Ticks(DateTimeOffset? value) => value is { } v ? v.UtcTicks : NoTime;

    private static Flags Set(Flags flags, Flags flag, bool on) => on ? flags | flag : flags & ~flag;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [DoesNotReturn]
    private void Throw(int index, string field, string message)
    {
        string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"contacts[{index}] (contact '{ContactId}')") : $"Contact '{ContactId}'";
        string outcome = index >= 0 ? "Fix or drop this contact; nothing from the batch was added." : "Fix or drop this contact; it was not added.";
        throw new ArgumentException($"{where}: {message}. {outcome}", field);
    }

    /// <inheritdoc />
    public bool Equals(ContactRecord other) =>
        string.Equals(ContactId, other.ContactId, StringComparison.Ordinal)
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && _queued == other._queued && _answered == other._answered && _ended == other._ended
        && _firstResponse == other._firstResponse && _resolvedAt == other._resolvedAt
        && _talk == other._talk && _hold == other._hold && _conference == other._conference && _wrap == other._wrap
        && _flags == other._flags;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContactRecord other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ContactId, CustomerId, Reason, _queued, _answered, _talk + _hold + _conference + _wrap, _flags);

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
