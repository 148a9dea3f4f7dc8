namespace Engagement.Metrics.Statistics.Optimization;

/// <summary>
/// A smooth function to minimise, evaluated together with its analytic gradient (models compute both from the
/// same intermediate terms, so asking for them separately would double the work).
/// </summary>
internal interface IObjective
{
    /// <summary>The number of free parameters.</summary>
    int Dimension { get; }

    /// <summary>Returns f(x) and writes ∇f(x) into <paramref name="gradient"/>.</summary>
    /// <param name="x">The point, of length <see cref="Dimension"/>.</param>
    /// <param name="gradient">Receives the gradient, of length <see cref="Dimension"/>.</param>
    /// <returns>The value; may be non-finite where the function is undefined, which the line search treats as "step too far".</returns>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}
