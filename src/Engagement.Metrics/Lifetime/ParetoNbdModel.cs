using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// A Pareto/NBD model (purchase rate λ ~ Gamma(r, α) while alive, dropout rate μ ~ Gamma(s, β)), fitted by
/// <see cref="ParetoNbd.Fit"/> or built from fixed parameters, with its customer-level predictions.
/// </summary>
/// <remarks>
/// Formulas from Fader &amp; Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions"
/// (eq. 17, 22–24, 29, 31) and Schmittlein, Morrison &amp; Colombo (1987). Time is in the unit of the data
/// (days or weeks); α and β are in that unit too.
/// </remarks>
public sealed class ParetoNbdModel : IRepeatPurchaseModel
{
    /// <summary>Creates a model from estimates (what <see cref="ParetoNbd.Fit"/> returns, and the JSON shape).</summary>
    /// <param name="r">The shape of the Gamma distribution of purchase rates.</param>
    /// <param name="alpha">The rate (inverse scale) of the Gamma distribution of purchase rates, in time units.</param>
    /// <param name="s">The shape of the Gamma distribution of dropout rates.</param>
    /// <param name="beta">The rate of the Gamma distribution of dropout rates, in time units.</param>
    /// <param name="logLikelihood">The log-likelihood of the data the model was fitted on.</param>
    /// <param name="customers">The number of customers it was fitted on.</param>
    /// <param name="diagnostics">How the fit ended, or <see langword="null"/> for fixed parameters.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0, or customers is negative.</exception>
    [JsonConstructor]
    public ParetoNbdModel(ParameterEstimate r, ParameterEstimate alpha, ParameterEstimate s, ParameterEstimate beta, double logLikelihood, int customers, FitDiagnostics? diagnostics)
    {
        R = Positive(r, nameof(r));
        Alpha = Positive(alpha, nameof(alpha));
        S = Positive(s, nameof(s));
        Beta = Positive(beta, nameof(beta));
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        LogLikelihood = logLikelihood;
        Customers = customers;
        Diagnostics = diagnostics;
        _p = new ParetoNbdLikelihood.Parameters(r.Value, alpha.Value, s.Value, beta.Value);
    }

    /// <summary>Creates a model from fixed parameters (no standard errors, no diagnostics), for example published values.</summary>
    /// <param name="r">The shape of the Gamma distribution of purchase rates, &gt; 0.</param>
    /// <param name="alpha">The rate of the Gamma distribution of purchase rates, &gt; 0.</param>
    /// <param name="s">The shape of the Gamma distribution of dropout rates, &gt; 0.</param>
    /// <param name="beta">The rate of the Gamma distribution of dropout rates, &gt; 0.</param>
    /// <param name="customers">Data whose log-likelihood <see cref="LogLikelihood"/> reports; empty for none (log-likelihood 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0.</exception>
    /// <exception cref="ArgumentException">A customer row breaks the RFM rules.</exception>
    public ParetoNbdModel(double r, double alpha, double s, double beta, ReadOnlySpan<RfmRecord> customers = default)
        : this(new ParameterEstimate(r, null), new ParameterEstimate(alpha, null), new ParameterEstimate(s, null), new ParameterEstimate(beta, null), 0, 0, null)
    {
        LogLikelihood = LogLikelihoodOf(customers);
        Customers = customers.Length;
    }

    private readonly ParetoNbdLikelihood.Parameters _p;

    /// <summary>r: the shape of the Gamma distribution of purchase rates λ.</summary>
    public ParameterEstimate R { get; }

    /// <summary>α: the rate of the Gamma distribution of purchase rates (E[λ] = r/α per time unit).</summary>
    public ParameterEstimate Alpha { get; }

    /// <summary>s: the shape of the Gamma distribution of dropout rates μ.</summary>
    public ParameterEstimate S { get; }

    /// <summary>β: the rate of the Gamma distribution of dropout rates (E[μ] = s/β per time unit).</summary>
    public ParameterEstimate Beta { get; }

    /// <inheritdoc />
    public double LogLikelihood { get; }

    /// <summary>The number of customers the model was fitted on (or whose log-likelihood it reports).</summary>
    public int Customers { get; }

    /// <summary>How the fit ended (converged, iterations, evaluations); <see langword="null"/> for a model built from fixed parameters.</summary>
    public FitDiagnostics? Diagnostics { get; }

    /// <summary>The log-likelihood Σ ln L(r, α, s, β | xᵢ, t_xᵢ, Tᵢ) of other data (for example a holdout sample) under this model.</summary>
    /// <param name="customers">The RFM summaries; empty gives 0.</param>
    /// <returns>The log-likelihood.</returns>
    /// <exception cref="ArgumentException">A row breaks the RFM rules; the message names the customer and position.</exception>
    public double LogLikelihoodOf(ReadOnlySpan<RfmRecord> customers)
    {
        double sum = 0;
        for (int i = 0; i < customers.Length; i++)
        {
            RfmTable.Validate(customers[i], i, nameof(customers));
            sum += ParetoNbdLikelihood.LogLikelihood(_p, customers[i].Frequency, customers[i].Recency, customers[i].Age, out _);
        }

        return sum;
    }

    /// <summary>
    /// E[X(t)] = rβ/(α(s − 1))·[1 − (β/(β + t))^(s−1)] (r β/α · ln(1 + t/β) when s = 1): the expected number of repeat
    /// purchases of a new customer in (0, t] (Schmittlein et al. 1987, eq. 17 of the Fader &amp; Hardie note).
    /// </summary>
    /// <param name="t">The horizon, ≥ 0.</param>
    /// <returns>The expected count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    public double ExpectedPurchases(double t)
    {
        CheckHorizon(t, nameof(t));
        return _p.R / _p.Alpha * _p.Beta * PowerIntegral(_p.S - 1, Math.Log(1 + (t / _p.Beta)));
    }

