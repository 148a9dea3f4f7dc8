using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// A BG/BB model (transaction probability p ~ Beta(α, β) at each opportunity while alive, dropout probability
/// θ ~ Beta(γ, δ) before each opportunity), fitted by <see cref="BgBb.Fit"/> or built from fixed parameters, with its
/// predictions.
/// </summary>
/// <remarks>
/// Formulas from Fader, Hardie &amp; Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual Setting",
/// <i>Marketing Science</i> 29(6), eq. (5)–(13). Opportunities are counted in whole periods; "alive at n" means alive
/// at the n-th opportunity after the first transaction.
/// </remarks>
public sealed class BgBbModel
{
    /// <summary>Creates a model from estimates (what <see cref="BgBb.Fit"/> returns, and the JSON shape).</summary>
    /// <param name="alpha">α of the Beta distribution of transaction probabilities.</param>
    /// <param name="beta">β of the Beta distribution of transaction probabilities.</param>
    /// <param name="gamma">γ of the Beta distribution of dropout probabilities.</param>
    /// <param name="delta">δ of the Beta distribution of dropout probabilities.</param>
    /// <param name="logLikelihood">The weighted log-likelihood of the data the model was fitted on.</param>
    /// <param name="customers">The total weight (number of customers) it was fitted on.</param>
    /// <param name="diagnostics">How the fit ended, or <see langword="null"/> for fixed parameters.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0, or customers is negative or not finite.</exception>
    [JsonConstructor]
    public BgBbModel(ParameterEstimate alpha, ParameterEstimate beta, ParameterEstimate gamma, ParameterEstimate delta, double logLikelihood, double customers, FitDiagnostics? diagnostics)
    {
        Alpha = Positive(alpha, nameof(alpha));
        Beta = Positive(beta, nameof(beta));
        Gamma = Positive(gamma, nameof(gamma));
        Delta = Positive(delta, nameof(delta));
        if (!(customers >= 0 && double.IsFinite(customers)))
        {
            throw new ArgumentOutOfRangeException(nameof(customers), customers, "customers must be a finite count >= 0.");
        }

        LogLikelihood = logLikelihood;
        Customers = customers;
        Diagnostics = diagnostics;
    }

    /// <summary>Creates a model from fixed parameters (no standard errors, no diagnostics), for example published values.</summary>
    /// <param name="alpha">α, &gt; 0.</param>
    /// <param name="beta">β, &gt; 0.</param>
    /// <param name="gamma">γ, &gt; 0.</param>
    /// <param name="delta">δ, &gt; 0.</param>
    /// <param name="rows">Data whose log-likelihood and total weight the model reports (empty for none), for example to read <see cref="ExpectedCustomersWithFrequency"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0.</exception>
    /// <exception cref="ArgumentException">A row breaks the BG/BB rules.</exception>
    public BgBbModel(double alpha, double beta, double gamma, double delta, ReadOnlySpan<BgBbRecord> rows = default)
        : this(new ParameterEstimate(alpha, null), new ParameterEstimate(beta, null), new ParameterEstimate(gamma, null), new ParameterEstimate(delta, null), 0, 0, null)
    {
        LogLikelihood = LogLikelihoodOf(rows);
        double customers = 0;
        foreach (BgBbRecord row in rows)
        {
            customers += row.Weight;
        }

        Customers = customers;
    }

    private BgBbTables? _tables;

    /// <summary>α: with β, the Beta distribution of the per-opportunity transaction probability p (mean α/(α+β)).</summary>
    public ParameterEstimate Alpha { get; }

    /// <summary>β: with α, the Beta distribution of the transaction probability p.</summary>
    public ParameterEstimate Beta { get; }

    /// <summary>γ: with δ, the Beta distribution of the per-opportunity dropout probability θ (mean γ/(γ+δ)).</summary>
    public ParameterEstimate Gamma { get; }

    /// <summary>δ: with γ, the Beta distribution of the dropout probability θ.</summary>
    public ParameterEstimate Delta { get; }

    /// <summary>The weighted log-likelihood of the data the model was fitted on (or was built with).</summary>
    public double LogLikelihood { get; }

    /// <summary>The total weight of the rows: the number of customers.</summary>
    public double Customers { get; }

    /// <summary>How the fit ended; <see langword="null"/> for a model built from fixed parameters.</summary>
    public FitDiagnostics? Diagnostics { get; }

    /// <summary>Σ weight·ln L(α, β, γ, δ | x, t_x, n) of other rows (for example a holdout) under this model.</summary>
    /// <param name="rows">The rows; empty gives 0.</param>
    /// <returns>The log-likelihood.</returns>
    /// <exception cref="ArgumentException">A row breaks the BG/BB rules; the message names it.</exception>
    public double LogLikelihoodOf(ReadOnlySpan<BgBbRecord> rows)
    {
        double sum = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            BgBbLikelihood.Validate(rows[i], i, nameof(rows));
            if (rows[i].Weight > 0)
            {
                sum += rows[i].Weight * LogL(rows[i]);
            }
        }

