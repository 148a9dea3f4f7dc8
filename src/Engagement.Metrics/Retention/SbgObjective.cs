using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Retention;

/// <summary>
/// −log L of the shifted-beta-geometric model for one cohort's survivor counts, with its analytic gradient in
/// u = (log α, log β) (Fader &amp; Hardie 2007, eq. 5 and Appendix B).
/// </summary>
/// <remarks>
/// log L = Σₜ nₜ·log P(T = t) + S_T·log S(T), with nₜ = survivors[t−1] − survivors[t], P(T = t) = S(t−1)·α/(α+β+t−1)
/// and S(t) = S(t−1)·(β+t−1)/(α+β+t−1). The derivatives of log S and log P follow the same recursions, so one pass
/// over the T periods gives the value and the gradient; no gamma function is evaluated.
/// </remarks>
internal sealed class SbgObjective(long[] survivors) : IObjective
{
    public int Dimension => 2;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double alpha = Math.Exp(x[0]);
        double beta = Math.Exp(x[1]);
        return -LogLikelihood(survivors, alpha, beta, out gradient[0], out gradient[1]);
    }

    /// <summary>log L and its derivatives with respect to log α and log β, negated into the gradient of −log L.</summary>
    public static double LogLikelihood(ReadOnlySpan<long> survivors, double alpha, double beta, out double gradientLogAlpha, out double gradientLogBeta)
    {
        double logS = 0, dSdA = 0, dSdB = 0;
        double ll = 0, dA = 0, dB = 0;
        double logAlpha = Math.Log(alpha);
        int periods = survivors.Length - 1;
        for (int t = 1; t <= periods; t++)
        {
            double lost = survivors[t - 1] - survivors[t];
            double denominator = alpha + beta + t - 1;
            double inverse = 1 / denominator;
            double logDenominator = Math.Log(denominator);
            if (lost > 0)
            {
                ll += lost * (logS + logAlpha - logDenominator);
                dA += lost * (dSdA + (1 / alpha) - inverse);
                dB += lost * (dSdB - inverse);
            }

            double b = beta + t - 1;
            logS += Math.Log(b) - logDenominator;
            dSdA -= inverse;
            dSdB += (1 / b) - inverse;
        }

        double remaining = survivors[periods];
        if (remaining > 0)
        {
            ll += remaining * logS;
            dA += remaining * dSdA;
            dB += remaining * dSdB;
        }

        // Chain rule to u = log θ, and the sign of −log L.
        gradientLogAlpha = -alpha * dA;
        gradientLogBeta = -beta * dB;
        return ll;
    }
}
