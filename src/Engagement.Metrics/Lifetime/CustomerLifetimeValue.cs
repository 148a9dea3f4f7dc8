using System.Globalization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// Discounted customer lifetime value from a repeat-purchase model and a value per purchase (Python lifetimes'
/// <c>customer_lifetime_value</c>): CLV = Σₖ₌₁^K margin · value · (E[Y(kL)] − E[Y((k − 1)L)]) / (1 + d)ᵏ, with
/// E[Y(t) | x, t_x, T] the model's conditional expected purchases, L the period length in the data's time unit, K
/// periods and d the discount rate per period (<see cref="CustomerLifetimeValueOptions"/>).
/// </summary>
/// <remarks>
/// The value per purchase is usually the Gamma-Gamma expected average spend (Fader, Hardie &amp; Lee 2005 JMR):
/// <see cref="Calculate(IRepeatPurchaseModel, GammaGammaModel, ReadOnlySpan{RfmRecord}, Span{double}, CustomerLifetimeValueOptions?)"/>
/// does that.
/// </remarks>
public static class CustomerLifetimeValue
{
    /// <summary>CLV per customer with a given value per purchase.</summary>
    /// <param name="model">The fitted repeat-purchase model (BG/NBD, MBG/NBD, Pareto/NBD, …).</param>
    /// <param name="customers">The customers' calibration-period RFM rows.</param>
    /// <param name="valuePerPurchase">Each customer's expected value (or profit) per purchase, finite, parallel to <paramref name="customers"/>.</param>
    /// <param name="destination">Receives one CLV per customer, in order.</param>
    /// <param name="options">Horizon and discounting; <see langword="null"/> for the lifetimes defaults (12 × 30 units, 1%).</param>
    /// <exception cref="ArgumentException">The spans differ in length, <paramref name="destination"/> is too short, a value is not finite or a row is invalid (named); nothing is written then.</exception>
    public static void Calculate(IRepeatPurchaseModel model, ReadOnlySpan<RfmRecord> customers, ReadOnlySpan<double> valuePerPurchase, Span<double> destination, CustomerLifetimeValueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        CustomerLifetimeValueOptions settings = (options ?? CustomerLifetimeValueOptions.Default).Validate();
        if (valuePerPurchase.Length != customers.Length)
        {
            ThrowHelper.LengthMismatch(nameof(valuePerPurchase), customers.Length, valuePerPurchase.Length);
        }

        if (destination.Length < customers.Length)
        {
            ThrowHelper.DestinationTooShort(nameof(destination), customers.Length, destination.Length);
        }

        for (int i = 0; i < customers.Length; i++)
        {
            RfmTable.Validate(customers[i], i, nameof(customers));
            if (!double.IsFinite(valuePerPurchase[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{nameof(valuePerPurchase)}[{i}] (customer '{customers[i].CustomerId}') is {valuePerPurchase[i]}; it must be a finite amount."),
                    nameof(valuePerPurchase));
            }
        }

        double factor = 1 / (1 + settings.DiscountRate);
        for (int i = 0; i < customers.Length; i++)
        {
            double previous = 0, discount = 1, sum = 0;
            for (int k = 1; k <= settings.Periods; k++)
            {
                double cumulative = model.ConditionalExpectedPurchases(k * settings.PeriodLength, customers[i]);
                discount *= factor;
                sum += (cumulative - previous) * discount;
                previous = cumulative;
            }

            destination[i] = settings.Margin * valuePerPurchase[i] * sum;
        }
    }

    /// <summary>CLV per customer with the Gamma-Gamma expected average spend E(Z | x, z̄) as the value per purchase.</summary>
    /// <param name="model">The fitted repeat-purchase model.</param>
    /// <param name="spend">The fitted Gamma-Gamma model.</param>
    /// <param name="customers">The customers' RFM rows, with <see cref="RfmRecord.MonetaryValue"/> = mean repeat spend.</param>
    /// <param name="destination">Receives one CLV per customer, in order.</param>
    /// <param name="options">Horizon and discounting; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A row is invalid for either model (named), or <paramref name="destination"/> is too short.</exception>
    public static void Calculate(IRepeatPurchaseModel model, GammaGammaModel spend, ReadOnlySpan<RfmRecord> customers, Span<double> destination, CustomerLifetimeValueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spend);
        if (destination.Length < customers.Length)
        {
            ThrowHelper.DestinationTooShort(nameof(destination), customers.Length, destination.Length);
        }

        double[] value = new double[customers.Length];
        spend.ConditionalExpectedAverageSpend(customers, value);
        Calculate(model, customers, value, destination, options);
    }
}
