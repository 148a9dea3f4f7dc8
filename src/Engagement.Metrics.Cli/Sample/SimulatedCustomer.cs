namespace Engagement.Metrics.Cli.Sample;

/// <summary>
/// One customer of the simulated population: who they are, when they sign up and churn, and how engaged they are at
/// any moment. Engagement is 1 until a decline phase of 45–120 days before the churn date, then falls linearly to 0.15;
/// every behaviour of the generator (reply rates and speed, message length, mood, survey scores, purchases, opens)
/// reads it, so disengagement shows in every file before the customer's end date.
/// </summary>
internal sealed class SimulatedCustomer
{
    /// <summary>Conversation channels, in the order of <see cref="MessageChannelWeights"/>.</summary>
    public static readonly string[] MessageChannels = ["email", "sms", "whatsapp", "chat"];

    /// <summary>Contact-centre channels, in the order of <see cref="ContactChannelWeights"/>.</summary>
    public static readonly string[] ContactChannels = ["voice", "chat", "email", "ivr"];

    private static readonly string[] RegionNames = ["north", "south", "east", "west"];
    private static readonly string[] Acquisitions = ["web", "app", "partner", "store"];
    private static readonly double[] AcquisitionWeights = [0.45, 0.25, 0.15, 0.15];
    private static readonly double[] Plans = [9.99, 19.0, 29.0, 49.0, 79.0];
    private static readonly double[] PlanWeights = [0.3, 0.3, 0.2, 0.15, 0.05];

