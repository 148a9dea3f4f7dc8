using System.Globalization;
using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.Benchmarks.Lifetime;

/// <summary>The CDNOW summary (embedded from the test data; MIT, see tests/.../Lifetime/Data) and seeded synthetic customer bases.</summary>
internal static class LifetimeBenchmarkData
{
    public static RfmRecord[] Cdnow()
    {
        using Stream stream = typeof(LifetimeBenchmarkData).Assembly.GetManifestResourceStream("cdnow.csv")!;
        using var reader = new StreamReader(stream);
        var rows = new List<RfmRecord>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            string[] f = line.Split(',');
            rows.Add(new RfmRecord(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        return [.. rows];
    }

    /// <summary>
    /// n customers simulated from BG/NBD with the CDNOW parameters in days (α = 4.414 × 7), first purchases spread over a
    /// year, purchase times on a whole-day grid as a transaction log gives them.
    /// </summary>
    public static RfmRecord[] Synthetic(int n, int seed = 42)
    {
        var random = new Random(seed);
        var rows = new RfmRecord[n];
        for (int i = 0; i < n; i++)
        {
            double lambda = Gamma(random, 0.243) / (4.414 * 7);
            double p = Beta(random, 0.793, 2.426);
            int age = 30 + random.Next(336);
            double t = 0, last = 0;
            int x = 0;
            while (true)
            {
                t += -Math.Log(1 - random.NextDouble()) / lambda;
                if (t > age)
                {
                    break;
                }

                x++;
                last = Math.Floor(t);
                if (random.NextDouble() < p)
                {
                    break;
                }
            }

            rows[i] = new RfmRecord(i.ToString(CultureInfo.InvariantCulture), x, x == 0 ? 0 : last, age, x == 0 ? 0 : 10 + (40 * random.NextDouble()));
        }

        return rows;
    }

    private static double Beta(Random random, double a, double b)
    {
        double x = Gamma(random, a);
        return x / (x + Gamma(random, b));
    }

    // Marsaglia & Tsang (2000), with the shape < 1 boost.
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + Math.Log(v))
            {
                return d * v;
            }
        }
    }
}
