using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Listening;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>
/// Listening (docs/metrics/listening.md): the top themes of brand mentions with their sentiment, the themes trending
/// in the last seven days against everything before (Dunning's G²), and the top contributors. Share of voice needs
/// the brand and competitor names, which a folder does not carry: run <c>listen --brand … --competitor …</c> for it.
/// </summary>
internal sealed class ListeningSection : IReportSection
{
    private const int Top = 15;
    private static readonly TimeSpan RecentPeriod = TimeSpan.FromDays(7);

    public string Id => "listening";

    public string Title => "Listening: themes, trending themes and contributors";

    public string Requires => "mentions.csv (mention_id, published_at, text, optional author, channel, reach)";

    public bool CanRun(ReportInputs inputs) => inputs.Has("mentions.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        List<Mention> mentions = Read(inputs);
        var result = new ReportSectionResult();
        if (mentions.Count == 0)
        {
            result.Notes.Add("mentions.csv has no rows.");
            return result;
        }

        DateTimeOffset cut = mentions.Max(m => m.PublishedAt) - RecentPeriod;
        var scorer = new LexiconSentimentScorer();
        var all = new TermCountAccumulator();
        var baseline = new TermCountAccumulator();
        var recent = new TermCountAccumulator();
        var contributors = new ContributorAccumulator();
        foreach (Mention mention in mentions)
        {
            double compound = scorer.Score(mention.Text).Compound;
            all.Add(mention.Text, compound);
            (mention.PublishedAt > cut ? recent : baseline).Add(mention.Text, compound);
            contributors.Add(mention);
        }

        IReadOnlyList<TermCount> themes = all.Top(Top);
        IReadOnlyList<TrendingTerm> trending = TrendingThemes.Detect(baseline, recent);
        ContributorRanking ranking = contributors.Top(10);
        result.Data["mentions"] = mentions.Count;
        result.Data["recentFrom"] = cut.ToString("O", CultureInfo.InvariantCulture);
        result.Data["themes"] = new JsonArray([.. themes.Select(t => (JsonNode)ListenCommand.Describe(t))]);
        result.Data["trending"] = new JsonArray([.. trending.Take(Top).Select(t => (JsonNode)ListenCommand.Describe(t))]);
        result.Data["topContributors"] = new JsonArray([.. ranking.ByMentions.Select(c => (JsonNode)ListenCommand.Describe(c))]);
        result.Tables.Add(new OutputDocument("Top themes (1–3-word terms, stop words removed)", [], [.. themes.Select(ListenCommand.Describe)]));
        if (trending.Count > 0)
        {
            result.Tables.Add(new OutputDocument("Themes trending in the last 7 days (Dunning G² ≥ 10.83 against the earlier mentions)", [], [.. trending.Take(Top).Select(ListenCommand.Describe)]));
        }
        else
        {
            result.Notes.Add("no theme rose significantly in the last 7 days (Dunning G² ≥ 10.83, at least 5 mentions) against the earlier mentions.");
        }

        result.Tables.Add(new OutputDocument("Top contributors by mentions", [], [.. ranking.ByMentions.Select(ListenCommand.Describe)]));
        result.Charts.Add(new ReportChart("themes", "Top themes: mentions containing each term",
            ChartJs.Bars([.. themes.Select(t => t.Term)], "mentions", ("mentions", [.. themes.Select(t => (double?)t.Mentions)], ChartJs.Palette[0]))));
        result.Notes.Add("share of voice needs brand and competitor names: run `listen --brand NAME --competitor NAME`.");
        return result;
    }

    private static List<Mention> Read(ReportInputs inputs)
    {
        var mentions = new List<Mention>();
        using TabularInput input = TabularInput.Open(inputs.Find("mentions.csv")!, inputs.Console.In);
        foreach (string column in ListenCommand.RequiredColumns)
        {
            input.RequireColumn(column);
        }

        foreach (InputRow row in input.ReadRows())
        {
            Mention mention = ListenCommand.ReadMention(row);
            try
            {
                mention.Validate();
            }
            catch (ArgumentException e)
            {
                throw row.Error(e.ParamName is { } field ? ListenCommand.Column(field) : "text", SurveyReport.LibraryMessage(e));
            }

            mentions.Add(mention);
        }

        return mentions;
    }
}
