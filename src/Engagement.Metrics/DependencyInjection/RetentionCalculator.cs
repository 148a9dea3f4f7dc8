using Engagement.Metrics.Retention;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.DependencyInjection;

internal sealed class RetentionCalculator(SurvivalOptions survival, FitOptions fit) : IRetentionCalculator
{
    public ChurnResult Churn(ReadOnlySpan<CustomerRecord> customers, DateOnly periodStart, DateOnly periodEnd, ChurnMethod method = ChurnMethod.Simple) =>
        Retention.Churn.Calculate(customers, periodStart, periodEnd, method);

    public KaplanMeierCurve Survival(ReadOnlySpan<CustomerRecord> customers, DateOnly asOf) => KaplanMeier.Estimate(customers, asOf, survival);

    public SbgModel FitShiftedBetaGeometric(ReadOnlySpan<long> survivors) => ShiftedBetaGeometric.Fit(survivors, fit);
}
