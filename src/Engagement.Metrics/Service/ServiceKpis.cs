namespace Engagement.Metrics.Service;

/// <summary>
/// One-shot contact-centre KPIs over a span of contacts: the static entry point over <see cref="ServiceAccumulator"/>
/// and <see cref="RepeatContactAccumulator"/>.
/// </summary>
/// <example>
/// <code>
/// ServiceResult kpis = ServiceKpis.Calculate(contacts);
/// double? aht = kpis.Aht.Value;              // seconds
/// double? sl = kpis.ServiceLevel.Value;      // 0..1
/// RepeatContactResult repeat = ServiceKpis.CalculateRepeatContacts(contacts);
/// double? fcr = repeat.Fcr.Value;            // FCR from repeat contacts, 7-day window
/// </code>
/// </example>
public static class ServiceKpis
{
    /// <summary>The single-pass KPIs (FCR flag, AHT, ASA, service level, abandonment, escalation, response times).</summary>
    /// <param name="contacts">The contacts, in any order.</param>
    /// <param name="options">Thresholds and targets; <see cref="ServiceOptions.Default"/> when null.</param>
    /// <returns>The KPIs; empty input gives counts of 0 and null values.</returns>
    /// <exception cref="ArgumentException">A contact is invalid; the message names its index and id.</exception>
    public static ServiceResult Calculate(ReadOnlySpan<ContactRecord> contacts, ServiceOptions? options = null)
    {
        var accumulator = new ServiceAccumulator(options);
        accumulator.AddRange(contacts);
        return accumulator.ToResult();
    }

    /// <summary>FCR from repeat contacts and self-service containment (they need each customer's other contacts).</summary>
    /// <param name="contacts">The contacts, in any order.</param>
    /// <param name="options">Windows; <see cref="ServiceOptions.Default"/> when null.</param>
    /// <returns>The KPIs; empty input gives counts of 0 and null values.</returns>
    /// <exception cref="ArgumentException">A contact is invalid; the message names its index and id.</exception>
    public static RepeatContactResult CalculateRepeatContacts(ReadOnlySpan<ContactRecord> contacts, ServiceOptions? options = null)
    {
        var accumulator = new RepeatContactAccumulator(options);
        accumulator.AddRange(contacts);
        return accumulator.ToResult();
    }
}
