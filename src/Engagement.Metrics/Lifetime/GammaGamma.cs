using System.Globalization;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// Fits the Gamma-Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using Iso-Value
/// Curves for Customer Base Analysis", Journal of Marketing Research 42(4); Fader &amp; Hardie 2013, note 025).
/// </summary>
/// <remarks>
/// A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, v) across customers, independent of the purchase
/// process. The model is fitted on the customers with x &gt; 0 repeat purchases, from x and their mean repeat spend z̄.
/// The log-likelihood is that of the <b>average</b> spend z̄ (the form Python lifetimes reports):
/// ln f(z̄ | x) = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln z̄ + px ln x − (px + q) ln(v + x z̄).
/// The density of the total spend x z̄ (the JMR paper's "−4659" on CDNOW) is lower by Σ ln x. Terms that depend on
/// x alone are evaluated once per distinct x, the rest from running sums, so a likelihood pass costs one logarithm
/// per customer.
/// </remarks>
public static class GammaGamma
{
    /// <summary>Fits p, q and v by maximum likelihood on the customers with repeat purchases.</summary>
    /// <param name="customers">RFM rows; rows with x = 0 (and monetary value 0) are skipped, as the model needs repeat purchases.</param>
    /// <param name="options">Optimiser settings; <see langword="null"/> for <see cref="LifetimeFitOptions.Default"/>.</param>
    /// <returns>The fitted model; <see cref="GammaGammaModel.Customers"/> counts the rows used.</returns>
    /// <exception cref="ArgumentException">A row is invalid: x = 0 with a monetary value, x &gt; 0 with a monetary value ≤ 0 or not finite, or a frequency–recency rule broken (the message names the customer); or no row has x &gt; 0.</exception>
    /// <exception cref="InvalidOperationException">The fit did not converge and <see cref="LifetimeFitOptions.RequireConvergence"/> is set.</exception>
    public static GammaGammaModel Fit(ReadOnlySpan<RfmRecord> customers, LifetimeFitOptions? options = null)
    {
        LifetimeFitOptions settings = (options ?? LifetimeFitOptions.Default).Validate();
        int used = 0;
        int maxX = 0;
        for (int i = 0; i < customers.Length; i++)
        {
            Validate(customers[i], i, nameof(customers));
            if (customers[i].Frequency > 0)
            {
                used++;
                maxX = Math.Max(maxX, customers[i].Frequency);
            }
        }

        LifetimeFitting.RequireCustomers(used, nameof(customers), "Gamma-Gamma (customers with frequency > 0)");
        var objective = new Objective(customers, used, maxX);
        double meanSpend = objective.MeanSpend;
        double[] start = [1, 2, meanSpend];
        MaximumLikelihoodFit fit = LifetimeFitting.Fit(objective, start, settings, "Gamma-Gamma");
        var e = fit.Estimates;
        return new GammaGammaModel(e[0], e[1], e[2], fit.LogLikelihood, used, fit.Diagnostics);
    }

