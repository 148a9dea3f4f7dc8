using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>
/// Lifetime-value models with the registered options: the injectable face of <see cref="BgNbd"/>,
/// <see cref="GammaGamma"/> and <see cref="Lifetime.CustomerLifetimeValue"/>.
/// </summary>
/// <remarks>Implementations are thread-safe singletons; every method gives the same result as the static calculator with the same options.</remarks>
public interface ILifetimeValueCalculator
{
    /// <summary>Fits BG/NBD to RFM summaries; see <see cref="BgNbd.Fit"/>.</summary>
    /// <param name="customers">One RFM summary per customer.</param>
    /// <returns>The fitted model.</returns>
    BgNbdModel FitBgNbd(ReadOnlySpan<RfmRecord> customers);

    /// <summary>Fits the Gamma-Gamma spend model to repeat customers' mean spend; see <see cref="GammaGamma.Fit"/>.</summary>
    /// <param name="customers">One RFM summary per customer, with monetary values.</param>
    /// <returns>The fitted model.</returns>
    GammaGammaModel FitGammaGamma(ReadOnlySpan<RfmRecord> customers);

    /// <summary>
    /// Discounted CLV per customer from a purchase model and a spend model, with the registered
    /// <see cref="CustomerLifetimeValueOptions"/>; see
    /// <see cref="Lifetime.CustomerLifetimeValue.Calculate(IRepeatPurchaseModel, GammaGammaModel, ReadOnlySpan{RfmRecord}, Span{double}, CustomerLifetimeValueOptions?)"/>.
    /// </summary>
    /// <param name="model">The fitted purchase model.</param>
    /// <param name="spend">The fitted spend model.</param>
    /// <param name="customers">One RFM summary per customer.</param>
    /// <param name="destination">Receives one CLV per customer; as long as <paramref name="customers"/>.</param>
    void CustomerLifetimeValue(IRepeatPurchaseModel model, GammaGammaModel spend, ReadOnlySpan<RfmRecord> customers, Span<double> destination);
}
