using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// A Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005 JMR; Fader &amp; Hardie note 025): fitted by
/// <see cref="GammaGamma.Fit"/> or built from known parameters, giving each customer's expected average spend per
/// transaction.
/// </summary>
public sealed class GammaGammaModel
{
    /// <summary>Builds a model from known parameters, for example published ones.</summary>
    /// <param name="p">Shape of the Gamma distribution of one customer's transaction values, &gt; 0.</param>
    /// <param name="q">Shape of the Gamma distribution of the scale ν across customers, &gt; 0.</param>
    /// <param name="v">Scale of the Gamma distribution of ν (in money), &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0.</exception>
    public GammaGammaModel(double p, double q, double v)
        : this(new ParameterEstimate(p, null), new ParameterEstimate(q, null), new ParameterEstimate(v, null), 0, 0, null)
    {
    }

    /// <summary>Builds a model from estimates (the form <see cref="GammaGamma.Fit"/> and JSON use).</summary>
    /// <param name="p">The estimate of p.</param>
    /// <param name="q">The estimate of q.</param>
    /// <param name="v">The estimate of v.</param>
    /// <param name="logLikelihood">The log-likelihood (of the average spends) of the data it was fitted on; 0 for none.</param>
    /// <param name="customers">The number of repeat buyers it was fitted on (0 for fixed parameters).</param>
    /// <param name="diagnostics">The optimiser's report; <see langword="null"/> for fixed parameters.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0, or <paramref name="customers"/> is negative.</exception>
    [JsonConstructor]
    public GammaGammaModel(ParameterEstimate p, ParameterEstimate q, ParameterEstimate v, double logLikelihood, int customers, FitDiagnostics? diagnostics)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        LifetimeFitting.Parameter(p.Value, nameof(p));
        LifetimeFitting.Parameter(q.Value, nameof(q));
        LifetimeFitting.Parameter(v.Value, nameof(v));
        P = p;
        Q = q;
        V = v;
        LogLikelihood = logLikelihood;
        Customers = customers;
        Diagnostics = diagnostics;
    }

    /// <summary>p: shape of the Gamma distribution of a customer's transaction values.</summary>
    public ParameterEstimate P { get; }

    /// <summary>q: shape of the Gamma distribution of the transaction-value scale ν across customers.</summary>
    public ParameterEstimate Q { get; }

    /// <summary>v: scale of the Gamma distribution of ν, in money.</summary>
    public ParameterEstimate V { get; }

    /// <summary>The log-likelihood of the repeat buyers' <b>average</b> spends (see <see cref="GammaGamma"/>); 0 for fixed parameters.</summary>
    public double LogLikelihood { get; }

    /// <summary>The number of repeat buyers (x &gt; 0) the model was fitted on.</summary>
    public int Customers { get; }

    /// <summary>The optimiser's report; <see langword="null"/> when built from fixed parameters.</summary>
    public FitDiagnostics? Diagnostics { get; }

    /// <summary>The population mean spend per transaction, E(Z) = p v/(q − 1); <see langword="null"/> when q ≤ 1 (infinite mean).</summary>
    [JsonIgnore]
    public double? MeanSpend => Q.Value > 1 ? P.Value * V.Value / (Q.Value - 1) : null;

    /// <summary>
    /// E(Z | x, z̄) = p(v + x z̄)/(p x + q − 1): the customer's expected spend per transaction, a weighted mean of the
    /// population mean p v/(q − 1) and the observed z̄ (note 025 eq. 5). A customer with x = 0 gets the population mean.
    /// </summary>
    /// <param name="customer">The RFM row (<see cref="RfmRecord.MonetaryValue"/> = z̄, the mean repeat spend).</param>
    /// <returns>The expected spend per transaction, in money.</returns>
    /// <exception cref="ArgumentException">The row is invalid (see <see cref="GammaGamma.Fit"/>; named).</exception>
    /// <exception cref="InvalidOperationException">p x + q ≤ 1 (for x = 0: q ≤ 1), where the expectation is infinite.</exception>
    public double ConditionalExpectedAverageSpend(in RfmRecord customer)
    {
        GammaGamma.Validate(customer, 0, nameof(customer));
        return Expected(customer);
    }

    /// <summary>E(Z | x, z̄) for every customer (see <see cref="ConditionalExpectedAverageSpend(in RfmRecord)"/>).</summary>
    /// <param name="customers">The RFM rows.</param>
    /// <param name="destination">Receives one value per customer, in order.</param>
    /// <exception cref="ArgumentException">A row is invalid (named), or <paramref name="destination"/> is too short; nothing is written then.</exception>
    /// <exception cref="InvalidOperationException">p x + q ≤ 1 for some customer.</exception>
    public void ConditionalExpectedAverageSpend(ReadOnlySpan<RfmRecord> customers, Span<double> destination)
    {
        if (destination.Length < customers.Length)
        {
            ThrowHelper.DestinationTooShort(nameof(destination), customers.Length, destination.Length);
        }

        for (int i = 0; i < customers.Length; i++)
        {
            GammaGamma.Validate(customers[i], i, nameof(customers));
        }

        for (int i = 0; i < customers.Length; i++)
        {
            destination[i] = Expected(customers[i]);
        }
    }

    private double Expected(in RfmRecord customer)
    {
        double p = P.Value, q = Q.Value, v = V.Value;
        double x = customer.Frequency;
        double denominator = (p * x) + q - 1;
        if (!(denominator > 0))
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"Customer '{customer.CustomerId}': p·x + q − 1 = {denominator} <= 0, so the expected spend is infinite under these parameters (p = {p}, q = {q})."));
        }

        return p * (v + (x * customer.MonetaryValue)) / denominator;
    }

    /// <summary>Formats as <c>Gamma-Gamma p=6.249, q=3.745, v=15.45, LL=-4055.92</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Gamma-Gamma p={P.Value:G4}, q={Q.Value:G4}, v={V.Value:G4}, LL={LogLikelihood:G6}");
}
