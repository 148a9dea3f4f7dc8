namespace Engagement.Metrics.Channels;

/// <summary>How a channel serves the customer, for digitalisation and escalation (<see cref="ChannelOptions.Catalogue"/>).</summary>
public enum ChannelKind
{
    /// <summary>A person serves the customer in real time: voice, video, branch, field visit. The target of an escalation.</summary>
    Assisted,

    /// <summary>A written or app channel, usually with an agent behind it: chat, email, social, SMS, messaging, app, web form.</summary>
    Digital,

    /// <summary>No agent: IVR, bot, help centre, self-service portal.</summary>
    SelfService,
}
