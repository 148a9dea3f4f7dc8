using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// The single-pass contact-centre KPIs of a set of contacts: FCR (flag), AHT, ASA, service level, abandonment rate,
/// escalation rate, and first-response and resolution times of asynchronous channels.
/// </summary>
/// <remarks>
/// Produced by <see cref="ServiceAccumulator.ToResult"/> and <see cref="ServiceKpis.Calculate(ReadOnlySpan{ContactRecord}, ServiceOptions?)"/>.
/// The KPIs that need other contacts of the same customer (FCR from repeat contacts, self-service containment) are
/// in <see cref="RepeatContactResult"/>. Every KPI carries its own count; a KPI without data has a
/// <see langword="null"/> value.
/// </remarks>
public readonly struct ServiceResult : IEquatable<ServiceResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="contacts">Every contact added, ≥ 0.</param>
    /// <param name="abandoned">All abandoned contacts, short abandons included.</param>
    /// <param name="shortAbandoned">Abandoned after a wait shorter than the short-abandon threshold.</param>
    /// <param name="selfService">Self-service contacts.</param>
    /// <param name="fcr">FCR from the resolved flag over handled contacts.</param>
    /// <param name="aht">Average handle time and its components.</param>
    /// <param name="asa">Wait of answered contacts (ASA = its mean); its target is the service-level threshold.</param>
    /// <param name="serviceLevel">Answered within the threshold over answered plus counted abandons.</param>
    /// <param name="abandonmentRate">Counted abandons over answered plus counted abandons.</param>
    /// <param name="escalationRate">Escalated over handled contacts.</param>
    /// <param name="firstResponse">First response times of asynchronous contacts.</param>
    /// <param name="resolution">Resolution times of asynchronous contacts.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    [JsonConstructor]
    public ServiceResult(
        long contacts,
        long abandoned,
        long shortAbandoned,
        long selfService,
        RateResult fcr,
        HandleTimeResult aht,
        DurationResult asa,
        RateResult serviceLevel,
        RateResult abandonmentRate,
        RateResult escalationRate,
        DurationResult firstResponse,
        DurationResult resolution)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contacts);
        ArgumentOutOfRangeException.ThrowIfNegative(abandoned);
        ArgumentOutOfRangeException.ThrowIfNegative(shortAbandoned);
        ArgumentOutOfRangeException.ThrowIfNegative(selfService);
        Contacts = contacts;
        Abandoned = abandoned;
        ShortAbandoned = shortAbandoned;
        SelfService = selfService;
        Fcr = fcr;
        Aht = aht;
        Asa = asa;
        ServiceLevel = serviceLevel;
        AbandonmentRate = abandonmentRate;
        EscalationRate = escalationRate;
        FirstResponse = firstResponse;
        Resolution = resolution;
    }

    /// <summary>Every contact added (handled, abandoned, self-service).</summary>
    public long Contacts { get; }

    /// <summary>All abandoned contacts, short abandons included.</summary>
    public long Abandoned { get; }

    /// <summary>Abandoned contacts whose wait was shorter than <see cref="ServiceOptions.ShortAbandonThreshold"/>; excluded from service level and abandonment rate.</summary>
    public long ShortAbandoned { get; }

    /// <summary>Self-service contacts.</summary>
    public long SelfService { get; }

    /// <summary>First-contact resolution from the resolved flag: resolved handled contacts / handled contacts.</summary>
    public RateResult Fcr { get; }

    /// <summary>Average handle time over handled contacts, with components, median and p90.</summary>
    public HandleTimeResult Aht { get; }

    /// <summary>Average speed of answer: the wait (answered − queued) of answered contacts; mean, median, p90, share within the service-level threshold.</summary>
    public DurationResult Asa { get; }

    /// <summary>Service level: answered within the threshold / (answered + abandoned at or after the short-abandon threshold).</summary>
    public RateResult ServiceLevel { get; }

    /// <summary>Abandonment rate: abandoned at or after the short-abandon threshold / (answered + those abandoned).</summary>
    public RateResult AbandonmentRate { get; }

    /// <summary>Escalation rate: escalated handled contacts / handled contacts.</summary>
    public RateResult EscalationRate { get; }

    /// <summary>First response time (first response − queued) of contacts with a first response; share within <see cref="ServiceOptions.FirstResponseTarget"/>.</summary>
    public DurationResult FirstResponse { get; }

    /// <summary>Resolution time (resolved − queued) of contacts with a resolution time; share within <see cref="ServiceOptions.ResolutionTarget"/>.</summary>
    public DurationResult Resolution { get; }

    /// <inheritdoc />
    public bool Equals(ServiceResult other) =>
        Contacts == other.Contacts && Abandoned == other.Abandoned && ShortAbandoned == other.ShortAbandoned && SelfService == other.SelfService
        && Fcr == other.Fcr && Aht == other.Aht && Asa == other.Asa && ServiceLevel == other.ServiceLevel
        && AbandonmentRate == other.AbandonmentRate && EscalationRate == other.EscalationRate
        && FirstResponse == other.FirstResponse && Resolution == other.Resolution;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ServiceResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Contacts, Fcr, Aht, Asa, ServiceLevel, AbandonmentRate, EscalationRate, FirstResponse);

    /// <summary>Formats the headline KPIs on one line.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Contacts} contacts; FCR {Fcr.Value:P1}; {Aht}; ASA {Asa.Value:F1} s; SL {ServiceLevel.Value:P1}; abandoned {AbandonmentRate.Value:P1}");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every KPI is equal.</returns>
    public static bool operator ==(ServiceResult left, ServiceResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any KPI differs.</returns>
    public static bool operator !=(ServiceResult left, ServiceResult right) => !left.Equals(right);
}
