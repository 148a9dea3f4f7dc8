using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// How an optimiser run behind a model fit went: iterations, objective evaluations, the final gradient size and
/// whether it converged. Models carry it so that a fit that did not converge says so instead of returning
/// silent garbage.
/// </summary>
/// <remarks>
/// The optimiser is BFGS with a strong-Wolfe line search (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed.,
/// algorithms 6.1, 3.5 and 3.6) on the models' analytic gradients; <see cref="GradientNorm"/> is the largest absolute
/// gradient component at the returned point, in the optimiser's (usually log) parameterisation.
/// </remarks>
public readonly struct FitDiagnostics : IEquatable<FitDiagnostics>
{
    /// <summary>Creates diagnostics, for example after JSON deserialization.</summary>
    /// <param name="status">How the run ended.</param>
    /// <param name="iterations">The number of BFGS iterations, ≥ 0.</param>
    /// <param name="evaluations">The number of objective-and-gradient evaluations, ≥ 0.</param>
    /// <param name="gradientNorm">The largest absolute gradient component at the returned point, or <see langword="null"/> when the gradient was not finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    [JsonConstructor]
    public FitDiagnostics(FitStatus status, int iterations, int evaluations, double? gradientNorm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        ArgumentOutOfRangeException.ThrowIfNegative(evaluations);
        Status = status;
        Iterations = iterations;
        Evaluations = evaluations;
        GradientNorm = gradientNorm;
    }

    /// <summary>How the run ended.</summary>
    public FitStatus Status { get; }

    /// <summary>Whether the optimiser reached its gradient tolerance (<see cref="FitStatus.Converged"/>).</summary>
    [JsonIgnore]
    public bool Converged => Status == FitStatus.Converged;

    /// <summary>The number of BFGS iterations.</summary>
    public int Iterations { get; }

    /// <summary>The number of objective-and-gradient evaluations, line searches included.</summary>
    public int Evaluations { get; }

    /// <summary>The largest absolute gradient component at the returned point (∞-norm), or <see langword="null"/> when the gradient was not finite.</summary>
    public double? GradientNorm { get; }

    /// <inheritdoc />
    public bool Equals(FitDiagnostics other) =>
        Status == other.Status && Iterations == other.Iterations && Evaluations == other.Evaluations &&
        Nullable.Equals(GradientNorm, other.GradientNorm);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FitDiagnostics other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, Iterations, Evaluations, GradientNorm);

    /// <summary>Formats as <c>Converged after 12 iterations (15 evaluations), |g| = 3.1E-07</c>.</summary>
    /// <returns>The formatted diagnostics.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Status} after {Iterations} iterations ({Evaluations} evaluations), |g| = {GradientNorm:G2}");

    /// <summary>Compares two diagnostics for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(FitDiagnostics left, FitDiagnostics right) => left.Equals(right);

    /// <summary>Compares two diagnostics for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(FitDiagnostics left, FitDiagnostics right) => !left.Equals(right);
}
