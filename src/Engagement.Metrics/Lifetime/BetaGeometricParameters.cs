using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The fitted (r, α, a, b) of a BG/NBD or modified BG/NBD model with the per-customer and batch predictions both
/// public model types forward to, so the two share one implementation.
/// </summary>
internal readonly struct BetaGeometricParameters
{
    public BetaGeometricParameters(double r, double alpha, double a, double b, int shift, string model)
    {
        R = r;
        Alpha = alpha;
        A = a;
        B = b;
        Shift = shift;
        Model = model;
    }

    public double R { get; }

    public double Alpha { get; }

    public double A { get; }

    public double B { get; }

    /// <summary>0 for BG/NBD, 1 for modified BG/NBD (see <see cref="BetaGeometricFamily"/>).</summary>
    public int Shift { get; }

    public string Model { get; }

    public double ExpectedPurchases(double t)
    {
        LifetimeFitting.Horizon(t, nameof(t));
        BetaGeometricFamily.RequirePredictable(A, B, Shift, Model);
        return BetaGeometricFamily.ConditionalExpectedPurchases(t, R, Alpha, A, B, 0, 0, 0, Shift);
    }

    public double ConditionalExpectedPurchases(double t, in RfmRecord customer)
    {
        LifetimeFitting.Horizon(t, nameof(t));
        RfmTable.Validate(customer, 0, nameof(customer));
        BetaGeometricFamily.RequirePredictable(A, B, Shift, Model);
        return BetaGeometricFamily.ConditionalExpectedPurchases(t, R, Alpha, A, B, customer.Frequency, customer.Recency, customer.Age, Shift);
    }

    public void ConditionalExpectedPurchases(double t, ReadOnlySpan<RfmRecord> customers, Span<double> destination)
    {
        LifetimeFitting.Horizon(t, nameof(t));
        Prepare(customers, destination);
        BetaGeometricFamily.RequirePredictable(A, B, Shift, Model);
        for (int i = 0; i < customers.Length; i++)
        {
            ref readonly RfmRecord c = ref customers[i];
            destination[i] = BetaGeometricFamily.ConditionalExpectedPurchases(t, R, Alpha, A, B, c.Frequency, c.Recency, c.Age, Shift);
        }
    }

    public double ProbabilityAlive(in RfmRecord customer)
    {
        RfmTable.Validate(customer, 0, nameof(customer));
        return BetaGeometricFamily.ProbabilityAlive(R, Alpha, A, B, customer.Frequency, customer.Recency, customer.Age, Shift);
    }

    public void ProbabilityAlive(ReadOnlySpan<RfmRecord> customers, Span<double> destination)
    {
        Prepare(customers, destination);
        for (int i = 0; i < customers.Length; i++)
        {
            ref readonly RfmRecord c = ref customers[i];
            destination[i] = BetaGeometricFamily.ProbabilityAlive(R, Alpha, A, B, c.Frequency, c.Recency, c.Age, Shift);
        }
    }

    public double ProbabilityOfPurchases(int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        LifetimeFitting.Horizon(t, nameof(t));
        return BetaGeometricFamily.ProbabilityOfPurchases(n, t, R, Alpha, A, B, Shift);
    }

    public double LogLikelihood(ReadOnlySpan<RfmRecord> customers, string paramName)
    {
        double sum = 0;
        for (int i = 0; i < customers.Length; i++)
        {
            RfmTable.Validate(customers[i], i, paramName);
        }

        for (int i = 0; i < customers.Length; i++)
        {
            ref readonly RfmRecord c = ref customers[i];
            sum += BetaGeometricFamily.LogLikelihood(R, Alpha, A, B, c.Frequency, c.Recency, c.Age, Shift);
        }

        return sum;
    }

    /// <summary>Validates every customer and the destination length before any output is written.</summary>
    private static void Prepare(ReadOnlySpan<RfmRecord> customers, Span<double> destination)
    {
        if (destination.Length < customers.Length)
        {
            ThrowHelper.DestinationTooShort(nameof(destination), customers.Length, destination.Length);
        }

        for (int i = 0; i < customers.Length; i++)
        {
            RfmTable.Validate(customers[i], i, nameof(customers));
        }
    }

    /// <summary>Fits the model to the customers (shared by <see cref="BgNbd"/> and <see cref="ModifiedBgNbd"/>).</summary>
    public static (Statistics.Optimization.MaximumLikelihoodFit Fit, int Customers) Fit(ReadOnlySpan<RfmRecord> customers, LifetimeFitOptions? options, int shift, string model)
    {
        LifetimeFitOptions settings = (options ?? LifetimeFitOptions.Default).Validate();
        var table = RfmTable.Build(customers, nameof(customers));
        LifetimeFitting.RequireCustomers(table.Customers, nameof(customers), model);

        // Start where the data say: α on the scale of the customers' ages (so r/α, the purchase rate, starts near
        // the observed one), r, a, b at 1. This keeps the first steps sane whether time is in days or weeks.
        double ageSum = 0, frequencySum = 0;
        for (int i = 0; i < table.Length; i++)
        {
            ageSum += table.Age[i] * table.Count[i];
            frequencySum += table.Frequency[i] * table.Count[i];
        }

        double meanAge = Math.Max(ageSum / table.Customers, 1e-3);
        double rate = Math.Max(frequencySum / table.Customers, 0.01) / meanAge;
        double[] start = [1, 1 / rate, 1, 1];
        var fit = LifetimeFitting.Fit(new BetaGeometricFamily.Objective(table, shift), start, settings, model);
        return (fit, table.Customers);
    }
}
