using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// A BG/NBD model (Fader, Hardie &amp; Lee 2005): fitted by <see cref="BgNbd.Fit"/> or built from known parameters, with
/// the customer-level predictions of the paper (see <see cref="BetaGeometricModel"/>).
/// </summary>
public sealed class BgNbdModel : BetaGeometricModel
{
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
        : base(r, alpha, a, b, logLikelihood, customers, diagnostics, 0, "BG/NBD")
    {
    }
}
