using Engagement.Metrics.Service;

namespace Engagement.Metrics.Channels;

/// <summary>
/// The channel KPIs of a batch of contacts in one call: channel mix, per-channel effectiveness, digitalisation,
/// escalation, switching and repeat-yourself (docs/metrics/channels.md).
/// </summary>
public static class ChannelKpis
{
    /// <summary>Computes the channel KPIs of <paramref name="contacts"/>.</summary>
    /// <param name="contacts">The contacts.</param>
    /// <param name="options">The catalogue and window; <see cref="ChannelOptions.Default"/> when null.</param>
    /// <returns>The result; empty input gives counts of 0 and rates without values.</returns>
    /// <exception cref="ArgumentException">A contact is invalid or its channel is not in the catalogue (the message names it).</exception>
    public static ChannelResult Calculate(ReadOnlySpan<ContactRecord> contacts, ChannelOptions? options = null)
    {
        var accumulator = new ChannelAccumulator(options);
        accumulator.AddRange(contacts);
        return accumulator.ToResult();
    }
}
