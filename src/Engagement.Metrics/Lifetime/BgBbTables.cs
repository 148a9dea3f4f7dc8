namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The integer-shift tables every BG/BB quantity is built from, for one parameter set: for a ∈ {α, β, α+β, δ, γ+δ},
/// Σⱼ₍ⱼ₌₀…ₖ₋₁₎ ln(a + j) = ln Γ(a+k) − ln Γ(a) and Σⱼ 1/(a + j) = ψ(a+k) − ψ(a), for k = 0…<see cref="Length"/> − 1.
/// </summary>
/// <remarks>
/// With them ln[B(α+i, β+j)/B(α,β)] = A.Log[i] + B.Log[j] − AB.Log[i+j] and
/// ln[B(γ+e, δ+k)/B(γ,δ)] = e·ln γ + D.Log[k] − GD.Log[k+e] (e ∈ {0, 1}), so a likelihood term costs a few additions
/// instead of six log-gamma calls.
/// </remarks>
internal sealed class BgBbTables
{
    public BgBbTables(int length)
    {
        A = new Prefix(length);
        B = new Prefix(length);
        AB = new Prefix(length);
        D = new Prefix(length);
        GD = new Prefix(length);
    }

    public Prefix A { get; }

    public Prefix B { get; }

    public Prefix AB { get; }

    public Prefix D { get; }

    public Prefix GD { get; }

    /// <summary>ln γ.</summary>
    public double LogGamma { get; private set; }

    /// <summary>The number of entries per table; indices up to Length − 1 are valid.</summary>
    public int Length => A.Log.Length;

    /// <summary>Fills the tables for the parameters; returns this.</summary>
    public BgBbTables Fill(double alpha, double beta, double gamma, double delta)
    {
        A.Fill(alpha);
        B.Fill(beta);
        AB.Fill(alpha + beta);
        D.Fill(delta);
        GD.Fill(gamma + delta);
        LogGamma = Math.Log(gamma);
        return this;
    }

    /// <summary>ln L(x, t_x, n) without the gradient (needs n &lt; Length).</summary>
    public double LogLikelihood(int x, int tx, int n)
    {
        double max = LogAliveThrough(x, n, 0);
        double sum = 1;
        for (int k = tx; k < n; k++)
        {
            double term = A.Log[x] + B.Log[k - x] - AB.Log[k] + LogGamma + D.Log[k] - GD.Log[k + 1];
            if (term <= max)
            {
                sum += Math.Exp(term - max);
            }
            else
            {
                sum = (sum * Math.Exp(max - term)) + 1;
                max = term;
            }
        }

        return max + Math.Log(sum);
    }

    /// <summary>ln[B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+m)/B(γ,δ)]: x transactions in n, and alive at n + m (needs n + m &lt; Length).</summary>
    public double LogAliveThrough(int x, int n, int m) =>
        A.Log[x] + B.Log[n - x] - AB.Log[n] + D.Log[n + m] - GD.Log[n + m];

    /// <summary>Prefix sums Σⱼ₍ⱼ₌₀…ₖ₋₁₎ ln(a + j) and Σⱼ 1/(a + j), i.e. ln Γ(a+k) − ln Γ(a) and ψ(a+k) − ψ(a).</summary>
    internal sealed class Prefix(int length)
    {
        public double[] Log { get; } = new double[length];

        public double[] Inverse { get; } = new double[length];

        public void Fill(double a)
        {
            double log = 0, inverse = 0;
            for (int k = 0; k < Log.Length; k++)
            {
                Log[k] = log;
                Inverse[k] = inverse;
                log += Math.Log(a + k);
                inverse += 1 / (a + k);
            }
        }
    }
}
