namespace Engagement.Metrics.Service;

/// <summary>
/// Cost to serve in one call: cost per contact and per resolution by channel, total cost by contact driver, and the
/// savings of the what-if shifts in <see cref="CostToServeOptions.Shifts"/>. Formulas: docs/metrics/cost-to-serve.md.
/// </summary>
public static class CostToServe
{
    /// <summary>Prices a set of contacts with the user's unit costs.</summary>
    /// <param name="contacts">The contacts, in any order.</param>
    /// <param name="options">Unit costs (one per channel in the data), shifts and level.</param>
    /// <returns>The costs and shift outcomes.</returns>
    /// <exception cref="ArgumentException">The options are invalid, or a contact is invalid or on a channel without a unit cost (the message names its index, id, field and value).</exception>
    public static CostToServeResult Calculate(ReadOnlySpan<ContactRecord> contacts, CostToServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var accumulator = new CostToServeAccumulator(options);
        accumulator.AddRange(contacts);
        return accumulator.ToResult();
    }
}
