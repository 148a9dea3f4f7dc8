using System.Text.Json.Serialization;

namespace Engagement.Metrics.Retention;

/// <summary>A Kaplan–Meier survival curve: its steps, counts, confidence level and median lifetime.</summary>
public sealed class KaplanMeierCurve
{
    private readonly SurvivalPoint[] _points;

    /// <summary>Creates a curve (also the JSON constructor).</summary>
    /// <param name="points">The steps in increasing time.</param>
    /// <param name="count">The number of subjects.</param>
    /// <param name="confidenceLevel">The level of the bands.</param>
    public KaplanMeierCurve(IReadOnlyList<SurvivalPoint> points, long count, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = [.. points];
        Count = count;
        ConfidenceLevel = Internal.Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The steps, one per distinct time with an event or a censoring, in increasing time.</summary>
    public IReadOnlyList<SurvivalPoint> Points => _points;

    /// <summary>The number of subjects (customers).</summary>
    public long Count { get; }

    /// <summary>The level of the pointwise bands.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The number of events (churns) observed.</summary>
    [JsonIgnore]
    public long Events
    {
        get
        {
            long sum = 0;
            foreach (SurvivalPoint p in _points)
            {
                sum += p.Events;
            }

            return sum;
        }
    }

    /// <summary>
    /// The median lifetime: the first time at which Ŝ ≤ 0.5 (the convention of R's survival package and lifelines);
    /// <see langword="null"/> when the curve never falls to 0.5 (more than half the customers are still active).
    /// </summary>
    [JsonIgnore]
    public int? MedianSurvivalTime
    {
        get
        {
            foreach (SurvivalPoint p in _points)
            {
                if (p.Survival <= 0.5)
                {
                    return p.Time;
                }
            }

            return null;
        }
    }

    /// <summary>Ŝ(t), the step function: 1 before the first event, constant between steps.</summary>
    /// <param name="time">The time.</param>
    /// <returns>Ŝ(time).</returns>
    public double Survival(int time)
    {
        int lo = 0, hi = _points.Length - 1;
        double s = 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_points[mid].Time <= time)
            {
                s = _points[mid].Survival;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return s;
    }
}
