using System.Text.Json.Nodes;

namespace Engagement.Metrics.Cli.Report;

/// <summary>Builds the Chart.js 4 configurations of the report as plain JSON (see <see cref="ReportChart"/>).</summary>
internal static class ChartJs
{
    public static readonly string[] Palette = ["#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477", "#66aa00"];

    /// <summary>A line of estimates per label with its confidence interval drawn as a shaded band (lower → upper).</summary>
    public static JsonObject LineWithBand(IReadOnlyList<string> labels, IReadOnlyList<double?> value, IReadOnlyList<double?> lower, IReadOnlyList<double?> upper, string seriesLabel, string yTitle, string color, double? yMin = null, double? yMax = null) => new()
    {
        ["type"] = "line",
        ["data"] = new JsonObject
        {
            ["labels"] = Strings(labels),
            ["datasets"] = new JsonArray(
                BandEdge("lower bound", lower, color, fill: false),
                BandEdge("upper bound", upper, color, fill: true),
                new JsonObject { ["label"] = seriesLabel, ["data"] = Numbers(value), ["borderColor"] = color, ["backgroundColor"] = color, ["tension"] = 0.2, ["spanGaps"] = true }),
        },
        ["options"] = Options(yTitle, yMin, yMax, legendFilterBand: true),
    };

    /// <summary>Step curves on a linear x axis (survival), each with an optional band.</summary>
    public static JsonObject Steps(string xTitle, string yTitle, params (string Label, IReadOnlyList<(double X, double Y, double? Lower, double? Upper)> Points, string Color)[] series)
    {
        var datasets = new JsonArray();
        foreach ((string label, var points, string color) in series)
        {
            if (points.Any(p => p.Lower is not null))
            {
                datasets.Add((JsonNode)XyEdge(label + " lower", points.Select(p => (p.X, p.Lower)), color, fill: false));
                datasets.Add((JsonNode)XyEdge(label + " upper", points.Select(p => (p.X, p.Upper)), color, fill: true));
            }

            datasets.Add((JsonNode)new JsonObject
            {
                ["label"] = label,
                ["data"] = Xy(points.Select(p => (p.X, (double?)p.Y))),
                ["borderColor"] = color,
                ["backgroundColor"] = color,
                ["stepped"] = true,
                ["pointRadius"] = 0,
            });
        }

        JsonObject options = Options(yTitle, 0, 1, legendFilterBand: true);
        ((JsonObject)options["scales"]!)["x"] = new JsonObject { ["type"] = "linear", ["title"] = Title(xTitle) };
        return new JsonObject { ["type"] = "line", ["data"] = new JsonObject { ["datasets"] = datasets }, ["options"] = options };
    }

    /// <summary>Lines over shared labels (no bands), e.g. observed vs model retention.</summary>
    public static JsonObject Lines(IReadOnlyList<string> labels, string yTitle, double? yMin, double? yMax, params (string Label, IReadOnlyList<double?> Values, string Color, bool Dashed)[] series) => new()
    {
        ["type"] = "line",
        ["data"] = new JsonObject
        {
            ["labels"] = Strings(labels),
            ["datasets"] = new JsonArray([.. series.Select(s => (JsonNode)new JsonObject
            {
                ["label"] = s.Label,
                ["data"] = Numbers(s.Values),
                ["borderColor"] = s.Color,
                ["backgroundColor"] = s.Color,
                ["borderDash"] = s.Dashed ? new JsonArray(6, 4) : new JsonArray(),
                ["spanGaps"] = true,
            })]),
        },
        ["options"] = Options(yTitle, yMin, yMax, legendFilterBand: false),
    };

    /// <summary>Bars per label, one dataset per series.</summary>
    public static JsonObject Bars(IReadOnlyList<string> labels, string yTitle, params (string Label, IReadOnlyList<double?> Values, string Color)[] series) => new()
    {
        ["type"] = "bar",
        ["data"] = new JsonObject
        {
            ["labels"] = Strings(labels),
            ["datasets"] = new JsonArray([.. series.Select(s => (JsonNode)new JsonObject { ["label"] = s.Label, ["data"] = Numbers(s.Values), ["backgroundColor"] = s.Color })]),
        },
        ["options"] = Options(yTitle, null, null, legendFilterBand: false),
    };

    /// <summary>A histogram: touching bars over bin labels.</summary>
    public static JsonObject Histogram(IReadOnlyList<string> bins, IReadOnlyList<double?> counts, string xTitle, string color)
    {
        JsonObject config = Bars(bins, "customers", ("customers", counts, color));
        var dataset = (JsonObject)config["data"]!["datasets"]![0]!;
        dataset["barPercentage"] = 1.0;
        dataset["categoryPercentage"] = 1.0;
        ((JsonObject)config["options"]!["scales"]!)["x"] = new JsonObject { ["title"] = Title(xTitle) };
        return config;
    }

    /// <summary>Shares of a whole.</summary>
    public static JsonObject Doughnut(IReadOnlyList<string> labels, IReadOnlyList<double?> values) => new()
    {
        ["type"] = "doughnut",
        ["data"] = new JsonObject
        {
            ["labels"] = Strings(labels),
            ["datasets"] = new JsonArray(new JsonObject
            {
                ["data"] = Numbers(values),
                ["backgroundColor"] = new JsonArray([.. labels.Select((_, i) => (JsonNode)Palette[i % Palette.Length])]),
            }),
        },
        ["options"] = new JsonObject { ["responsive"] = true, ["maintainAspectRatio"] = false, ["animation"] = false },
    };

    private static JsonObject BandEdge(string label, IReadOnlyList<double?> values, string color, bool fill) => new()
    {
        ["label"] = label,
        ["data"] = Numbers(values),
        ["borderWidth"] = 0,
        ["pointRadius"] = 0,
        ["backgroundColor"] = color + "33",
        ["fill"] = fill ? "-1" : false,
        ["spanGaps"] = true,
    };

    private static JsonObject XyEdge(string label, IEnumerable<(double X, double? Y)> points, string color, bool fill) => new()
    {
        ["label"] = label,
        ["data"] = Xy(points),
        ["borderWidth"] = 0,
        ["pointRadius"] = 0,
        ["stepped"] = true,
        ["backgroundColor"] = color + "33",
        ["fill"] = fill ? "-1" : false,
    };

    private static JsonObject Options(string yTitle, double? yMin, double? yMax, bool legendFilterBand)
    {
        var y = new JsonObject { ["title"] = Title(yTitle) };
        if (yMin is { } min)
        {
            y["min"] = min;
        }

        if (yMax is { } max)
        {
            y["max"] = max;
        }

        var options = new JsonObject
        {
            ["responsive"] = true,
            ["maintainAspectRatio"] = false,
            ["animation"] = false,
            ["scales"] = new JsonObject { ["y"] = y },
        };

        // Read by the page's script: legend entries of band edges are hidden (Chart.js filters need a function).
        if (legendFilterBand)
        {
            options["bandEdges"] = true;
        }

        return options;
    }

    private static JsonObject Title(string text) => new() { ["display"] = true, ["text"] = text };

    private static JsonArray Strings(IReadOnlyList<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonArray Numbers(IReadOnlyList<double?> values) => new([.. values.Select(v => v is { } d && double.IsFinite(d) ? (JsonNode)Math.Round(d, 6) : null)]);

    private static JsonArray Xy(IEnumerable<(double X, double? Y)> points) =>
        new([.. points.Select(p => (JsonNode)new JsonObject { ["x"] = p.X, ["y"] = p.Y is { } y && double.IsFinite(y) ? Math.Round(y, 6) : null })]);
}
