using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Listening;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>listen</c>: mention volume and share of voice (brand against competitors, overall and by channel or period),
/// the top themes with their sentiment, trending themes against a baseline period (Dunning's G²), and the top
/// contributors, from a file of mentions.
/// </summary>
internal static class ListenCommand
{
    internal static readonly string[] RequiredColumns = ["mention_id", "published_at", "text"];

    public static Command Create(CliConsole console)
    {
        var command = new Command("listen", "Social listening: mention volume and share of voice, top themes (1-3 word n-grams) with sentiment, trending themes against a baseline period, top contributors.");
        var common = new CommonOptions();
        common.AddTo(command);
        var brand = new Option<string?>("--brand") { Description = "The own brand: NAME[,alias...] (matched at word boundaries, ignoring case and accents)." };
        var competitor = new Option<string[]>("--competitor") { Description = "A competitor: NAME[,alias...]; repeat for each competitor.", AllowMultipleArgumentsPerToken = false };
        var baselineUntil = new Option<string?>("--baseline-until") { Description = "Trending: mentions before this date are the baseline, the rest the current period." };
        var baselineFrom = new Option<string?>("--baseline-from") { Description = "Trending: start of the baseline period (with --baseline-to)." };
        var baselineTo = new Option<string?>("--baseline-to") { Description = "Trending: end (exclusive) of the baseline period; the current period starts here." };
        var top = new Option<int>("--top") { Description = "How many themes, trending themes and contributors to list.", DefaultValueFactory = _ => 10 };
        var ngram = new Option<int>("--ngram") { Description = "Longest theme in words (1-3).", DefaultValueFactory = _ => 3 };
        var language = new Option<string>("--language") { Description = "Stop words and sentiment language.", DefaultValueFactory = _ => "auto" };
        language.AcceptOnlyFromAmong("en", "es", "auto");
        var view = new Option<string>("--view") { Description = "What table, CSV and JSON Lines output list (JSON always has every section).", DefaultValueFactory = _ => "voice" };
        view.AcceptOnlyFromAmong("voice", "themes", "trending", "contributors");
        var threshold = new Option<double>("--threshold") { Description = "Trending: smallest G2 reported (10.83 = p < 0.001).", DefaultValueFactory = _ => TrendingOptions.Default.Threshold };
        foreach (Option option in new Option[] { brand, competitor, baselineUntil, baselineFrom, baselineTo, top, ngram, language, view, threshold })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            int topN = parsed.GetValue(top);
            int maxWords = parsed.GetValue(ngram);
            if (topN < 1 || maxWords is < 1 or > 3)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--top is {topN} and --ngram is {maxWords}; use --top >= 1 and --ngram 1, 2 or 3."));
            }

            SentimentLanguage lang = parsed.GetValue(language) switch { "en" => SentimentLanguage.English, "es" => SentimentLanguage.Spanish, _ => SentimentLanguage.Auto };
            var themes = new ThemeOptions { Language = lang, MaxWords = maxWords };
            ShareOfVoiceOptions voice = Brands(parsed.GetValue(brand), parsed.GetValue(competitor) ?? [], settings.Confidence);
            (DateTimeOffset From, DateTimeOffset To)? baseline = Baseline(Date(parsed.GetValue(baselineUntil), "--baseline-until"), Date(parsed.GetValue(baselineFrom), "--baseline-from"), Date(parsed.GetValue(baselineTo), "--baseline-to"));
            var trending = new TrendingOptions { Threshold = parsed.GetValue(threshold) };
            try
            {
                trending.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(SurveyReport.LibraryMessage(e));
            }

            using TabularInput input = TabularInput.Open(settings.Input, console.In);
            foreach (string column in RequiredColumns)
            {
                input.RequireColumn(column);
            }

            var scorer = new LexiconSentimentScorer(new SentimentOptions { Language = lang });
            Totals totals = Accumulate(input, settings, voice, themes, baseline, scorer, console);
            OutputOptions.Write(Document(totals, settings, parsed.GetValue(view)!, topN, trending), settings.Format, settings.Output, console);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static Mention ReadMention(InputRow row) => new()
    {
        MentionId = row.RequireText("mention_id"),
        Author = row["author"]?.Trim() ?? string.Empty,
        Channel = row["channel"]?.Trim() ?? string.Empty,
        PublishedAt = row.RequireTimestamp("published_at"),
        Text = row["text"] ?? string.Empty,
        Reach = row.OptionalLong("reach"),
    };

    private sealed class Totals(ShareOfVoiceOptions voice, ThemeOptions themes)
    {
        public ShareOfVoiceAccumulator Voice { get; } = new(voice);

        public SegmentedAccumulator<string, ShareOfVoiceAccumulator> Groups { get; } = new(new ShareOfVoiceAccumulator(voice), StringComparer.Ordinal);

