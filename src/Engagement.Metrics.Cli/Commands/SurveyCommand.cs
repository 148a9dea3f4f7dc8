using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Commands;

/// <summary><c>survey nps|csat|ces</c>: survey KPIs from a file of scores, overall and by segment or period.</summary>
internal static class SurveyCommand
{
    public static Command Create(CliConsole console)
    {
        var survey = new Command("survey", "Survey KPIs: Net Promoter Score, customer satisfaction, customer effort.");
        survey.Subcommands.Add(Nps(console));
        survey.Subcommands.Add(Csat(console));
        survey.Subcommands.Add(Ces(console));
        return survey;
    }

    private static Command Nps(CliConsole console)
    {
        var command = new Command("nps", "Net Promoter Score (0–10): % promoters (9–10) − % detractors (0–6), with an adjusted-Wald interval.");
        var options = new SurveyOptions(command);
        var interval = new Option<string>("--interval") { Description = "Interval method.", DefaultValueFactory = _ => "adjusted-wald" };
        interval.AcceptOnlyFromAmong("adjusted-wald", "wald");
        command.Options.Add(interval);
        command.SetAction(parsed =>
        {
            CommonSettings common = options.Common.Read(parsed);
            NpsOptions nps = LibraryOptions(() => new NpsOptions
            {
                ConfidenceLevel = common.Confidence,
                IntervalMethod = parsed.GetValue(interval) == "wald" ? NpsIntervalMethod.Wald : NpsIntervalMethod.AdjustedWald,
            }.Validate());
            return SurveyReport.Run("nps", common, options.Read(parsed), new NpsAccumulator(nps), a => Describe(a.ToResult()), console);
        });
        return command;
    }

    private static Command Csat(CliConsole console)
    {
        var command = new Command("csat", "Customer satisfaction: % satisfied (top-2-box on 1–5 by default), mean score and distribution.");
        var options = new SurveyOptions(command);
        command.SetAction(parsed =>
        {
            CommonSettings common = options.Common.Read(parsed);
            (int min, int max) = options.Scale(parsed) ?? (1, 5);
            CsatOptions csat = LibraryOptions(() => new CsatOptions
            {
                Minimum = min,
                Maximum = max,
                SatisfiedThreshold = options.Threshold(parsed) ?? (max == 5 ? 4 : max - 1),
                ConfidenceLevel = common.Confidence,
            }.Validate());
            return SurveyReport.Run("csat", common, options.Read(parsed), new CsatAccumulator(csat), a => Describe(a.ToResult()), console);
        });
        return command;
    }

    private static Command Ces(CliConsole console)
    {
        var command = new Command("ces", "Customer effort score: mean on the 1–7 agreement scale (higher is easier) with a t interval, and % easy (5–7).");
        var options = new SurveyOptions(command);
        var lowerIsEasier = new Option<bool>("--lower-is-easier") { Description = "The legacy 1–5 effort scale, where low scores mean low effort (easy band: scores <= --threshold, default 2)." };
        command.Options.Add(lowerIsEasier);
        command.SetAction(parsed =>
        {
            CommonSettings common = options.Common.Read(parsed);
            bool legacy = parsed.GetValue(lowerIsEasier);
            (int min, int max) = options.Scale(parsed) ?? (legacy ? (1, 5) : (1, 7));
            CesOptions ces = LibraryOptions(() => new CesOptions
            {
                Minimum = min,
                Maximum = max,
                LowerIsEasier = legacy,
                EasyThreshold = options.Threshold(parsed) ?? (legacy ? min + 1 : max - 2),
                ConfidenceLevel = common.Confidence,
            }.Validate());
            return SurveyReport.Run("ces", common, options.Read(parsed), new CesAccumulator(ces), a => Describe(a.ToResult()), console);
        });
        return command;
    }

    private static JsonObject Describe(NpsResult r) => new()
    {
        ["count"] = r.Count,
        ["score"] = r.Score,
        ["standardError"] = r.StandardError,
        ["confidenceInterval"] = Describe(r.ConfidenceInterval),
        ["promoters"] = r.Promoters,
        ["passives"] = r.Passives,
        ["detractors"] = r.Detractors,
        ["intervalMethod"] = r.IntervalMethod == NpsIntervalMethod.Wald ? "wald" : "adjusted-wald",
    };

    private static JsonObject Describe(CsatResult r) => new()
    {
        ["count"] = r.Count,
        ["score"] = r.Score,
        ["standardError"] = r.StandardError,
        ["confidenceInterval"] = Describe(r.ConfidenceInterval),
        ["mean"] = r.Mean,
        ["meanConfidenceInterval"] = Describe(r.MeanConfidenceInterval),
        ["satisfiedThreshold"] = r.SatisfiedThreshold,
        ["distribution"] = Describe(r.Distribution),
    };

    private static JsonObject Describe(CesResult r) => new()
    {
        ["count"] = r.Count,
        ["score"] = r.Score,
        ["standardError"] = r.StandardError,
        ["confidenceInterval"] = Describe(r.ConfidenceInterval),
        ["easyShare"] = r.EasyShare,
        ["easyShareConfidenceInterval"] = Describe(r.EasyShareConfidenceInterval),
        ["distribution"] = Describe(r.Distribution),
    };

    internal static JsonObject? Describe(Interval? interval) => interval is { } i
        ? new JsonObject { ["level"] = i.Level, ["lower"] = i.Lower, ["upper"] = i.Upper }
        : null;

    private static JsonObject Describe(ScoreDistribution distribution)
    {
        var counts = new JsonObject();
        for (int k = 0; k < distribution.WeightTotals.Length; k++)
        {
            counts[(distribution.Minimum + k).ToString(CultureInfo.InvariantCulture)] = distribution.WeightTotals[k];
        }

        return counts;
    }

    // Options built from flags are validated by the library; its message names every broken rule.
    private static T LibraryOptions<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