    /// <summary>E[X(t)] for many horizons.</summary>
    /// <param name="horizons">The horizons, each ≥ 0.</param>
    /// <param name="destination">Receives one value per horizon; same length.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a horizon is negative or not finite.</exception>
    public void ExpectedPurchases(ReadOnlySpan<double> horizons, Span<double> destination)
    {
        CheckLength(horizons.Length, destination.Length, nameof(destination));
        for (int i = 0; i < horizons.Length; i++)
        {
            destination[i] = ExpectedPurchases(horizons[i]);
        }
    }

    /// <summary>
    /// P(alive | x, t_x, T) = 1 / [1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀] (Fader &amp; Hardie note, eq. 29).
    /// </summary>
    /// <param name="customer">The customer's calibration summary.</param>
    /// <returns>A probability in [0, 1].</returns>
    /// <exception cref="ArgumentException">The row breaks the RFM rules.</exception>
    public double ProbabilityAlive(in RfmRecord customer)
    {
        RfmTable.Validate(customer, 0, nameof(customer));
        return Alive(customer);
    }

    /// <summary>P(alive) for many customers.</summary>
    /// <param name="customers">The calibration summaries.</param>
    /// <param name="destination">Receives one probability per customer; same length.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a row breaks the RFM rules (the message names it); nothing is written then.</exception>
    public void ProbabilityAlive(ReadOnlySpan<RfmRecord> customers, Span<double> destination)
    {
        ValidateAll(customers, destination.Length, nameof(customers));
        for (int i = 0; i < customers.Length; i++)
        {
            destination[i] = Alive(customers[i]);
        }
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] = (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)] · P(alive)
    /// (Fader &amp; Hardie note, eq. 31): the expected purchases of this customer in the next <paramref name="t"/> time units.
    /// </summary>
    /// <param name="t">The horizon, ≥ 0.</param>
    /// <param name="customer">The customer's calibration summary.</param>
    /// <returns>The expected count.</returns>
    /// <exception cref="ArgumentException">The horizon is negative, or the row breaks the RFM rules.</exception>
    public double ConditionalExpectedPurchases(double t, in RfmRecord customer)
    {
        CheckHorizon(t, nameof(t));
        RfmTable.Validate(customer, 0, nameof(customer));
        return Conditional(t, customer);
    }

    /// <summary>E[Y(t) | x, t_x, T] for many customers.</summary>
    /// <param name="t">The horizon, ≥ 0.</param>
    /// <param name="customers">The calibration summaries.</param>
    /// <param name="destination">Receives one expectation per customer; same length.</param>
    /// <exception cref="ArgumentException">The lengths differ, the horizon is negative, or a row breaks the RFM rules; nothing is written then.</exception>
    public void ConditionalExpectedPurchases(double t, ReadOnlySpan<RfmRecord> customers, Span<double> destination)
    {
        CheckHorizon(t, nameof(t));
        ValidateAll(customers, destination.Length, nameof(customers));
        for (int i = 0; i < customers.Length; i++)
        {
            destination[i] = Conditional(t, customers[i]);
        }
    }

    /// <summary>Formats as <c>Pareto/NBD r=0.553, α=10.58, s=0.606, β=11.67, LL=-9595</c>.</summary>
    /// <returns>The formatted model.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Pareto/NBD r={R.Value:G4}, α={Alpha.Value:G4}, s={S.Value:G4}, β={Beta.Value:G4}, LL={LogLikelihood:G6}");

    private double Alive(in RfmRecord c)
    {
        ParetoNbdLikelihood.LogBracket(_p, c.Frequency, c.Recency, c.Age, out double alive);
        return alive;
    }

    private double Conditional(double t, in RfmRecord c)
    {
        double betaT = _p.Beta + c.Age;
        double rate = (_p.R + c.Frequency) / (_p.Alpha + c.Age);
        return rate * betaT * PowerIntegral(_p.S - 1, Math.Log(1 + (t / betaT))) * Alive(c);
    }

    /// <summary>[1 − e^(−k·L)]/k, which is L at k = 0, computed without cancellation for small k·L.</summary>
    private static double PowerIntegral(double k, double logRatio)
    {
        double y = k * logRatio;
        if (Math.Abs(y) < 1e-5)
        {
            return logRatio * (1 - (y / 2) + (y * y / 6));
        }

        return -(Math.Exp(-y) - 1) / k;
    }

    private static void ValidateAll(ReadOnlySpan<RfmRecord> customers, int destinationLength, string paramName)
    {
        CheckLength(customers.Length, destinationLength, "destination");
        for (int i = 0; i < customers.Length; i++)
        {
            RfmTable.Validate(customers[i], i, paramName);
        }
    }

    private static void CheckLength(int expected, int actual, string paramName)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has {actual} elements but {expected} were expected (one per input)."),
                paramName);
        }
    }

    private static void CheckHorizon(double t, string paramName)
    {
        if (!(t >= 0 && double.IsFinite(t)))
        {
            throw new ArgumentOutOfRangeException(paramName, t, string.Create(CultureInfo.InvariantCulture, $"{paramName} is {t}; the horizon must be a finite time >= 0 in the unit of the data."));
        }
    }

    private static ParameterEstimate Positive(ParameterEstimate estimate, string paramName)
    {
        if (!(estimate.Value > 0))
        {
            throw new ArgumentOutOfRangeException(paramName, estimate.Value, string.Create(CultureInfo.InvariantCulture, $"{paramName} is {estimate.Value}; Pareto/NBD parameters must be > 0."));
        }

        return estimate;
    }
}
