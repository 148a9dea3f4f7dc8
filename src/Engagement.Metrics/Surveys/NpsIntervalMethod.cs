namespace Engagement.Metrics.Surveys;

/// <summary>How the confidence interval of a Net Promoter Score is built.</summary>
public enum NpsIntervalMethod
{
    /// <summary>
    /// Adjusted Wald (Rocks 2016, The American Statistician 70(4)): add 3 to n and 3/4 to promoters and to
    /// detractors, then take centre and variance from the adjusted shares. Better coverage for small samples
    /// and extreme scores; the default.
    /// </summary>
    AdjustedWald = 0,

    /// <summary>Plain Wald: the estimate ± z × the trinomial standard error.</summary>
    Wald = 1,
}
