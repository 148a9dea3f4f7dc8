namespace Engagement.Metrics.Statistics;

/// <summary>How a maximum-likelihood fit ended.</summary>
public enum FitStatus
{
    /// <summary>The gradient fell below the tolerance: the parameters are a (local) optimum.</summary>
    Converged,

    /// <summary>The iteration limit was reached first; the parameters are the best found, not an optimum.</summary>
    IterationLimit,

    /// <summary>No step along the search direction decreased the objective before the gradient was small: the data may not identify the parameters.</summary>
    LineSearchFailed,

    /// <summary>The objective or its gradient was not finite at the starting point.</summary>
    NonFiniteStart,
}
