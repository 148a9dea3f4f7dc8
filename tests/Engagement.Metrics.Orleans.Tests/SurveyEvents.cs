using System.Collections.Immutable;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Orleans.Tests;

/// <summary>Seeded synthetic survey events and the single-process reference they must reproduce.</summary>
internal static class SurveyEvents
{
    public static readonly string[] Segments = ["chat", "voice", "email|web"];

    /// <summary>Unweighted or small-integer-weighted responses: their sums are exact in binary floating point, so any merge order gives bit-identical totals.</summary>
    public static MetricEvent<SurveyResponse>[] Generate(int seed, int count, DateOnly firstDay, int days, int minScore, int maxScore, bool weighted)
    {
        var random = new Random(seed);
        var events = new MetricEvent<SurveyResponse>[count];
        for (int i = 0; i < count; i++)
        {
            string segment = Segments[random.Next(Segments.Length)];
            DateOnly day = firstDay.AddDays(random.Next(days));
            int score = random.Next(minScore, maxScore + 1);
            double weight = weighted ? random.Next(0, 4) : 1;
            events[i] = new MetricEvent<SurveyResponse>(segment, day, new SurveyResponse(score, weight));
        }

        return events;
    }

    /// <summary>Cuts events into batches of random sizes (1..maxSize), each with a fresh id.</summary>
    public static List<MetricBatch<TValue>> Batches<TValue>(MetricEvent<TValue>[] events, string tenant, string metric, int seed, int maxSize)
    {
        var random = new Random(seed);
        var batches = new List<MetricBatch<TValue>>();
        for (int start = 0; start < events.Length;)
        {
            int size = Math.Min(random.Next(1, maxSize + 1), events.Length - start);
            batches.Add(new MetricBatch<TValue>(
                new Guid(random.Next(), (short)random.Next(), (short)random.Next(), new byte[] { 1, 2, 3, 4, 5, 6, 7, (byte)random.Next(256) }),
                tenant,
                metric,
                ImmutableArray.Create(events, start, size)));
            start += size;
        }

        return batches;
    }

    /// <summary>One accumulator fed, in order, every event of the segments and window: what a single machine computes.</summary>
    public static TAccumulator Reference<TAccumulator>(TAccumulator empty, IEnumerable<MetricEvent<SurveyResponse>> events, IReadOnlyCollection<string> segments, MetricWindow window)
        where TAccumulator : IScoreAccumulator<TAccumulator>
    {
        foreach (MetricEvent<SurveyResponse> e in events)
        {
            if (window.Contains(e.Date) && segments.Contains(e.Segment))
            {
                empty.Add(e.Value.Score, e.Value.Weight);
            }
        }

        return empty;
    }

    /// <summary>Every day, ISO week and month touched by [firstDay, firstDay + days).</summary>
    public static IEnumerable<MetricWindow> Windows(DateOnly firstDay, int days)
    {
        var windows = new HashSet<MetricWindow>();
        for (int d = 0; d < days; d++)
        {
            DateOnly day = firstDay.AddDays(d);
            windows.Add(MetricWindow.Day(day));
            windows.Add(MetricWindow.WeekOf(day));
            windows.Add(MetricWindow.MonthOf(day));
        }

        return windows;
    }
}
