using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Retention;

/// <summary>
/// A shifted-beta-geometric (sBG) retention model (Fader &amp; Hardie 2007, "How to project customer retention",
/// Journal of Interactive Marketing 21(1), 76–90): each customer renews every period with a constant probability
/// 1 − θ, and θ varies across customers as Beta(α, β).
/// </summary>
/// <remarks>
/// <para>Periods are renewal opportunities: t = 0 is acquisition, a customer alive at t has renewed t times.</para>
/// <list type="bullet">
/// <item><description>Survival S(t) = B(α, β + t) / B(α, β) = Π_{i=1..t} (β + i − 1)/(α + β + i − 1).</description></item>
/// <item><description>Churn in period t: P(T = t) = S(t − 1) · α/(α + β + t − 1).</description></item>
/// <item><description>Retention rate r_t = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1): rising with t, the sorting effect of heterogeneity.</description></item>
/// <item><description>Discounted expected residual lifetime (Fader &amp; Hardie 2010, "Customer-base valuation in a contractual
/// setting: the perils of ignoring heterogeneity", Marketing Science 29(1), eq. 6) of a customer with n − 1 renewals:
/// DERL = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d)), counting the coming payment undiscounted.</description></item>
/// </list>
/// <para>A fitted model carries its <see cref="LogLikelihood"/>, the cohort it was fitted to and the optimiser's
/// <see cref="Diagnostics"/>; check <see cref="Converged"/> before trusting the parameters.</para>
/// </remarks>
public sealed class SbgModel
{
    private readonly long[] _survivors;

    /// <summary>A model with known parameters (no fit, no standard errors).</summary>
    /// <param name="alpha">α &gt; 0.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0.</exception>
    public SbgModel(double alpha, double beta)
        : this(new ParameterEstimate(alpha, null), new ParameterEstimate(beta, null), null, null, [])
    {
    }

    /// <summary>Restores a fitted model, for example after JSON deserialization.</summary>
    /// <param name="alpha">α with its standard error.</param>
    /// <param name="beta">β with its standard error.</param>
    /// <param name="logLikelihood">log L at the estimate, or <see langword="null"/> when not fitted.</param>
    /// <param name="diagnostics">The optimiser's diagnostics, or <see langword="null"/> when not fitted.</param>
    /// <param name="survivors">The cohort the model was fitted to (may be empty).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not &gt; 0.</exception>
    [JsonConstructor]
    public SbgModel(ParameterEstimate alpha, ParameterEstimate beta, double? logLikelihood, FitDiagnostics? diagnostics, IReadOnlyList<long> survivors)
    {
        ArgumentNullException.ThrowIfNull(survivors);
        Internal.Guard.Positive(alpha.Value, nameof(alpha));
        Internal.Guard.Positive(beta.Value, nameof(beta));
        Alpha = alpha;
        Beta = beta;
        LogLikelihood = logLikelihood;
        Diagnostics = diagnostics;
        _survivors = [.. survivors];
    }

    /// <summary>α, the first shape parameter of the Beta distribution of churn probabilities.</summary>
    public ParameterEstimate Alpha { get; }

    /// <summary>β, the second shape parameter.</summary>
    public ParameterEstimate Beta { get; }

    /// <summary>log L at the estimate (without the multinomial constant), or <see langword="null"/> for a model that was not fitted.</summary>
    public double? LogLikelihood { get; }

    /// <summary>How the fit went, or <see langword="null"/> for a model that was not fitted.</summary>
    public FitDiagnostics? Diagnostics { get; }

    /// <summary>Whether the parameters are a converged maximum-likelihood fit (true for a model with given parameters).</summary>
    [JsonIgnore]
    public bool Converged => Diagnostics is not FitDiagnostics d || d.Converged;

    /// <summary>The cohort's survivor counts the model was fitted to (survivors[0] = cohort size), empty when not fitted.</summary>
    public IReadOnlyList<long> Survivors => _survivors;

    /// <summary>The mean churn probability E[θ] = α/(α + β), also the churn probability of the first period.</summary>
    [JsonIgnore]
    public double MeanChurnProbability => Alpha.Value / (Alpha.Value + Beta.Value);

    /// <summary>S(t), the probability a new customer is still active after t renewal opportunities.</summary>
    /// <param name="t">Periods since acquisition, ≥ 0.</param>
    /// <returns>S(t) in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative.</exception>
    public double Survival(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        double a = Alpha.Value, b = Beta.Value;
        if (t > 256)
        {
            // log B(α, β + t) − log B(α, β), without a product of hundreds of factors.
            return Math.Exp(SpecialFunctions.LogGamma(b + t) - SpecialFunctions.LogGamma(b) + SpecialFunctions.LogGamma(a + b) - SpecialFunctions.LogGamma(a + b + t));
        }

        double s = 1;
        for (int i = 1; i <= t; i++)
        {
            s *= (b + i - 1) / (a + b + i - 1);
        }

        return s;
    }

