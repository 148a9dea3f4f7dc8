using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.DependencyInjection;

internal sealed class SurveyCalculator(NpsOptions nps, CsatOptions csat, CesOptions ces) : ISurveyCalculator
{
    public NpsResult Nps(ReadOnlySpan<int> scores) => NetPromoterScore.Calculate(scores, nps);

    public NpsResult Nps(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights) => NetPromoterScore.Calculate(scores, weights, nps);

    public CsatResult Csat(ReadOnlySpan<int> scores) => CustomerSatisfaction.Calculate(scores, csat);

    public CesResult Ces(ReadOnlySpan<int> scores) => CustomerEffortScore.Calculate(scores, ces);

    public NpsAccumulator CreateNpsAccumulator() => new(nps);

    public CsatAccumulator CreateCsatAccumulator() => new(csat);

    public CesAccumulator CreateCesAccumulator() => new(ces);
}