    public SimulatedCustomer(int index, SampleRandom rng)
    {
        Id = "C" + (index + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        Language = rng.Chance(0.35) ? 1 : 0;
        Region = rng.Pick(RegionNames);
        Acquisition = Acquisitions[rng.Weighted(AcquisitionWeights)];
        MonthlyRevenue = Plans[rng.Weighted(PlanWeights)];
        Disposition = rng.Normal();

        // Sign-ups over the first 22 months, more in January and September (thinning by a yearly curve).
        double span = (SampleCalendar.End - SampleCalendar.Start).TotalDays - 60;
        DateTime signup;
        do
        {
            signup = SampleCalendar.Start.AddDays(rng.Uniform(0, span));
        }
        while (!rng.Chance(SignupSeason(signup) / 1.5));
        Signup = signup.Date.AddSeconds(rng.Int(8 * 3600, 21 * 3600));

        // Contractual lifetime: monthly churn probability theta ~ Beta(0.9, 9) (heterogeneous, so the pooled
        // retention curve flattens, as the sBG model expects); partner-acquired customers churn faster.
        double theta = rng.Beta(0.9, 9) * (Acquisition == "partner" ? 1.8 : Acquisition == "store" ? 1.2 : 1);
        theta = Math.Clamp(theta, 1e-4, 0.9);
        int months = (int)Math.Min(600, Math.Ceiling(Math.Log(1 - rng.Uniform()) / Math.Log(1 - theta))); // capped at 50 years
        ChurnAt = Signup.AddDays(Math.Max(7, (Math.Max(months, 1) * 30.44) + rng.Uniform(-15, 15)));
        DeclineDays = rng.Uniform(45, 120);

        // Channel preferences: a Dirichlet-like draw, so each customer has a favourite.
        MessageChannelWeights = [rng.Gamma(1.2, 1), rng.Gamma(0.8, 1), rng.Gamma(0.6, 1), rng.Gamma(0.7, 1)];
        ContactChannelWeights = [rng.Gamma(1.0, 1), rng.Gamma(1.0, 1), rng.Gamma(0.7, 1), 0.25];
        SmsOptIn = rng.Chance(0.55);
        WhatsAppOptIn = rng.Chance(0.25);

        // Some customers stop answering email (but still answer SMS and WhatsApp) after a while.
        EmailFatigueAt = rng.Chance(0.4) ? Signup.AddDays(rng.Uniform(60, 400)) : null;
    }

    public string Id { get; }

    /// <summary>0 English, 1 Spanish.</summary>
    public int Language { get; }

    public string Region { get; }

    public string Acquisition { get; }

    public double MonthlyRevenue { get; }

    /// <summary>A standard-normal disposition: how positive this customer is, all else equal.</summary>
    public double Disposition { get; }

    public DateTime Signup { get; }

    /// <summary>The churn moment; after <see cref="SampleCalendar.End"/> the customer is still active in the data.</summary>
    public DateTime ChurnAt { get; }

    public double DeclineDays { get; }

    public double[] MessageChannelWeights { get; }

    public double[] ContactChannelWeights { get; }

    public bool SmsOptIn { get; }

    public bool WhatsAppOptIn { get; }

    public DateTime? EmailFatigueAt { get; }

    public bool Churned => ChurnAt <= SampleCalendar.EndExclusive;

    /// <summary>The end of this customer's observed activity: the churn moment or the end of the window.</summary>
    public DateTime ActiveUntil => Churned ? ChurnAt : SampleCalendar.EndExclusive;

    public double Engagement(DateTime t)
    {
        double left = (ChurnAt - t).TotalDays;
        return left >= DeclineDays ? 1 : Math.Max(0.15, 0.15 + (0.85 * left / DeclineDays));
    }

    public bool IgnoresEmail(DateTime t) => EmailFatigueAt is { } f && t >= f;

    private static double SignupSeason(DateTime t) => t.Month switch
    {
        1 => 1.5,
        9 => 1.35,
        8 or 12 => 0.7,
        _ => 1.0,
    };
}

/// <summary>The sample's fixed calendar and its seasonality curves (no clock: the window is a constant).</summary>
internal static class SampleCalendar
{
    public static readonly DateTime Start = new(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The last day observed (inclusive); also the default as-of date of reports on the sample.</summary>
    public static readonly DateTime End = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime EndExclusive = End.AddDays(1);

    /// <summary>Yearly demand curve for contacts and messages: a peak around Christmas and the January returns, a summer dip.</summary>
    public static double Yearly(DateTime t) =>
        1 + (0.35 * Math.Cos(2 * Math.PI * (t.DayOfYear - 360) / 365.25)) + (t.Month == 12 && t.Day >= 10 ? 0.4 : 0);

    /// <summary>Weekly curve of service demand: busy Mondays, quiet weekends.</summary>
    public static double Weekly(DateTime t) => t.DayOfWeek switch
    {
        DayOfWeek.Monday => 1.35,
        DayOfWeek.Saturday => 0.55,
        DayOfWeek.Sunday => 0.4,
        _ => 1.0,
    };

    /// <summary>Weekly curve of purchases: weekends busier.</summary>
    public static double WeeklyShopping(DateTime t) => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.3 : 0.9;

    private static readonly double[] HourWeights =
    [
        0.1, 0.05, 0.03, 0.03, 0.05, 0.1, 0.3, 0.7, 1.2, 1.6, 1.7, 1.6, 1.3, 1.4, 1.5, 1.4, 1.3, 1.2, 1.0, 0.9, 0.8, 0.6, 0.4, 0.2,
    ];

    /// <summary>Moves a time to a plausible hour of the same day (office-hours heavy), keeping minutes random.</summary>
    public static DateTime AtPlausibleHour(DateTime day, SampleRandom rng) =>
        day.Date.AddHours(rng.Weighted(HourWeights)).AddSeconds(rng.Int(3600));

    /// <summary>
    /// The next event of a Poisson process of rate <c>baseRate × shape(t)</c> per day after <paramref name="from"/>
    /// (thinning with <paramref name="maxShape"/> as the bound), or null when it falls at or after <paramref name="until"/>.
    /// </summary>
    public static DateTime? Next(DateTime from, DateTime until, double baseRate, Func<DateTime, double> shape, double maxShape, SampleRandom rng)
    {
        DateTime t = from;
        while (true)
        {
            t = t.AddDays(rng.Exponential(1 / (baseRate * maxShape)));
            if (t >= until)
            {
                return null;
            }

            if (rng.Chance(shape(t) / maxShape))
            {
                return t;
            }
        }
    }
}
