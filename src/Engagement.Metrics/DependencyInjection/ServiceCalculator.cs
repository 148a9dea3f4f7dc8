using Engagement.Metrics.Channels;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.DependencyInjection;

internal sealed class ServiceCalculator(ServiceOptions service, ChannelOptions channels) : IServiceCalculator
{
    public ServiceResult Calculate(ReadOnlySpan<ContactRecord> contacts) => ServiceKpis.Calculate(contacts, service);

    public RepeatContactResult CalculateRepeatContacts(ReadOnlySpan<ContactRecord> contacts) => ServiceKpis.CalculateRepeatContacts(contacts, service);

    public ChannelResult CalculateChannels(ReadOnlySpan<ContactRecord> contacts) => ChannelKpis.Calculate(contacts, channels);

    public ServiceAccumulator CreateAccumulator() => new(service);

    public ChannelAccumulator CreateChannelAccumulator() => new(channels);
}
