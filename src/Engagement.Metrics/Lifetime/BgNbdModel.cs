using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// A BG/NBD model (Fader, Hardie &amp; Lee 2005): fitted by <see cref="BgNbd.Fit"/> or built from known parameters, with
/// the customer-level predictions of the paper. Time is in the unit of the data it was fitted on.
/// </summary>
public sealed class BgNbdModel : IRepeatPurchaseModel
{
    private readonly BetaGeometricParameters _parameters;

    /// <summary>Builds a model from known parameters, for example published ones, to predict with.</summary>
    /// <param name="r">Shape of the Gamma distribution of purchase rates, &gt; 0.</param>
    /// <param name="alpha">Scale of the Gamma distribution of purchase rates (in time units), &gt; 0.</param>
    /// <param name="a">First shape of the Beta distribution of drop-out probabilities, &gt; 0.</param>
    /// <param name="b">Second shape of the Beta distribution of drop-out probabilities, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0.</exception>
    public BgNbdModel(double r, double alpha, double a, double b)
        : this(new ParameterEstimate(r, null), new ParameterEstimate(alpha, null), new ParameterEstimate(a, null), new ParameterEstimate(b, null), 0, 0, null)
    {
    }

    /// <summary>Builds a model from estimates (the form <see cref="BgNbd.Fit"/> and JSON use).</summary>
    /// <param name="r">The estimate of r.</param>
    /// <param name="alpha">The estimate of α.</param>
    /// <param name="a">The estimate of a.</param>
    /// <param name="b">The estimate of b.</param>
    /// <param name="logLikelihood">The log-likelihood of the data the model was fitted on (0 when there were none).</param>
    /// <param name="customers">The number of customers it was fitted on (0 for fixed parameters).</param>
    /// <param name="diagnostics">The optimiser's report; <see langword="null"/> for fixed parameters.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0, or <paramref name="customers"/> is negative.</exception>
    [JsonConstructor]
    public BgNbdModel(ParameterEstimate r, ParameterEstimate alpha, ParameterEstimate a, ParameterEstimate b, double logLikelihood, int customers, FitDiagnostics? diagnostics)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        _parameters = new BetaGeometricParameters(
            LifetimeFitting.Parameter(r.Value, nameof(r)), LifetimeFitting.Parameter(alpha.Value, nameof(alpha)),
            LifetimeFitting.Parameter(a.Value, nameof(a)), LifetimeFitting.Parameter(b.Value, nameof(b)), 0, "BG/NBD");
        R = r;
        Alpha = alpha;
        A = a;
        B = b;
        LogLikelihood = logLikelihood;
        Customers = customers;
        Diagnostics = diagnostics;
    }

    /// <summary>r: shape of the Gamma distribution of purchase rates λ.</summary>
    public ParameterEstimate R { get; }

    /// <summary>α: scale of the Gamma distribution of purchase rates (mean rate r/α per time unit).</summary>
    public ParameterEstimate Alpha { get; }

    /// <summary>a: first shape of the Beta distribution of the drop-out probability p (mean a/(a + b)).</summary>
    public ParameterEstimate A { get; }

    /// <summary>b: second shape of the Beta distribution of the drop-out probability p.</summary>
    public ParameterEstimate B { get; }

    /// <inheritdoc />
    public double LogLikelihood { get; }

    /// <summary>The number of customers the model was fitted on (0 when built from fixed parameters).</summary>
    public int Customers { get; }

    /// <summary>The optimiser's report (status, iterations, gradient norm); <see langword="null"/> when built from fixed parameters.</summary>
    public FitDiagnostics? Diagnostics { get; }

    /// <summary>
    /// E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r ₂F₁(r, b; a + b − 1; t/(α + t))] (FHL 2005 eq. 7).
    /// </summary>
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">a = 1 or a + b ≤ 1, where the closed form does not apply.</exception>
    public double ExpectedPurchases(double t) => _parameters.ExpectedPurchases(t);

    /// <summary>
    /// E[Y(t) | x, t_x, T] = (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^{r+x} ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))] · P(alive) (FHL 2005 eq. 10).
    /// </summary>
    /// <inheritdoc />
    /// <exception cref="ArgumentException">The row is invalid (the message names the customer).</exception>
    public double ConditionalExpectedPurchases(double t, in RfmRecord customer) => _parameters.ConditionalExpectedPurchases(t, customer);

    /// <summary>E[Y(t) | x, t_x, T] for every customer (see <see cref="ConditionalExpectedPurchases(double, in RfmRecord)"/>).</summary>
    /// <param name="t">The horizon, ≥ 0, in the unit of the data.</param>
    /// <param name="customers">The calibration-period summaries.</param>
    /// <param name="destination">Receives one value per customer, in order.</param>
    /// <exception cref="ArgumentException">A row is invalid (named), or <paramref name="destination"/> is too short; nothing is written then.</exception>
    public void ConditionalExpectedPurchases(double t, ReadOnlySpan<RfmRecord> customers, Span<double> destination) =>
        _parameters.ConditionalExpectedPurchases(t, customers, destination);

    /// <summary>P(alive | x, t_x, T) = 1 / (1 + [x &gt; 0]·a/(b + x − 1)·((α + T)/(α + t_x))^{r+x}) (FHL 2005, appendix; a customer without repeat purchases is alive for sure under BG/NBD).</summary>
    /// <inheritdoc />
    public double ProbabilityAlive(in RfmRecord customer) => _parameters.ProbabilityAlive(customer);

    /// <summary>P(alive) for every customer.</summary>
    /// <param name="customers">The calibration-period summaries.</param>
    /// <param name="destination">Receives one probability per customer, in order.</param>
    /// <exception cref="ArgumentException">A row is invalid (named), or <paramref name="destination"/> is too short.</exception>
    public void ProbabilityAlive(ReadOnlySpan<RfmRecord> customers, Span<double> destination) => _parameters.ProbabilityAlive(customers, destination);

    /// <summary>
    /// P(X(t) = n): the probability that a new customer makes exactly <paramref name="n"/> repeat purchases in (0, t] (FHL 2005 eq. 8).
    /// </summary>
    /// <param name="n">The number of purchases, ≥ 0.</param>
    /// <param name="t">The period length, ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double ProbabilityOfPurchases(int n, double t) => _parameters.ProbabilityOfPurchases(n, t);

    /// <summary>The log-likelihood of <paramref name="customers"/> under these parameters (FHL 2005 eq. 6, summed).</summary>
    /// <param name="customers">The RFM rows.</param>
    /// <returns>log L; 0 for no rows.</returns>
    /// <exception cref="ArgumentException">A row is invalid (named).</exception>
    public double LogLikelihoodOf(ReadOnlySpan<RfmRecord> customers) => _parameters.LogLikelihood(customers, nameof(customers));

    /// <summary>Formats as <c>BG/NBD r=0.2426, alpha=4.414, a=0.7929, b=2.426, LL=-9582</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"BG/NBD r={R.Value:G4}, alpha={Alpha.Value:G4}, a={A.Value:G4}, b={B.Value:G4}, LL={LogLikelihood:G6}");
}
