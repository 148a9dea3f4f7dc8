using Engagement.Metrics.Lifetime;

namespace Engagement.Metrics.DependencyInjection;

internal sealed class LifetimeValueCalculator(LifetimeFitOptions fit, CustomerLifetimeValueOptions clv) : ILifetimeValueCalculator
{
    public BgNbdModel FitBgNbd(ReadOnlySpan<RfmRecord> customers) => BgNbd.Fit(customers, fit);

    public GammaGammaModel FitGammaGamma(ReadOnlySpan<RfmRecord> customers) => GammaGamma.Fit(customers, fit);

    public void CustomerLifetimeValue(IRepeatPurchaseModel model, GammaGammaModel spend, ReadOnlySpan<RfmRecord> customers, Span<double> destination) =>
        Lifetime.CustomerLifetimeValue.Calculate(model, spend, customers, destination, clv);
}
