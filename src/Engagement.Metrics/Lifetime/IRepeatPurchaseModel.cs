namespace Engagement.Metrics.Lifetime;

/// <summary>
/// A fitted frequency–recency model of repeat buying in a non-contractual setting (BG/NBD, Pareto/NBD, modified
/// BG/NBD): what the customer-level predictions and discounted CLV need, whichever model produced them.
/// </summary>
/// <remarks>Time is in the unit of the data the model was fitted on (days or weeks).</remarks>
public interface IRepeatPurchaseModel
{
    /// <summary>The log-likelihood of the data at the fitted parameters (or of the data passed when the model was built from fixed parameters).</summary>
    double LogLikelihood { get; }

    /// <summary>E[X(t)]: the expected number of repeat purchases of a new customer in the first <paramref name="t"/> time units.</summary>
    /// <param name="t">The horizon, ≥ 0.</param>
    /// <returns>The expected count.</returns>
    double ExpectedPurchases(double t);

    /// <summary>E[Y(t) | x, t_x, T]: the expected number of purchases of this customer in the next <paramref name="t"/> time units.</summary>
    /// <param name="t">The horizon, ≥ 0.</param>
    /// <param name="customer">The customer's calibration-period summary.</param>
    /// <returns>The expected count.</returns>
    double ConditionalExpectedPurchases(double t, in RfmRecord customer);

    /// <summary>P(alive | x, t_x, T): the probability that the customer is still active at the end of the calibration period.</summary>
    /// <param name="customer">The customer's calibration-period summary.</param>
    /// <returns>A probability in [0, 1].</returns>
    double ProbabilityAlive(in RfmRecord customer);
}
