namespace Engagement.Metrics.Statistics.Optimization;

/// <summary>What <see cref="MaximumLikelihood.FitPositive"/> found: estimates in the model's parameter order, log L and diagnostics.</summary>
internal sealed class MaximumLikelihoodFit(ParameterEstimate[] estimates, double logLikelihood, FitDiagnostics diagnostics)
{
    public ParameterEstimate[] Estimates { get; } = estimates;

    public double LogLikelihood { get; } = logLikelihood;

    public FitDiagnostics Diagnostics { get; } = diagnostics;
}
