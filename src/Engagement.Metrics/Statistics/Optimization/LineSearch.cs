namespace Engagement.Metrics.Statistics.Optimization;

/// <summary>
/// A line search for step lengths satisfying the strong Wolfe conditions (Nocedal &amp; Wright, <i>Numerical
/// Optimization</i>, 2nd ed., algorithms 3.5 and 3.6, with safeguarded cubic interpolation in the zoom phase).
/// </summary>
/// <remarks>
/// Two departures from the textbook, both for likelihoods summed over thousands of customers: the sufficient-
/// decrease test tolerates a rise of a few ulps of φ(0) (as in Hager &amp; Zhang's approximate Wolfe conditions), because
/// near the optimum the true decrease is below the rounding error of φ and the gradient is then the only reliable
/// guide; and a non-finite φ (a parameter overflowed) counts as "too far", so the step shrinks instead of failing.
/// </remarks>
internal sealed class LineSearch
{
    private const double SufficientDecrease = 1e-4;
    private const double Curvature = 0.9;
    private const double RoundingTolerance = 1e-13;
    private const int MaxEvaluations = 40;

    private readonly IObjective _objective;
    private readonly double[] _origin;
    private readonly double[] _direction;
    private int _budget;

    public LineSearch(IObjective objective, double[] origin, double[] direction, double[] trial, double[] trialGradient)
    {
        _objective = objective;
        _origin = origin;
        _direction = direction;
        Trial = trial;
        TrialGradient = trialGradient;
    }

    /// <summary>The point of the last evaluation; after a successful search, the accepted point.</summary>
    public double[] Trial { get; }

    /// <summary>The gradient at <see cref="Trial"/>.</summary>
    public double[] TrialGradient { get; }

    /// <summary>The objective at <see cref="Trial"/>.</summary>
    public double TrialValue { get; private set; }

    /// <summary>The number of evaluations made by all searches so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Searches from the origin along the direction, starting with <paramref name="step"/>, within a budget of evaluations.</summary>
    /// <returns>Whether an acceptable step was found; if so it is in <see cref="Trial"/>.</returns>
    public bool Search(double value, double slope, double step)
    {
        var start = new Sample(0, value, slope);
        Sample previous = start;
        double tolerance = RoundingTolerance * Math.Abs(value);
        _budget = MaxEvaluations;
        for (int i = 0; _budget > 0; i++)
        {
            Sample current = Evaluate(step);
            if (!double.IsFinite(current.Value))
            {
                step = previous.Step + ((step - previous.Step) / 4);
                continue;
            }

            if (!IsSufficientDecrease(start, current, tolerance) || (i > 0 && current.Value >= previous.Value))
            {
                return Zoom(start, previous, current, tolerance);
            }

            if (Math.Abs(current.Slope) <= -Curvature * slope)
            {
                return true;
            }

            if (current.Slope >= 0)
            {
                return Zoom(start, current, previous, tolerance);
            }

            previous = current;
            step *= 2;
        }

        return false;
    }

    private bool Zoom(Sample start, Sample low, Sample high, double tolerance)
    {
        while (_budget > 0)
        {
            Sample current = Evaluate(Interpolate(low, high));
            if (!double.IsFinite(current.Value) || !IsSufficientDecrease(start, current, tolerance) || current.Value >= low.Value)
            {
                high = current;
                continue;
            }

            if (Math.Abs(current.Slope) <= -Curvature * start.Slope)
            {
                return true;
            }

            if (current.Slope * (high.Step - low.Step) >= 0)
            {
                high = low;
            }

            low = current;
            if (Math.Abs(high.Step - low.Step) <= 1e-16 * Math.Max(1, Math.Abs(low.Step)))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsSufficientDecrease(Sample start, Sample current, double tolerance) =>
        current.Value <= start.Value + (SufficientDecrease * current.Step * start.Slope) + tolerance;

    /// <summary>The minimiser of the cubic through both ends, kept inside the middle 80 % of the bracket (else bisection).</summary>
    private static double Interpolate(Sample low, Sample high)
    {
        double lo = Math.Min(low.Step, high.Step);
        double hi = Math.Max(low.Step, high.Step);
        double margin = 0.1 * (hi - lo);
        if (double.IsFinite(high.Value))
        {
            double d1 = low.Slope + high.Slope - (3 * (low.Value - high.Value) / (low.Step - high.Step));
            double radicand = (d1 * d1) - (low.Slope * high.Slope);
            if (radicand >= 0)
            {
                double d2 = Math.Sign(high.Step - low.Step) * Math.Sqrt(radicand);
                double step = high.Step - ((high.Step - low.Step) * (high.Slope + d2 - d1) / (high.Slope - low.Slope + (2 * d2)));
                if (step >= lo + margin && step <= hi - margin)
                {
                    return step;
                }
            }
        }

        return (low.Step + high.Step) / 2;
    }

    private Sample Evaluate(double step)
    {
        for (int i = 0; i < Trial.Length; i++)
        {
            Trial[i] = _origin[i] + (step * _direction[i]);
        }

        Evaluations++;
        _budget--;
        TrialValue = _objective.Evaluate(Trial, TrialGradient);
        double slope = 0;
        for (int i = 0; i < Trial.Length; i++)
        {
            slope += TrialGradient[i] * _direction[i];
        }

        return new Sample(step, double.IsFinite(slope) ? TrialValue : double.NaN, slope);
    }

    private readonly record struct Sample(double Step, double Value, double Slope);
}
