using System.CommandLine;
using System.Globalization;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>The options all <c>survey</c> commands share on top of the common ones.</summary>
internal sealed class SurveyOptions
{
    private readonly Option<string> _scoreColumn = new("--score-column") { Description = "The column holding the scores.", DefaultValueFactory = _ => "score" };
    private readonly Option<string?> _weightColumn = new("--weight-column") { Description = "A column of survey weights (finite, >= 0): weighted shares and means, Kish effective sample size for intervals." };
    private readonly Option<string?> _scale = new("--scale") { Description = "The scale as MIN-MAX, e.g. 1-5 or 1-10 (csat, ces)." };
    private readonly Option<int?> _threshold = new("--threshold") { Description = "csat: lowest satisfied score; ces: boundary of the easy band." };

    public SurveyOptions(Command command)
    {
        Common.AddTo(command);
        command.Options.Add(_scoreColumn);
        command.Options.Add(_weightColumn);
        if (command.Name != "nps")
        {
            command.Options.Add(_scale);
            command.Options.Add(_threshold);
        }
    }

    public CommonOptions Common { get; } = new();

    public SurveySettings Read(ParseResult parsed) => new(parsed.GetValue(_scoreColumn)!, parsed.GetValue(_weightColumn));

    public int? Threshold(ParseResult parsed) => parsed.GetValue(_threshold);

    public (int Minimum, int Maximum)? Scale(ParseResult parsed)
    {
        string? text = parsed.GetValue(_scale);
        if (text is null)
        {
            return null;
        }

        string[] parts = text.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int max)
            ? (min, max)
            : throw new UsageException($"--scale '{text}' is not MIN-MAX, for example 1-5.");
    }
}

/// <summary>Which columns hold the survey's scores and weights.</summary>
internal sealed record SurveySettings(string ScoreColumn, string? WeightColumn);
