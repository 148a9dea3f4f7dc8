using Engagement.Metrics.Retention;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>
/// Churn, survival and retention-model KPIs with the registered options: the injectable face of <see cref="Churn"/>,
/// <see cref="KaplanMeier"/> and <see cref="ShiftedBetaGeometric"/>.
/// </summary>
/// <remarks>Implementations are thread-safe singletons; every method gives the same result as the static calculator with the same options.</remarks>
public interface IRetentionCalculator
{
    /// <summary>The churn rate over [<paramref name="periodStart"/>, <paramref name="periodEnd"/>); see <see cref="Churn.Calculate"/>.</summary>
    /// <param name="customers">The customers.</param>
    /// <param name="periodStart">The first day of the period.</param>
    /// <param name="periodEnd">The day after the last day of the period.</param>
    /// <param name="method">The churn definition.</param>
    /// <returns>The rate, counts and interval.</returns>
    ChurnResult Churn(ReadOnlySpan<CustomerRecord> customers, DateOnly periodStart, DateOnly periodEnd, ChurnMethod method = ChurnMethod.Simple);

    /// <summary>The Kaplan–Meier survival curve as of a date; see <see cref="KaplanMeier.Estimate(ReadOnlySpan{CustomerRecord}, DateOnly, SurvivalOptions?)"/>.</summary>
    /// <param name="customers">The customers.</param>
    /// <param name="asOf">The censoring date: customers still active then are censored.</param>
    /// <returns>The curve with its confidence band.</returns>
    KaplanMeierCurve Survival(ReadOnlySpan<CustomerRecord> customers, DateOnly asOf);

    /// <summary>Fits the shifted-beta-geometric model to survivor counts; see <see cref="ShiftedBetaGeometric.Fit"/>.</summary>
    /// <param name="survivors">Customers still active at the start of each period, starting with the cohort size.</param>
    /// <returns>The fitted model.</returns>
    SbgModel FitShiftedBetaGeometric(ReadOnlySpan<long> survivors);
}
