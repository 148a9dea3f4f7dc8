using Engagement.Metrics.Service;

namespace Engagement.Metrics.Orleans.Surrogates;

// The core package carries no Orleans attributes (it must not depend on Orleans), so contacts travel in grain calls
// and streams as this surrogate: every public field of ContactRecord, times as UTC ticks (0 = none).
[GenerateSerializer]
internal struct ContactRecordSurrogate
{
    [Id(0)] public string ContactId;
    [Id(1)] public string CustomerId;
    [Id(2)] public string Channel;
    [Id(3)] public string Reason;
    [Id(4)] public long Queued;
    [Id(5)] public long Answered;
    [Id(6)] public long Ended;
    [Id(7)] public long FirstResponse;
    [Id(8)] public long ResolvedAt;
    [Id(9)] public long Talk;
    [Id(10)] public long Hold;
    [Id(11)] public long Conference;
    [Id(12)] public long Wrap;
    [Id(13)] public byte Flags;
}

[RegisterConverter]
internal sealed class ContactRecordSurrogateConverter : IConverter<ContactRecord, ContactRecordSurrogate>
{
    public ContactRecord ConvertFromSurrogate(in ContactRecordSurrogate surrogate) => new()
    {
        ContactId = surrogate.ContactId,
        CustomerId = surrogate.CustomerId,
        Channel = surrogate.Channel,
        Reason = surrogate.Reason,
        QueuedAt = UtcTicks.ToTime(surrogate.Queued),
        AnsweredAt = UtcTicks.ToOptionalTime(surrogate.Answered),
        EndedAt = UtcTicks.ToOptionalTime(surrogate.Ended),
        FirstResponseAt = UtcTicks.ToOptionalTime(surrogate.FirstResponse),
        ResolvedAt = UtcTicks.ToOptionalTime(surrogate.ResolvedAt),
        Talk = new TimeSpan(surrogate.Talk),
        Hold = new TimeSpan(surrogate.Hold),
        Conference = new TimeSpan(surrogate.Conference),
        Wrap = new TimeSpan(surrogate.Wrap),
        Resolved = (surrogate.Flags & 1) != 0,
        Abandoned = (surrogate.Flags & 2) != 0,
        Escalated = (surrogate.Flags & 4) != 0,
        SelfService = (surrogate.Flags & 8) != 0,
    };

    public ContactRecordSurrogate ConvertToSurrogate(in ContactRecord value) => new()
    {
        ContactId = value.ContactId,
        CustomerId = value.CustomerId,
        Channel = value.Channel,
        Reason = value.Reason,
        Queued = value.QueuedAt.UtcTicks,
        Answered = UtcTicks.From(value.AnsweredAt),
        Ended = UtcTicks.From(value.EndedAt),
        FirstResponse = UtcTicks.From(value.FirstResponseAt),
        ResolvedAt = UtcTicks.From(value.ResolvedAt),
        Talk = value.Talk.Ticks,
        Hold = value.Hold.Ticks,
        Conference = value.Conference.Ticks,
        Wrap = value.Wrap.Ticks,
        Flags = (byte)((value.Resolved ? 1 : 0) | (value.Abandoned ? 2 : 0) | (value.Escalated ? 4 : 0) | (value.SelfService ? 8 : 0)),
    };
}
