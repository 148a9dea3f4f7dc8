using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The horizon and discounting of <see cref="CustomerLifetimeValue"/>. Times are in the unit of the data the model was
/// fitted on, so <see cref="PeriodLength"/> says how many of those units make one discounting period.
/// </summary>
/// <remarks>
/// The defaults are Python lifetimes' (<c>time=12, discount_rate=0.01, freq="D"</c>): 12 monthly periods of 30 days at
/// 1% a month, right for data in days. For data in weeks set <see cref="PeriodLength"/> to 4.345 (a month) — lifetimes'
/// default "D" on weekly data silently makes each "month" 30 weeks.
/// </remarks>
public sealed record CustomerLifetimeValueOptions
{
    /// <summary>The lifetimes defaults: 12 periods of 30 time units (months of days), 1% discount per period, margin 1.</summary>
    public static CustomerLifetimeValueOptions Default { get; } = new();

    /// <summary>The number of discounting periods summed.</summary>
    /// <value>The default is 12.</value>
    public int Periods { get; init; } = 12;

    /// <summary>The length of one period in the data's time unit (30 for months of days, 4.345 for months of weeks, 1 for periods equal to the unit).</summary>
    /// <value>The default is 30.</value>
    public double PeriodLength { get; init; } = 30;

    /// <summary>The discount rate per period.</summary>
    /// <value>The default is 0.01.</value>
    public double DiscountRate { get; init; } = 0.01;

    /// <summary>The share of each purchase's value kept as profit, multiplied into every cash flow.</summary>
    /// <value>The default is 1 (the value per purchase is already a profit).</value>
    public double Margin { get; init; } = 1;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public CustomerLifetimeValueOptions Validate()
    {
        new OptionsValidation(nameof(CustomerLifetimeValueOptions))
            .Require(Periods is >= 1 and <= 10_000, $"Periods is {Periods}; it must be between 1 and 10000, for example 12.")
            .Require(PeriodLength > 0 && double.IsFinite(PeriodLength), $"PeriodLength is {PeriodLength}; it must be a finite time > 0 in the data's unit, for example 30 (days) or 4.345 (weeks).")
            .Require(DiscountRate >= 0 && double.IsFinite(DiscountRate), $"DiscountRate is {DiscountRate}; it must be a finite rate >= 0 per period, for example 0.01.")
            .Require(Margin >= 0 && Margin <= 1, $"Margin is {Margin}; it must be a share in [0, 1].")
            .ThrowIfInvalid();
        return this;
    }
}
