namespace Engagement.Metrics.Cli.Sample;

/// <summary>
/// The distributions the sample generator draws from, over one seeded <see cref="Random"/>. Seeded
/// <see cref="Random"/> uses the same (legacy, documented) algorithm on every platform and .NET version, so a seed
/// gives the same bytes everywhere; nothing here reads the clock or <see cref="Random.Shared"/>.
/// </summary>
internal sealed class SampleRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();

    public double Uniform(double min, double max) => min + ((max - min) * _random.NextDouble());

    public int Int(int maxExclusive) => _random.Next(maxExclusive);

    public int Int(int min, int maxExclusive) => _random.Next(min, maxExclusive);

    /// <summary>A seed for a child generator, so each customer's draws do not depend on how many another one made.</summary>
    public int Seed() => _random.Next();

    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>Exponential with the given mean (inverse transform).</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    /// <summary>Standard normal by Box–Muller (one of the pair is used; simple and deterministic).</summary>
    public double Normal(double mean = 0, double sd = 1)
    {
        double u1 = 1 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(Normal(0, sigma));

    /// <summary>Gamma(shape, scale) by Marsaglia and Tsang (2000), with the shape &lt; 1 boost.</summary>
    public double Gamma(double shape, double scale)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1, scale) * Math.Pow(_random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = Normal(), v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = _random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v * scale;
            }
        }
    }

    public double Beta(double a, double b)
    {
        double x = Gamma(a, 1), y = Gamma(b, 1);
        return x / (x + y);
    }

    /// <summary>Poisson by inversion (small means only, as used here).</summary>
    public int Poisson(double mean)
    {
        double limit = Math.Exp(-mean), product = _random.NextDouble();
        int k = 0;
        while (product > limit)
        {
            k++;
            product *= _random.NextDouble();
        }

        return k;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with probability proportional to its weight.</summary>
    public int Weighted(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        double u = _random.NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