    /// <summary>The Gamma-Gamma rules on top of the frequency–recency ones: z̄ finite and &gt; 0 when x &gt; 0; z̄ = 0 when x = 0.</summary>
    internal static void Validate(in RfmRecord record, int position, string paramName)
    {
        RfmTable.Validate(record, position, paramName);
        string? problem =
            record.Frequency == 0 && record.MonetaryValue != 0 ? $"monetary value is {record.MonetaryValue} with frequency 0; the monetary value is the mean of the repeat purchases, so a customer without repeat purchases has 0 (Gamma-Gamma is fitted on repeat buyers only). Set it to 0 or recompute the summary"
            : record.Frequency > 0 && !(record.MonetaryValue > 0 && double.IsFinite(record.MonetaryValue)) ? $"monetary value is {record.MonetaryValue}; a repeat buyer's mean spend must be a finite amount > 0 for Gamma-Gamma. Drop refunds-only customers or fix the amounts"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName}[{position}] (customer '{record.CustomerId}'): {problem}."),
                paramName);
        }
    }

    /// <summary>
    /// −log L over u = (ln p, ln q, ln v). With n_x customers at frequency x and N repeat buyers:
    /// log L = Σₓ nₓ[ln Γ(px + q) − ln Γ(px) − ln Γ(q)] + N q ln v + p Σ x(ln z̄ + ln x) − Σ ln z̄ − Σᵢ (p xᵢ + q) ln(v + xᵢ z̄ᵢ);
    /// ∂/∂p = Σₓ nₓ x[ψ(px + q) − ψ(px)] + Σ x(ln z̄ + ln x) − Σ xᵢ ln(v + xᵢ z̄ᵢ);
    /// ∂/∂q = Σₓ nₓ[ψ(px + q) − ψ(q)] + N ln v − Σ ln(v + xᵢ z̄ᵢ); ∂/∂v = N q/v − Σ (p xᵢ + q)/(v + xᵢ z̄ᵢ).
    /// </summary>
    internal sealed class Objective : IObjective
    {
        private readonly double[] _frequency;
        private readonly double[] _total;
        private readonly int[] _frequencyCounts;
        private readonly double _sumXLog;
        private readonly double _sumLogSpend;
        private readonly int _customers;

        public Objective(ReadOnlySpan<RfmRecord> customers, int used, int maxX)
        {
            _frequency = new double[used];
            _total = new double[used];
            _frequencyCounts = new int[maxX + 1];
            _customers = used;
            int j = 0;
            double spend = 0;
            for (int i = 0; i < customers.Length; i++)
            {
                ref readonly RfmRecord c = ref customers[i];
                if (c.Frequency == 0)
                {
                    continue;
                }

                double x = c.Frequency;
                _frequency[j] = x;
                _total[j] = x * c.MonetaryValue;
                _frequencyCounts[c.Frequency]++;
                double logSpend = Math.Log(c.MonetaryValue);
                _sumXLog += x * (logSpend + Math.Log(x));
                _sumLogSpend += logSpend;
                spend += c.MonetaryValue;
                j++;
            }

            MeanSpend = spend / used;
        }

        public int Dimension => 3;

        public double MeanSpend { get; }

        public double Evaluate(ReadOnlySpan<double> u, Span<double> gradient)
        {
            double p = Math.Exp(u[0]);
            double q = Math.Exp(u[1]);
            double v = Math.Exp(u[2]);
            if (!(p > 0 && q > 0 && v > 0 && double.IsFinite(p) && double.IsFinite(q) && double.IsFinite(v)))
            {
                gradient.Clear();
                return double.NaN;
            }

            double logGammaQ = SpecialFunctions.LogGamma(q);
            double digammaQ = SpecialFunctions.Digamma(q);
            double ll = 0, gp = 0, gq = 0;
            for (int x = 1; x < _frequencyCounts.Length; x++)
            {
                int n = _frequencyCounts[x];
                if (n == 0)
                {
                    continue;
                }

                double px = p * x;
                double psiSum = SpecialFunctions.Digamma(px + q);
                ll += n * (SpecialFunctions.LogGamma(px + q) - SpecialFunctions.LogGamma(px) - logGammaQ);
                gp += n * x * (psiSum - SpecialFunctions.Digamma(px));
                gq += n * (psiSum - digammaQ);
            }

            double logV = Math.Log(v);
            ll += (_customers * q * logV) + (p * _sumXLog) - _sumLogSpend;
            gp += _sumXLog;
            gq += _customers * logV;
            double gv = _customers * q / v;
            double[] frequency = _frequency;
            double[] total = _total;
            double sumLog = 0, sumXLog = 0, sumRatio = 0;
            for (int i = 0; i < frequency.Length; i++)
            {
                double denominator = v + total[i];
                double log = Math.Log(denominator);
                sumLog += log;
                sumXLog += frequency[i] * log;
                sumRatio += ((p * frequency[i]) + q) / denominator;
            }

            ll -= (p * sumXLog) + (q * sumLog);
            gp -= sumXLog;
            gq -= sumLog;
            gv -= sumRatio;
            gradient[0] = -gp * p;
            gradient[1] = -gq * q;
            gradient[2] = -gv * v;
            return -ll;
        }
    }
}
