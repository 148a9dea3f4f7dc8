namespace Engagement.Metrics.Retention;

/// <summary>The two-group log-rank test (see <see cref="LogRankResult"/> for the formulas).</summary>
public static class LogRank
{
    /// <summary>Compares the survival of two groups given as durations with event flags.</summary>
    /// <param name="durationsA">Group A's times, ≥ 0.</param>
    /// <param name="observedA">Group A's event flags (false = censored).</param>
    /// <param name="durationsB">Group B's times, ≥ 0.</param>
    /// <param name="observedB">Group B's event flags.</param>
    /// <returns>The test; with no events, V = 0 and the statistic is <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">A group's spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative.</exception>
    public static LogRankResult Test(ReadOnlySpan<int> durationsA, ReadOnlySpan<bool> observedA, ReadOnlySpan<int> durationsB, ReadOnlySpan<bool> observedB)
    {
        SurvivalTimes.Validate(durationsA, observedA, nameof(durationsA), nameof(observedA));
        SurvivalTimes.Validate(durationsB, observedB, nameof(durationsB), nameof(observedB));
        long[] a = SurvivalTimes.SortedKeys(durationsA, observedA);
        long[] b = SurvivalTimes.SortedKeys(durationsB, observedB);
        long atRiskA = a.Length, atRiskB = b.Length, observedEventsA = 0, observedEventsB = 0;
        double expectedA = 0, expectedB = 0, variance = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            int time = Math.Min(i < a.Length ? (int)(a[i] >> 1) : int.MaxValue, j < b.Length ? (int)(b[j] >> 1) : int.MaxValue);
            (int eventsA, int censoredA) = i < a.Length && (int)(a[i] >> 1) == time ? Rest(SurvivalTimes.NextTime(a, ref i)) : (0, 0);
            (int eventsB, int censoredB) = j < b.Length && (int)(b[j] >> 1) == time ? Rest(SurvivalTimes.NextTime(b, ref j)) : (0, 0);
            double n = atRiskA + atRiskB;
            double d = eventsA + eventsB;
            if (d > 0)
            {
                expectedA += d * atRiskA / n;
                expectedB += d * atRiskB / n;
                if (n > 1)
                {
                    variance += d * (atRiskA / n) * (atRiskB / n) * (n - d) / (n - 1);
                }
            }

            observedEventsA += eventsA;
            observedEventsB += eventsB;
            atRiskA -= eventsA + censoredA;
            atRiskB -= eventsB + censoredB;
        }

        return new LogRankResult(observedEventsA, expectedA, observedEventsB, expectedB, variance);
    }

    private static (int Events, int Censored) Rest((int Time, int Events, int Censored) run) => (run.Events, run.Censored);
}
