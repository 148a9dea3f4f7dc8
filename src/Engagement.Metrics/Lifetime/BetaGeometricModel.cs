using System.Globalization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// What BG/NBD (<see cref="BgNbdModel"/>) and the modified BG/NBD (<see cref="ModifiedBgNbdModel"/>) share: the
/// parameters r, α (Gamma purchase rates) and a, b (Beta drop-out probabilities), the fit report and the
/// customer-level predictions. Each formula below is given for BG/NBD; the modified model shifts the Beta terms by one
/// (b + x → b + x + 1) and lets a customer drop out right after the first purchase, as its class documents.
/// </summary>
/// <remarks>Time is in the unit of the data the model was fitted on. Only this library derives from this class.</remarks>
public abstract class BetaGeometricModel : IRepeatPurchaseModel
{
    private readonly BetaGeometricParameters _parameters;

    private protected BetaGeometricModel(ParameterEstimate r, ParameterEstimate alpha, ParameterEstimate a, ParameterEstimate b, double logLikelihood, int customers, FitDiagnostics? diagnostics, int shift, string model)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        _parameters = new BetaGeometricParameters(
            LifetimeFitting.Parameter(r.Value, nameof(r)), LifetimeFitting.Parameter(alpha.Value, nameof(alpha)),
            LifetimeFitting.Parameter(a.Value, nameof(a)), LifetimeFitting.Parameter(b.Value, nameof(b)), shift, model);
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
    /// E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r ₂F₁(r, b; a + b − 1; t/(α + t))] (FHL 2005 eq. 7; modified: b/(a − 1) · [1 − (α/(α + t))^r ₂F₁(r, b + 1; a + b; t/(α + t))]).
    /// </summary>
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">a = 1, or (BG/NBD) a + b ≤ 1, where the closed form does not apply.</exception>
    public double ExpectedPurchases(double t) => _parameters.ExpectedPurchases(t);

    /// <summary>
    /// E[Y(t) | x, t_x, T] = (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^{r+x} ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))] · P(alive) (FHL 2005 eq. 10; modified: b + x → b + x + 1 in the Beta terms).
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

    /// <summary>P(alive | x, t_x, T) = 1 / (1 + [x &gt; 0]·a/(b + x − 1)·((α + T)/(α + t_x))^{r+x}) (FHL 2005; a customer without repeat purchases is alive for sure under BG/NBD; modified: 1 / (1 + a/(b + x)·(…)^{r+x}), below 1 also for x = 0).</summary>
    /// <inheritdoc />
    public double ProbabilityAlive(in RfmRecord customer) => _parameters.ProbabilityAlive(customer);

    /// <summary>P(alive) for every customer.</summary>
    /// <param name="customers">The calibration-period summaries.</param>
    /// <param name="destination">Receives one probability per customer, in order.</param>
    /// <exception cref="ArgumentException">A row is invalid (named), or <paramref name="destination"/> is too short.</exception>
    public void ProbabilityAlive(ReadOnlySpan<RfmRecord> customers, Span<double> destination) => _parameters.ProbabilityAlive(customers, destination);

    /// <summary>
    /// P(X(t) = n): the probability that a new customer makes exactly <paramref name="n"/> repeat purchases in (0, t] (FHL 2005 eq. 8; modified: B(a, b + n + 1)/B(a, b)·NBD(n) + B(a + 1, b + n)/B(a, b)·P(NBD ≥ n)).
    /// </summary>
    /// <param name="n">The number of purchases, ≥ 0.</param>
    /// <param name="t">The period length, ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double ProbabilityOfPurchases(int n, double t) => _parameters.ProbabilityOfPurchases(n, t);

    /// <summary>The log-likelihood of <paramref name="customers"/> under these parameters (FHL 2005 eq. 6 or its modified form, summed).</summary>
    /// <param name="customers">The RFM rows.</param>
    /// <returns>log L; 0 for no rows.</returns>
    /// <exception cref="ArgumentException">A row is invalid (named).</exception>
    public double LogLikelihoodOf(ReadOnlySpan<RfmRecord> customers) => _parameters.LogLikelihood(customers, nameof(customers));

    /// <summary>Formats as <c>BG/NBD r=0.2426, alpha=4.414, a=0.7929, b=2.426, LL=-9582.43</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{_parameters.Model} r={R.Value:G4}, alpha={Alpha.Value:G4}, a={A.Value:G4}, b={B.Value:G4}, LL={LogLikelihood:G6}");
}
