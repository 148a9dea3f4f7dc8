namespace Engagement.Metrics.Triage;

/// <summary>The options of <see cref="TriageRanking"/>: the classifier's rule model, the priority weights and the ordering rule.</summary>
public sealed record TriageOptions
{
    /// <summary>Default classifier and priority options; automated messages last.</summary>
    public static TriageOptions Default { get; } = new();

    /// <summary>The classifier's rule model.</summary>
    /// <value><see cref="MessageClassifierOptions.Default"/>.</value>
    public MessageClassifierOptions Classifier { get; init; } = MessageClassifierOptions.Default;

    /// <summary>The priority weights and scales.</summary>
    /// <value><see cref="PriorityOptions.Default"/>.</value>
    public PriorityOptions Priority { get; init; } = PriorityOptions.Default;

    /// <summary>Whether messages classed <see cref="MessageClass.Automated"/> are ranked after every other message, whatever their priority.</summary>
    /// <value><see langword="true"/>: spam with angry words should not jump the queue.</value>
    public bool AutomatedLast { get; init; } = true;

    /// <summary>Checks every rule (including the nested options) and reports all broken ones.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A nested option is null or invalid.</exception>
    public TriageOptions Validate()
    {
        if (Classifier is null || Priority is null)
        {
            throw new ArgumentException($"{nameof(TriageOptions)} is not valid: {(Classifier is null ? nameof(Classifier) : nameof(Priority))} is null; use the Default options.", nameof(TriageOptions));
        }

        Classifier.Validate();
        Priority.Validate();
        return this;
    }
}
