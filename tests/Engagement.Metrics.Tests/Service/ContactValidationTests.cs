using Engagement.Metrics.Service;

namespace Engagement.Metrics.Tests.Service;

public class ContactValidationTests
{
    private static readonly ContactRecord Good = Contacts.Voice("C-17", "A", "billing", Contacts.T0, 10, 120, 0, 0, 30, true);

    public static TheoryData<string, string> BadContacts() => new()
    {
        { "negative talk", nameof(ContactRecord.Talk) },
        { "negative hold", nameof(ContactRecord.Hold) },
        { "negative conference", nameof(ContactRecord.Conference) },
        { "negative wrap", nameof(ContactRecord.Wrap) },
        { "answered before queued", nameof(ContactRecord.AnsweredAt) },
        { "ended before answered", nameof(ContactRecord.EndedAt) },
        { "answered but abandoned", nameof(ContactRecord.AnsweredAt) },
        { "first response before queued", nameof(ContactRecord.FirstResponseAt) },
        { "resolved before queued", nameof(ContactRecord.ResolvedAt) },
        { "no customer", nameof(ContactRecord.CustomerId) },
    };

    [Theory]
    [MemberData(nameof(BadContacts))]
    public void BadContact_Throws_NamingTheContactTheFieldAndTheValue(string problem, string field)
    {
        ContactRecord bad = Make(problem);

        var e = Assert.Throws<ArgumentException>(() => bad.Validate());

        Assert.Equal(field, e.ParamName);
        Assert.Contains("C-17", e.Message, StringComparison.Ordinal);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadContacts))]
    public void RejectedBatch_LeavesAccumulatorsExactlyAsTheyWere(string problem, string field)
    {
        _ = field;
        var service = new ServiceAccumulator();
        var repeat = new RepeatContactAccumulator();
        ContactRecord[] before = Contacts.Random(3, 40);
        service.AddRange(before);
        repeat.AddRange(before);
        ServiceResult expected = service.ToResult();
        RepeatContactResult expectedRepeat = repeat.ToResult();
        long[] counts = service.Counts.ToArray();

        ContactRecord[] batch = [Good with { ContactId = "ok-1" }, Good with { ContactId = "ok-2" }, Make(problem)];
        var e = Assert.Throws<ArgumentException>(() => service.AddRange(batch));
        Assert.Contains("contacts[2]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => repeat.AddRange(batch));
        Assert.Throws<ArgumentException>(() => service.Add(Make(problem)));

        Assert.Equal(expected, service.ToResult());
        Assert.Equal(counts, service.Counts);
        Assert.Equal(expectedRepeat, repeat.ToResult());
        Assert.Equal(40, repeat.Visits.Count);
    }

    [Fact]
    public void RejectedLongBatch_BadContactInALaterChunk_RestoresTheState()
    {
        // AddRange validates and applies 1 024 contacts at a time; a bad contact after the first chunks must still
        // leave the accumulator as it was before the call.
        var service = new ServiceAccumulator();
        service.AddRange(Contacts.Random(11, 50));
        ServiceResult expected = service.ToResult();
        long[] counts = service.Counts.ToArray();
        ContactRecord[] batch = Contacts.Random(12, 3000);
        batch[2500] = Make("ended before answered");

        var e = Assert.Throws<ArgumentException>(() => service.AddRange(batch));

        Assert.Contains("contacts[2500]", e.Message, StringComparison.Ordinal);
        Assert.Equal(expected, service.ToResult());
        Assert.Equal(counts, service.Counts);
        batch[2500] = Good;
        service.AddRange(batch); // and the accumulator still works after the restore
        Assert.Equal(3050, service.Count);
    }

    [Fact]
    public void SegmentedAdd_OfABadContact_CreatesNoSegment()
    {
        var segments = new SegmentedServiceAccumulator<string>();
        Assert.Throws<ArgumentException>(() => segments.Add("voice", Make("negative talk")));
        Assert.Empty(segments.Groups);
    }

    [Fact]
    public void Message_SaysHowToFix()
    {
        var e = Assert.Throws<ArgumentException>(() => Make("answered but abandoned").Validate());
        Assert.Contains("abandoned", e.Message, StringComparison.Ordinal);
        Assert.Contains("clear one of the two", e.Message, StringComparison.Ordinal);
    }

    private static ContactRecord Make(string problem) => problem switch
    {
        "negative talk" => Good with { Talk = TimeSpan.FromSeconds(-5) },
        "negative hold" => Good with { Hold = TimeSpan.FromSeconds(-1) },
        "negative conference" => Good with { Conference = TimeSpan.FromSeconds(-1) },
        "negative wrap" => Good with { Wrap = TimeSpan.FromSeconds(-1) },
        "answered before queued" => Good with { AnsweredAt = Contacts.T0.AddSeconds(-1) },
        "ended before answered" => Good with { EndedAt = Contacts.T0.AddSeconds(5) },
        "answered but abandoned" => Good with { Abandoned = true },
        "first response before queued" => Good with { FirstResponseAt = Contacts.T0.AddMinutes(-1) },
        "resolved before queued" => Good with { ResolvedAt = Contacts.T0.AddMinutes(-1) },
        "no customer" => Good with { CustomerId = null! },
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "unknown problem"),
    };
}