    /// <summary>The retention rate r_t = (β + t − 1)/(α + β + t − 1) of period t: the share of customers active at t − 1 who renew.</summary>
    /// <param name="t">The period, ≥ 1.</param>
    /// <returns>r_t in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is below 1.</exception>
    public double RetentionRate(int t)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1);
        return (Beta.Value + t - 1) / (Alpha.Value + Beta.Value + t - 1);
    }

    /// <summary>P(T = t) = S(t − 1)·α/(α + β + t − 1), the probability a new customer churns in period t.</summary>
    /// <param name="t">The period, ≥ 1.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is below 1.</exception>
    public double ChurnProbability(int t)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1);
        return Survival(t - 1) * Alpha.Value / (Alpha.Value + Beta.Value + t - 1);
    }

    /// <summary>The retention rates r_1 … r_horizon.</summary>
    /// <param name="horizon">The number of periods, ≥ 0.</param>
    /// <returns>A new array of length <paramref name="horizon"/>.</returns>
    public double[] RetentionCurve(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        double[] rates = new double[horizon];
        for (int t = 1; t <= horizon; t++)
        {
            rates[t - 1] = RetentionRate(t);
        }

        return rates;
    }

    /// <summary>The survival curve S(0) … S(horizon).</summary>
    /// <param name="horizon">The last period, ≥ 0.</param>
    /// <returns>A new array of length <paramref name="horizon"/> + 1.</returns>
    public double[] SurvivalCurve(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        double[] curve = new double[horizon + 1];
        curve[0] = 1;
        for (int t = 1; t <= horizon; t++)
        {
            curve[t] = curve[t - 1] * RetentionRate(t);
        }

        return curve;
    }

    /// <summary>Expected survivors of a cohort of <paramref name="cohortSize"/>: cohortSize·S(t) for t = 0 … horizon, the projection beyond the data.</summary>
    /// <param name="cohortSize">The cohort size, finite and ≥ 0 (for a fitted model, usually <c>Survivors[0]</c>).</param>
    /// <param name="horizon">The last period, ≥ 0.</param>
    /// <returns>A new array of length <paramref name="horizon"/> + 1.</returns>
    public double[] ProjectSurvivors(double cohortSize, int horizon)
    {
        Internal.Guard.NonNegative(cohortSize);
        double[] curve = SurvivalCurve(horizon);
        for (int t = 0; t < curve.Length; t++)
        {
            curve[t] *= cohortSize;
        }

        return curve;
    }

    /// <summary>
    /// The discounted expected residual lifetime, in payments, of a customer who has renewed
    /// <paramref name="renewals"/> times (n − 1 = renewals): (β + n − 1)/(α + β + n − 1)·₂F₁(1, β + n; α + β + n; 1/(1 + d))
    /// (Fader &amp; Hardie 2010, eq. 6). Multiply by the margin per period for the customer's residual value.
    /// </summary>
    /// <param name="discountRate">d per period, ≥ 1e-4 (the series needs it; undiscounted lifetimes are infinite when α ≤ 1).</param>
    /// <param name="renewals">The renewals so far, ≥ 0 (7 for a customer active after the seventh renewal opportunity).</param>
    /// <returns>DERL, in periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public double DiscountedExpectedResidualLifetime(double discountRate, int renewals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(renewals);
        double z = DiscountFactor(discountRate);
        double a = Alpha.Value, b = Beta.Value;
        int n = renewals + 1;
        return (b + n - 1) / (a + b + n - 1) * Hypergeometric.UnitNumerator(b + n, a + b + n, z);
    }

    /// <summary>
    /// The discounted expected lifetime of a newly acquired customer, Σ_{t≥0} S(t)/(1 + d)^t = ₂F₁(1, β; α + β; 1/(1 + d)),
    /// in payments (the first one undiscounted).
    /// </summary>
    /// <param name="discountRate">d per period, ≥ 1e-4.</param>
    /// <returns>The discounted expected lifetime.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="discountRate"/> is out of range.</exception>
    public double DiscountedExpectedLifetime(double discountRate) =>
        Hypergeometric.UnitNumerator(Beta.Value, Alpha.Value + Beta.Value, DiscountFactor(discountRate));

    /// <summary>Formats as <c>sBG α = 0.704 (SE 0.0579), β = 1.18 (SE 0.134), log L = −1680.27</c>.</summary>
    /// <returns>The formatted model.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"sBG α = {Alpha}, β = {Beta}, log L = {LogLikelihood:F2}");

    private static double DiscountFactor(double discountRate)
    {
        if (!(discountRate >= 1e-4 && double.IsFinite(discountRate)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(discountRate),
                discountRate,
                string.Create(CultureInfo.InvariantCulture, $"discountRate is {discountRate}; give the discount rate per period as a fraction >= 0.0001, for example 0.1 for 10%."));
        }

        return 1 / (1 + discountRate);
    }
}