        return sum;
    }

    /// <summary>
    /// P(alive at opportunity n + m | x, t_x, n) = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+m)/B(γ,δ) / L (Fader, Hardie &amp;
    /// Shang 2010, eq. 11; m = 1 is their Table 6 "P(alive in 2002)").
    /// </summary>
    /// <param name="row">The customer's pattern (its weight is not read).</param>
    /// <param name="futurePeriods">m ≥ 0: how many opportunities past n.</param>
    /// <returns>A probability in [0, 1].</returns>
    /// <exception cref="ArgumentException">The row breaks the BG/BB rules, or m is negative.</exception>
    public double ProbabilityAlive(in BgBbRecord row, int futurePeriods = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(futurePeriods);
        BgBbLikelihood.Validate(row, 0, nameof(row));
        return Alive(row, futurePeriods);
    }

    /// <summary>P(alive at n + m) for many rows.</summary>
    /// <param name="rows">The patterns.</param>
    /// <param name="futurePeriods">m ≥ 0.</param>
    /// <param name="destination">Receives one probability per row; same length.</param>
    /// <exception cref="ArgumentException">Lengths differ, m is negative, or a row breaks the rules (nothing is written then).</exception>
    public void ProbabilityAlive(ReadOnlySpan<BgBbRecord> rows, int futurePeriods, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(futurePeriods);
        ValidateAll(rows, destination.Length, nameof(destination));
        for (int i = 0; i < rows.Length; i++)
        {
            destination[i] = Alive(rows[i], futurePeriods);
        }
    }

    /// <summary>
    /// E[X(n, n + n*) | x, t_x, n] = B(α+x+1, β+n−x)/B(α,β) · Σₖ₌₁…ₙ* B(γ, δ+n+k)/B(γ,δ) / L: the expected number of
    /// transactions in the next n* opportunities (Fader, Hardie &amp; Shang 2010, eq. 13, summed term by term, which
    /// also covers γ = 1 where the closed form divides by γ − 1).
    /// </summary>
    /// <param name="futurePeriods">n* ≥ 0.</param>
    /// <param name="row">The customer's pattern (its weight is not read).</param>
    /// <returns>The expected count, between 0 and n*.</returns>
    /// <exception cref="ArgumentException">The row breaks the BG/BB rules, or n* is negative.</exception>
    public double ConditionalExpectedTransactions(int futurePeriods, in BgBbRecord row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(futurePeriods);
        BgBbLikelihood.Validate(row, 0, nameof(row));
        return Conditional(futurePeriods, row);
    }

    /// <summary>E[X(n, n + n*) | x, t_x, n] for many rows.</summary>
    /// <param name="futurePeriods">n* ≥ 0.</param>
    /// <param name="rows">The patterns.</param>
    /// <param name="destination">Receives one expectation per row (per customer, not multiplied by the weight); same length.</param>
    /// <exception cref="ArgumentException">Lengths differ, n* is negative, or a row breaks the rules (nothing is written then).</exception>
    public void ConditionalExpectedTransactions(int futurePeriods, ReadOnlySpan<BgBbRecord> rows, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(futurePeriods);
        ValidateAll(rows, destination.Length, nameof(destination));
        for (int i = 0; i < rows.Length; i++)
        {
            destination[i] = Conditional(futurePeriods, rows[i]);
        }
    }

    /// <summary>
    /// E[X(n)] = α/(α+β) · Σₖ₌₁…ₙ B(γ, δ+k)/B(γ,δ): the expected number of repeat transactions of a new customer in
    /// the first n opportunities (Fader, Hardie &amp; Shang 2010, eq. 8).
    /// </summary>
    /// <param name="periods">n ≥ 0.</param>
    /// <returns>The expected count.</returns>
    public double ExpectedTransactions(int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        return Alpha.Value / (Alpha.Value + Beta.Value) * SurvivalSum(0, periods);
    }

    /// <summary>
    /// P(X(n) = x) = C(n,x)·B(α+x, β+n−x)/B(α,β)·B(γ, δ+n)/B(γ,δ) + Σᵢ₌₀…ₙ₋ₓ₋₁ C(x+i, x)·B(α+x, β+i)/B(α,β)·B(γ+1, δ+x+i)/B(γ,δ):
    /// the probability that a new customer makes x repeat transactions in n opportunities (Fader, Hardie &amp; Shang
    /// 2010, eq. 7).
    /// </summary>
    /// <param name="frequency">x, 0 ≤ x ≤ n.</param>
    /// <param name="periods">n ≥ 0.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n is negative or x is outside 0…n.</exception>
    public double ProbabilityOfFrequency(int frequency, int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequency, periods);
        double a = Alpha.Value, b = Beta.Value, g = Gamma.Value, d = Delta.Value;
        double sum = Math.Exp(LogBinomial(periods, frequency) + BgBbLikelihood.LogBetaRatio(a, b, frequency, periods - frequency) + BgBbLikelihood.LogBetaRatio(g, d, 0, periods));
        for (int i = 0; i < periods - frequency; i++)
        {
            sum += Math.Exp(LogBinomial(frequency + i, frequency) + BgBbLikelihood.LogBetaRatio(a, b, frequency, i) + BgBbLikelihood.LogBetaRatio(g, d, 1, frequency + i));
        }

        return sum;
    }

    /// <summary>
    /// <see cref="Customers"/> × P(X(n) = x): the expected number of customers with x repeat transactions in n
    /// opportunities, the in-sample fit of the frequency histogram (Fader, Hardie &amp; Shang 2010, Figure 3).
    /// </summary>
    /// <param name="frequency">x, 0 ≤ x ≤ n.</param>
    /// <param name="periods">n ≥ 0.</param>
    /// <returns>The expected number of customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n is negative or x is outside 0…n.</exception>
    public double ExpectedCustomersWithFrequency(int frequency, int periods) => Customers * ProbabilityOfFrequency(frequency, periods);

    /// <summary>Formats as <c>BG/BB α=1.204, β=0.75, γ=0.657, δ=2.783, LL=-33225.6</c>.</summary>
    /// <returns>The formatted model.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"BG/BB α={Alpha.Value:G4}, β={Beta.Value:G4}, γ={Gamma.Value:G4}, δ={Delta.Value:G4}, LL={LogLikelihood:G6}");

    private double LogL(in BgBbRecord row) =>
        Tables(row.Periods + 2).LogLikelihood(row.Frequency, row.Recency, row.Periods);

    private double Alive(in BgBbRecord row, int m)
    {
        int x = row.Frequency, n = row.Periods;
        BgBbTables t = Tables(n + m + 2);
        double log = t.LogAliveThrough(x, n, m) - t.LogLikelihood(x, row.Recency, n);
        return Math.Clamp(Math.Exp(log), 0, 1);
    }

    private double Conditional(int futurePeriods, in BgBbRecord row)
    {
        if (futurePeriods == 0)
        {
            return 0;
        }

        int x = row.Frequency, n = row.Periods;
        BgBbTables t = Tables(n + 3);

        // ln[B(α+x+1, β+n−x)/B(α,β)] − ln L
        double log = t.A.Log[x + 1] + t.B.Log[n - x] - t.AB.Log[n + 1] - t.LogLikelihood(x, row.Recency, n);
        return Math.Exp(log) * SurvivalSum(n, futurePeriods);
    }

    /// <summary>Σₖ₌₁…ₘ B(γ, δ+n+k)/B(γ,δ) = Σ E[(1−θ)^(n+k)], by the ratio B(γ, δ+j+1)/B(γ, δ+j) = (δ+j)/(γ+δ+j).</summary>
    private double SurvivalSum(int n, int count)
    {
        double g = Gamma.Value, d = Delta.Value;
        BgBbTables t = Tables(n + 2);
        double term = Math.Exp(t.D.Log[n] - t.GD.Log[n]);
        double sum = 0;
        for (int k = 0; k < count; k++)
        {
            term *= (d + n + k) / (g + d + n + k);
            sum += term;
        }

        return sum;
    }

    /// <summary>
    /// The integer-shift tables for these parameters, at least <paramref name="length"/> long. Built lazily, never
    /// changed once published, and replaced by a longer one when needed, so concurrent readers are safe.
    /// </summary>
    private BgBbTables Tables(int length)
    {
        BgBbTables? tables = Volatile.Read(ref _tables);
        if (tables is null || tables.Length < length)
        {
            tables = new BgBbTables(Math.Max(length, 2 * (tables?.Length ?? 32))).Fill(Alpha.Value, Beta.Value, Gamma.Value, Delta.Value);
            Volatile.Write(ref _tables, tables);
        }

        return tables;
    }

    private static double LogBinomial(int n, int k) =>
        SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(k + 1) - SpecialFunctions.LogGamma(n - k + 1);

    private static void ValidateAll(ReadOnlySpan<BgBbRecord> rows, int destinationLength, string destinationName)
    {
        if (rows.Length != destinationLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{destinationName} has {destinationLength} elements but {rows.Length} were expected (one per row)."),
                destinationName);
        }

        for (int i = 0; i < rows.Length; i++)
        {
            BgBbLikelihood.Validate(rows[i], i, nameof(rows));
        }
    }

    private static ParameterEstimate Positive(ParameterEstimate estimate, string paramName)
    {
        if (!(estimate.Value > 0))
        {
            throw new ArgumentOutOfRangeException(paramName, estimate.Value, string.Create(CultureInfo.InvariantCulture, $"{paramName} is {estimate.Value}; BG/BB parameters must be > 0."));
        }

        return estimate;
    }
}
