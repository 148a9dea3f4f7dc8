using System.Runtime.InteropServices;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Conversations;

// Calendar periods and the trend built from per-period signals; shared by the exact and the streaming accumulators,
// which differ only in how they sum a period's conversations.
internal static class EngagementPeriods
{
    private static readonly string[] SignalNames = ["responseRate", "responseSpeed", "messageLength", "questions", "sentimentShift", "retention", "repeatInteraction"];

    public static void Check(EngagementPeriod period)
    {
        if (period is not (EngagementPeriod.Day or EngagementPeriod.Week or EngagementPeriod.Month or EngagementPeriod.Quarter))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Use Day, Week, Month or Quarter.");
        }
    }

    public static int Number(long ticks, EngagementPeriod period)
    {
        var day = DateOnly.FromDateTime(new DateTime(ticks, DateTimeKind.Utc));
        return period switch
        {
            EngagementPeriod.Day => day.DayNumber,
            EngagementPeriod.Week => (day.DayNumber - ((int)day.DayOfWeek + 6) % 7) / 7,
            EngagementPeriod.Month => (day.Year * 12) + day.Month - 1,
            _ => (day.Year * 4) + ((day.Month - 1) / 3),
        };
    }

    public static DateOnly Start(int number, EngagementPeriod period) => period switch
    {
        EngagementPeriod.Day => DateOnly.FromDayNumber(number),
        EngagementPeriod.Week => DateOnly.FromDayNumber(number * 7),
        EngagementPeriod.Month => new DateOnly(number / 12, (number % 12) + 1, 1),
        _ => new DateOnly(number / 4, ((number % 4) * 3) + 1, 1),
    };

    /// <summary>The scores of consecutive periods (ascending numbers) and the OLS slope of score on period number.</summary>
    public static (PeriodScore[] Scores, LinearTrendResult Slope) Scores(IReadOnlyList<(int Number, ConversationSignals Signals)> periods, EngagementPeriod period)
    {
        var scores = new PeriodScore[periods.Count];
        var x = new List<double>(periods.Count);
        var y = new List<double>(periods.Count);
        for (int k = 0; k < scores.Length; k++)
        {
            (int number, ConversationSignals signals) = periods[k];
            scores[k] = new PeriodScore(Start(number, period), signals.Conversations, signals.Score);
            if (signals.Score.Score is double score)
            {
                x.Add(number);
                y.Add(score);
            }
        }

        return (scores, LinearTrend.Fit(CollectionsMarshal.AsSpan(x), CollectionsMarshal.AsSpan(y)));
    }

    /// <summary>A customer's period scores, slope, and an alert for every fall between consecutive periods beyond the threshold.</summary>
    public static CustomerTrend Customer(string customerId, IReadOnlyList<(int Number, ConversationSignals Signals)> periods, EngagementPeriod period, EngagementScoreOptions options)
    {
        (PeriodScore[] scores, LinearTrendResult slope) = Scores(periods, period);
        var alerts = new List<DisengagementAlert>();
        for (int j = 1; j < scores.Length; j++)
        {
            if (scores[j - 1].Score.Score is double before && scores[j].Score.Score is double after && before - after > options.AlertThreshold)
            {
                alerts.Add(new DisengagementAlert(customerId, scores[j - 1].PeriodStart, scores[j].PeriodStart, before, after, FallingSignals(scores[j - 1].Score, scores[j].Score, options)));
            }
        }

        return new CustomerTrend(customerId, scores, slope, alerts);
    }

    private static string[] FallingSignals(EngagementScoreResult before, EngagementScoreResult after, EngagementScoreOptions o)
    {
        Span<(double Fall, int Index)> falls = stackalloc (double, int)[7];
        int n = 0;
        Consider(before.ResponseRate, after.ResponseRate, o.ResponseRateWeight, 0, falls, ref n);
        Consider(before.ResponseSpeed, after.ResponseSpeed, o.ResponseSpeedWeight, 1, falls, ref n);
        Consider(before.MessageLength, after.MessageLength, o.MessageLengthWeight, 2, falls, ref n);
        Consider(before.Questions, after.Questions, o.QuestionsWeight, 3, falls, ref n);
        Consider(before.SentimentShift, after.SentimentShift, o.SentimentShiftWeight, 4, falls, ref n);
        Consider(before.Retention, after.Retention, o.AbandonmentWeight, 5, falls, ref n);
        Consider(before.RepeatInteraction, after.RepeatInteraction, o.RepeatInteractionWeight, 6, falls, ref n);
        falls[..n].Sort(static (a, b) => a.Fall != b.Fall ? b.Fall.CompareTo(a.Fall) : a.Index.CompareTo(b.Index));
        var names = new string[n];
        for (int i = 0; i < n; i++)
        {
            names[i] = SignalNames[falls[i].Index];
        }

        return names;

        static void Consider(double? before, double? after, double weight, int index, Span<(double, int)> falls, ref int n)
        {
            if (before is double b && after is double a && a < b)
            {
                falls[n++] = ((b - a) * weight, index);
            }
        }
    }
}
