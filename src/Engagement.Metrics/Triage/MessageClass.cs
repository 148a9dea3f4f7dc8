namespace Engagement.Metrics.Triage;

/// <summary>What an inbound message asks of the company, as decided by <see cref="MessageClassifier"/>.</summary>
/// <remarks>The zero value is deliberately not a class, so a classification that was never made is visible.</remarks>
public enum MessageClass
{
    /// <summary>A person who expects a reply: a question, a request, a problem report, a complaint.</summary>
    Interactive = 1,

    /// <summary>A person who needs no reply: thanks, acknowledgements, FYI statements.</summary>
    Informational = 2,

    /// <summary>Likely not written by the customer for us: spam, promotions, auto-replies, out-of-office and other machine notifications.</summary>
    Automated = 3,
}