        public TermCountAccumulator Themes { get; } = new(themes);

        public TermCountAccumulator Baseline { get; } = new(themes);

        public TermCountAccumulator Current { get; } = new(themes);

        public ContributorAccumulator Contributors { get; } = new();

        public bool HasBaseline { get; init; }

        public int Skipped { get; set; }
    }

    private static Totals Accumulate(TabularInput input, CommonSettings common, ShareOfVoiceOptions voice, ThemeOptions themes, (DateTimeOffset From, DateTimeOffset To)? baseline, LexiconSentimentScorer scorer, CliConsole console)
    {
        if (common.By is { } by)
        {
            input.RequireColumn(by);
        }

        string? dateColumn = common.Period is null ? null : SurveyReport.DateColumn(input, common.DateColumn ?? SocialReport.DefaultDateColumn);
        var totals = new Totals(voice, themes) { HasBaseline = baseline is not null };
        var skipped = new SurveyReport.SkippedRows();
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                Mention mention = ReadMention(row);
                try
                {
                    mention.Validate();
                }
                catch (ArgumentException e)
                {
                    throw row.Error(e.ParamName is { } field ? Column(field) : "text", SurveyReport.LibraryMessage(e));
                }

                string? segment = common.By is { } column ? row.RequireText(column) : null;
                string? period = common.Period is { } p ? p.Label(dateColumn is null or SocialReport.DefaultDateColumn ? mention.PublishedAt : row.RequireTimestamp(dateColumn)) : null;
                double compound = scorer.Score(mention.Text).Compound;
                totals.Voice.Add(mention.Text);
                totals.Themes.Add(mention.Text, compound);
                totals.Contributors.Add(mention);
                if (baseline is { } b && mention.PublishedAt >= b.From)
                {
                    (mention.PublishedAt < b.To ? totals.Baseline : totals.Current).Add(mention.Text, compound);
                }

                if (SocialReport.Key(segment, period) is { } key)
                {
                    totals.Groups.Segment(key).Add(mention.Text);
                }
            }
            catch (InputDataException e) when (common.SkipInvalid)
            {
                skipped.Add(e.Message);
            }
        }

        if (skipped.Count > 0)
        {
            console.Error.WriteLine($"warning: skipped {skipped.Count} invalid row(s); first: {skipped.First}");
        }

        totals.Skipped = skipped.Count;
        return totals;
    }

    internal static string Column(string field) => field switch
    {
        "MentionId" => "mention_id",
        "PublishedAt" => "published_at",
        _ => field.ToLowerInvariant(),
    };

    private static ShareOfVoiceOptions Brands(string? brand, string[] competitors, double confidence)
    {
        var options = new ShareOfVoiceOptions
        {
            Brand = brand is null ? null : Parse(brand, "--brand"),
            Competitors = competitors.Select(c => Parse(c, "--competitor")).ToArray(),
            ConfidenceLevel = confidence,
        };
        try
        {
            return options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(SurveyReport.LibraryMessage(e));
        }

        static BrandDefinition Parse(string value, string option)
        {
            string[] parts = value.Split(',', StringSplitOptions.TrimEntries);
            if (parts[0].Length == 0 || parts.Any(p => p.Length == 0))
            {
                throw new UsageException($"{option} '{value}' has an empty name; give NAME[,alias...], for example {option} \"Acme,acmebank\".");
            }

            return new BrandDefinition(parts[0], parts[1..]);
        }
    }

    // Dates without an offset are UTC, like the published_at column, whatever the machine's time zone.
    private static DateTimeOffset? Date(string? text, string option) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value) ? value
        : throw new UsageException($"{option} '{text}' is not a date; use ISO 8601, for example 2026-03-02 or 2026-03-02T00:00:00Z.");

    private static (DateTimeOffset, DateTimeOffset)? Baseline(DateTimeOffset? until, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (until is not null && (from is not null || to is not null))
        {
            throw new UsageException("use either --baseline-until or --baseline-from/--baseline-to, not both.");
        }

        if (until is { } u)
        {
            return (DateTimeOffset.MinValue, u);
        }

        if (from is null && to is null)
        {
            return null;
        }

        if (from is not { } f || to is not { } t || t <= f)
        {
            throw new UsageException("--baseline-from and --baseline-to go together, with --baseline-from before --baseline-to.");
        }

        return (f, t);
    }

    private static OutputDocument Document(Totals totals, CommonSettings settings, string view, int top, TrendingOptions trendingOptions)
    {
        JsonObject overall = Describe(totals.Voice.ToResult());
        var document = new JsonObject { ["metric"] = "listen" };
        SocialReport.Hoist(document, (JsonObject)overall.DeepClone());
        var voiceRows = new List<JsonObject>();
        if (settings.By is not null || settings.Period is not null)
        {
            var groups = new List<JsonObject>();
            foreach (string key in totals.Groups.Groups.Keys.Order(StringComparer.Ordinal))
            {
                ShareOfVoiceResult r = totals.Groups.Groups[key].ToResult();
                groups.Add(SurveyReport.Keyed(key, Describe(r)));
                voiceRows.AddRange(VoiceRows(key, r));
            }

            document["groups"] = SocialReport.Array(groups);
        }

        voiceRows.AddRange(VoiceRows("overall", totals.Voice.ToResult()));

        var themeRows = totals.Themes.Top(top).Select(Describe).ToList();
        document["themes"] = SocialReport.Array(themeRows);

        List<JsonObject>? trendRows = null;
        if (totals.HasBaseline)
        {
            trendRows = TrendingThemes.Detect(totals.Baseline, totals.Current, trendingOptions).Take(top).Select(Describe).ToList();
            document["baselineMentions"] = totals.Baseline.Count;
            document["currentMentions"] = totals.Current.Count;
            document["trending"] = SocialReport.Array(trendRows);
        }
        else
        {
            document["trending"] = null;
        }

        ContributorRanking ranking = totals.Contributors.Top(top);
        document["authors"] = ranking.Authors;
        document["contributors"] = new JsonObject
        {
            ["byMentions"] = SocialReport.Array(ranking.ByMentions.Select(Describe)),
            ["byReach"] = SocialReport.Array(ranking.ByReach.Select(Describe)),
        };
        if (settings.SkipInvalid)
        {
            document["skippedRows"] = totals.Skipped;
        }

        (string title, List<JsonObject> rows) = view switch
        {
            "themes" => ("Top themes", themeRows),
            "trending" => ("Trending themes (Dunning G2 against the baseline)", trendRows ?? throw new UsageException("--view trending needs a baseline: --baseline-until DATE or --baseline-from/--baseline-to.")),
            "contributors" => ("Top contributors", ContributorRows(ranking)),
            _ => ("Mention volume and share of voice", voiceRows),
        };
        return new OutputDocument(title, document, rows);
    }

    private static JsonObject Describe(ShareOfVoiceResult r) => new()
    {
        ["mentions"] = r.Mentions,
        ["mentionsNamingABrand"] = r.MentionsNamingABrand,
        ["brands"] = SocialReport.Array(r.Brands.Select(b => new JsonObject
        {
            ["name"] = b.Name,
            ["isOwnBrand"] = b.IsOwnBrand,
            ["mentions"] = b.Mentions,
            ["shareOfVoice"] = b.Share.Value,
            ["confidenceInterval"] = SurveyCommand.Describe(b.Share.ConfidenceInterval),
        })),
    };

    private static IEnumerable<JsonObject> VoiceRows(string key, ShareOfVoiceResult r)
    {
        if (r.Brands.Count == 0)
        {
            yield return new JsonObject { ["key"] = key, ["mentions"] = r.Mentions };
            yield break;
        }

        foreach (BrandShare b in r.Brands)
        {
            yield return new JsonObject
            {
                ["key"] = key,
                ["brand"] = b.Name,
                ["mentions"] = b.Mentions,
                ["shareOfVoice"] = b.Share.Value,
                ["confidenceInterval"] = SurveyCommand.Describe(b.Share.ConfidenceInterval),
                ["allMentions"] = r.Mentions,
            };
        }
    }

    internal static JsonObject Describe(TermCount t) => new()
    {
        ["term"] = t.Term,
        ["words"] = t.Words,
        ["count"] = t.Count,
        ["mentions"] = t.Mentions,
        ["sentiment"] = t.MeanSentiment,
    };

    internal static JsonObject Describe(TrendingTerm t) => new()
    {
        ["term"] = t.Term,
        ["words"] = t.Words,
        ["currentCount"] = t.CurrentCount,
        ["baselineCount"] = t.BaselineCount,
        ["currentPerThousand"] = t.CurrentPerThousand,
        ["baselinePerThousand"] = t.BaselinePerThousand,
        ["rateRatio"] = t.RateRatio,
        ["g2"] = t.LogLikelihood,
        ["pValue"] = t.PValue,
    };

    internal static JsonObject Describe(Contributor c) => new()
    {
        ["author"] = c.Author,
        ["mentions"] = c.Mentions,
        ["reach"] = c.MentionsWithReach > 0 ? c.Reach : null,
    };

    private static List<JsonObject> ContributorRows(ContributorRanking ranking)
    {
        var rows = new List<JsonObject>();
        foreach ((string by, IReadOnlyList<Contributor> list) in new[] { ("mentions", ranking.ByMentions), ("reach", ranking.ByReach) })
        {
            for (int i = 0; i < list.Count; i++)
            {
                rows.Add(SurveyReport.Keyed(string.Create(CultureInfo.InvariantCulture, $"{by} #{i + 1}"), Describe(list[i])));
            }
        }

        return rows;
    }
}
