using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Retention;

/// <summary>One step of a Kaplan–Meier curve: a time with events or censoring, and the survival just after it.</summary>
public readonly struct SurvivalPoint : IEquatable<SurvivalPoint>
{
    /// <summary>Creates a point (also the JSON constructor).</summary>
    /// <param name="time">The time (days for customer records).</param>
    /// <param name="atRisk">n: subjects at risk just before <paramref name="time"/>.</param>
    /// <param name="events">d: events (churns) at <paramref name="time"/>.</param>
    /// <param name="censored">Subjects censored at <paramref name="time"/> (still active when observation stopped).</param>
    /// <param name="survival">Ŝ(time), in [0, 1].</param>
    /// <param name="standardError">Greenwood's standard error of Ŝ, or <see langword="null"/> once Ŝ = 0.</param>
    /// <param name="lower">The lower confidence bound, or <see langword="null"/> once Ŝ = 0.</param>
    /// <param name="upper">The upper confidence bound, or <see langword="null"/> once Ŝ = 0.</param>
    [JsonConstructor]
    public SurvivalPoint(int time, long atRisk, long events, long censored, double survival, double? standardError, double? lower, double? upper)
    {
        Time = time;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
        Survival = survival;
        StandardError = standardError;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The time (days for customer records).</summary>
    public int Time { get; }

    /// <summary>n: subjects at risk just before <see cref="Time"/>.</summary>
    public long AtRisk { get; }

    /// <summary>d: events at <see cref="Time"/>.</summary>
    public long Events { get; }

    /// <summary>Subjects censored at <see cref="Time"/>.</summary>
    public long Censored { get; }

    /// <summary>Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ).</summary>
    public double Survival { get; }

    /// <summary>Greenwood's standard error Ŝ(t)·√Σ dᵢ/(nᵢ(nᵢ − dᵢ)), or <see langword="null"/> once Ŝ = 0.</summary>
    public double? StandardError { get; }

    /// <summary>The lower bound of the pointwise log-log band, or <see langword="null"/> once Ŝ = 0.</summary>
    public double? Lower { get; }

    /// <summary>The upper bound of the pointwise log-log band, or <see langword="null"/> once Ŝ = 0.</summary>
    public double? Upper { get; }

    /// <inheritdoc />
    public bool Equals(SurvivalPoint other) =>
        Time == other.Time && AtRisk == other.AtRisk && Events == other.Events && Censored == other.Censored &&
        Survival.Equals(other.Survival) && Nullable.Equals(StandardError, other.StandardError) &&
        Nullable.Equals(Lower, other.Lower) && Nullable.Equals(Upper, other.Upper);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SurvivalPoint other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Time, AtRisk, Events, Censored, Survival, StandardError, Lower, Upper);

    /// <summary>Formats as <c>t=30 n=100 d=3 c=1 S=0.97</c>.</summary>
    /// <returns>The formatted point.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"t={Time} n={AtRisk} d={Events} c={Censored} S={Survival:G4}");

    /// <summary>Compares two points for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(SurvivalPoint left, SurvivalPoint right) => left.Equals(right);

    /// <summary>Compares two points for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(SurvivalPoint left, SurvivalPoint right) => !left.Equals(right);
}
