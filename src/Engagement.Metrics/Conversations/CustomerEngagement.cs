using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>One customer's engagement: their signals and score, preferred channel, and the channels they ignore.</summary>
public sealed class CustomerEngagement
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="signals">The signals over the customer's conversations (key = customer id).</param>
    /// <param name="preferredChannel">The channel with the best response rate, or null without outbound messages.</param>
    /// <param name="ignoredChannels">Channels the customer ignores while answering another.</param>
    [JsonConstructor]
    public CustomerEngagement(string customerId, ConversationSignals signals, string? preferredChannel, IReadOnlyList<string> ignoredChannels)
    {
        CustomerId = customerId;
        Signals = signals;
        PreferredChannel = preferredChannel;
        IgnoredChannels = ignoredChannels;
    }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The signals and engagement score over the customer's conversations.</summary>
    public ConversationSignals Signals { get; }

    /// <summary>
    /// The channel with the highest response rate among those that carried outbound messages to the customer (ties:
    /// more outbound messages, then channel name), or <see langword="null"/>.
    /// </summary>
    public string? PreferredChannel { get; }

    /// <summary>
    /// Channels with at least <see cref="ConversationOptions.IgnoredChannelMinimumOutbound"/> outbound messages and
    /// a response rate ≤ <see cref="ConversationOptions.IgnoredChannelMaximumResponseRate"/>, while another channel's
    /// rate is above it (the customer stopped answering email but answers SMS). Ordinal order.
    /// </summary>
    public IReadOnlyList<string> IgnoredChannels { get; }

    /// <summary>Whether the customer ignores a channel but answers another.</summary>
    [JsonIgnore]
    public bool IgnoresAChannel => IgnoredChannels.Count > 0;
}
