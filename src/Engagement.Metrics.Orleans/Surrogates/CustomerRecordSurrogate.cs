using Engagement.Metrics.Retention;

namespace Engagement.Metrics.Orleans.Surrogates;

// CustomerRecord as it travels in grain calls and streams (the core package carries no Orleans attributes).
[GenerateSerializer]
internal struct CustomerRecordSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public DateOnly Start;
    [Id(2)] public DateOnly? End;
    [Id(3)] public double? Revenue;
}

[RegisterConverter]
internal sealed class CustomerRecordSurrogateConverter : IConverter<CustomerRecord, CustomerRecordSurrogate>
{
    public CustomerRecord ConvertFromSurrogate(in CustomerRecordSurrogate surrogate) =>
        new(surrogate.Id, surrogate.Start, surrogate.End, surrogate.Revenue);

    public CustomerRecordSurrogate ConvertToSurrogate(in CustomerRecord value) =>
        new() { Id = value.Id, Start = value.Start, End = value.End, Revenue = value.Revenue };
}
