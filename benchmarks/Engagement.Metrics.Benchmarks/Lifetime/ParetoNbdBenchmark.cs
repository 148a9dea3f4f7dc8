using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.Benchmarks.Lifetime;

/// <summary>
/// Pareto/NBD fit on CDNOW (2,357 customers, 39 weeks): <see cref="ParetoNbd.Fit"/> (patterns collapsed, Euler-form
/// 2F1 with analytic gradient, BFGS) against the naive route the reference Python tool takes: Nelder–Mead over log
/// parameters, the likelihood summed customer by customer with the plain 2F1 series. Target: Fit under 40 ms
/// (lifetimes: about 430 ms on this kind of machine). Both must land on r = 0.553, α = 10.58, s = 0.606, β = 11.67.
/// </summary>
[MemoryDiagnoser]
public class ParetoNbdBenchmark
{
    private RfmRecord[] _customers = [];

    [GlobalSetup]
    public void Setup()
    {
        _customers = File.ReadAllLines(DataFile("cdnow_customers_summary.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new RfmRecord(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public double[] NaiveNelderMeadPerCustomer() =>
        NaiveFitting.NelderMead(
            u =>
            {
                double r = Math.Exp(u[0]), alpha = Math.Exp(u[1]), s = Math.Exp(u[2]), beta = Math.Exp(u[3]);
                double sum = 0;
                foreach (RfmRecord c in _customers)
                {
                    sum += NaiveLogLikelihood(r, alpha, s, beta, c.Frequency, c.Recency, c.Age);
                }

                return -sum;
            },
            4);

    [Benchmark]
    public ParetoNbdModel Fit() => ParetoNbd.Fit(_customers);

    /// <summary>The reference data copied into the test project (MIT, lifetimes; see its Data/README.md).</summary>
    internal static string DataFile(string name, [CallerFilePath] string source = "")
    {
        string fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "tests", "Engagement.Metrics.Tests", "Lifetime", "Data", name));
        if (File.Exists(fromSource))
        {
            return fromSource;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Engagement.Metrics.Tests", "Lifetime", "Data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Cannot find the reference data file {name}; run from the repository.");
    }

    /// <summary>ln L of one customer, as lifetimes computes it: the plain 2F1 series, log-sum-exp of the two parts.</summary>
    private static double NaiveLogLikelihood(double r, double alpha, double s, double beta, int x, double tx, double age)
    {
        double logGammaRatio = 0;
        for (int j = 0; j < x; j++)
        {
            logGammaRatio += Math.Log(r + j);
        }

        double maxAb = Math.Max(alpha, beta);
        double absAb = Math.Abs(alpha - beta);
        double param2 = alpha >= beta ? s + 1 : r + x;
        double a = r + s + x;
        double f1 = Hyp2F1(a, param2, a + 1, absAb / (maxAb + tx));
        double f2 = Hyp2F1(a, param2, a + 1, absAb / (maxAb + age));
        double logA1 = Math.Log(f1) - (a * Math.Log(maxAb + tx));
        double logA2 = Math.Log(f2) - (a * Math.Log(maxAb + age));
        double logE = (-(r + x) * Math.Log(alpha + age)) - (s * Math.Log(beta + age));
        double max = Math.Max(logE, logA1);
        double bracket = Math.Exp(logE - max) + (s / a * (Math.Exp(logA1 - max) - Math.Exp(logA2 - max)));
        return logGammaRatio + (r * Math.Log(alpha)) + (s * Math.Log(beta)) + max + Math.Log(bracket);
    }

    private static double Hyp2F1(double a, double b, double c, double z)
    {
        double term = 1, sum = 1;
        for (int k = 0; k < 100_000 && Math.Abs(term) > 1e-16 * Math.Abs(sum); k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
        }

        return sum;
    }
}

/// <summary>The naive baseline's optimiser: Nelder–Mead (Lagarias et al. 1998 coefficients) over log parameters, from all ones.</summary>
internal static class NaiveFitting
{
    public static double[] NelderMead(Func<double[], double> f, int n, double tolerance = 1e-10, int maxEvaluations = 20_000)
    {
        var points = new double[n + 1][];
        var values = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            points[i] = new double[n];
            if (i > 0)
            {
                points[i][i - 1] = 0.05;
            }

            values[i] = f(points[i]);
        }

        int evaluations = n + 1;
        while (evaluations < maxEvaluations)
        {
            Array.Sort(values, points);
            if (Math.Abs(values[n] - values[0]) <= tolerance * (1 + Math.Abs(values[0])))
            {
                break;
            }

            double[] centroid = new double[n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    centroid[j] += points[i][j] / n;
                }
            }

            double[] Along(double t) => centroid.Select((c, j) => c + (t * (points[n][j] - c))).ToArray();
            double[] reflected = Along(-1);
            double fr = f(reflected);
            evaluations++;
            if (fr < values[0])
            {
                double[] expanded = Along(-2);
                double fe = f(expanded);
                evaluations++;
                (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (points[n], values[n]) = (reflected, fr);
            }
            else
            {
                double[] contracted = Along(fr < values[n] ? -0.5 : 0.5);
                double fc = f(contracted);
                evaluations++;
                if (fc < Math.Min(fr, values[n]))
                {
                    (points[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (int i = 1; i <= n; i++)
                    {
                        points[i] = points[i].Select((p, j) => points[0][j] + ((p - points[0][j]) / 2)).ToArray();
                        values[i] = f(points[i]);
                        evaluations++;
                    }
                }
            }
        }

        Array.Sort(values, points);
        return points[0].Select(Math.Exp).ToArray();
    }
}
