using Engagement.Metrics.Channels;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>
/// Contact-centre and channel KPIs with the registered <see cref="ServiceOptions"/> and <see cref="ChannelOptions"/>:
/// the injectable face of <see cref="ServiceKpis"/> and <see cref="ChannelKpis"/>.
/// </summary>
/// <remarks>Implementations are thread-safe singletons; every method gives the same result as the static calculator with the same options.</remarks>
public interface IServiceCalculator
{
    /// <summary>FCR, AHT, ASA, service level, abandonment, escalation and response times; see <see cref="ServiceKpis.Calculate"/>.</summary>
    /// <param name="contacts">The contacts, in any order.</param>
    /// <returns>The KPIs.</returns>
    ServiceResult Calculate(ReadOnlySpan<ContactRecord> contacts);

    /// <summary>FCR from repeat contacts and self-service containment; see <see cref="ServiceKpis.CalculateRepeatContacts"/>.</summary>
    /// <param name="contacts">The contacts, in any order.</param>
    /// <returns>The repeat-contact KPIs.</returns>
    RepeatContactResult CalculateRepeatContacts(ReadOnlySpan<ContactRecord> contacts);

    /// <summary>Channel mix, per-channel effectiveness and channel switching; see <see cref="ChannelKpis.Calculate"/>.</summary>
    /// <param name="contacts">The contacts, in any order.</param>
    /// <returns>The channel KPIs.</returns>
    ChannelResult CalculateChannels(ReadOnlySpan<ContactRecord> contacts);

    /// <summary>A new, empty service accumulator with the registered options, for streaming and merging.</summary>
    /// <returns>The accumulator.</returns>
    ServiceAccumulator CreateAccumulator();

    /// <summary>A new, empty channel accumulator with the registered options.</summary>
    /// <returns>The accumulator.</returns>
    ChannelAccumulator CreateChannelAccumulator();
}
