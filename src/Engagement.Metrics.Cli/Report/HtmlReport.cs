using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Output;

namespace Engagement.Metrics.Cli.Report;

/// <summary>
/// Writes the report as ONE self-contained HTML page: the tables as HTML, the charts drawn by Chart.js (MIT; inlined
/// from an embedded resource, see THIRD-PARTY-NOTICES.md) from configurations embedded as JSON, and the whole
/// <c>--format json</c> document embedded too (<c>&lt;script id="report-data"&gt;</c>) for anyone who wants the numbers.
/// The page loads nothing from the network, so it opens offline.
/// </summary>
internal static class HtmlReport
{
    public const string ChartJsResource = "Engagement.Metrics.Cli.Report.chart.umd.min.js";

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#f6f7f9}
        header{background:#1f2d3d;color:#fff;padding:16px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.8}
        nav{padding:8px 32px;background:#fff;border-bottom:1px solid #ddd}nav a{margin-right:14px;color:#1f5fa8;text-decoration:none}
        main{padding:8px 32px 32px}section{background:#fff;border:1px solid #e0e0e0;border-radius:8px;margin:16px 0;padding:12px 20px}
        h2{margin:4px 0 8px;font-size:18px}h3{font-size:14px;margin:14px 0 6px;color:#444}
        table{border-collapse:collapse;font-size:12px;margin:6px 0 10px;display:block;overflow-x:auto}
        th,td{border:1px solid #ddd;padding:3px 7px;text-align:right;white-space:nowrap}th{background:#f0f2f5}td:first-child,th:first-child{text-align:left}
        .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{flex:1 1 460px;min-width:320px}.chart .box{position:relative;height:300px}
        .chart p{font-size:12px;color:#555;margin:4px 0}.note{font-size:13px;color:#7a5a00}.skipped{color:#888}
        """;

    private const string Script = """
        (function () {
          var charts = JSON.parse(document.getElementById('chart-data').textContent);
          charts.forEach(function (c) {
            var config = c.config;
            if (config.options && config.options.bandEdges) {
              delete config.options.bandEdges;
              config.options.plugins = config.options.plugins || {};
              config.options.plugins.legend = { labels: { filter: function (item) { return !/(lower|upper)( bound)?$/.test(item.text); } } };
            }
            new Chart(document.getElementById(c.id), config);
          });
        })();
        """;

    public static void Write(ReportBuilder report, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Write(report, writer);
    }

    public static void Write(ReportBuilder report, TextWriter w)
    {
        string input = Encode(report.Inputs.DisplayName);
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<title>Engagement report · {input}</title>");
        w.WriteLine($"<style>{Style}</style>");
        w.WriteLine($"<!-- Charts: Chart.js v4.6.1 and its bundled @kurkle/color v0.3.2, both MIT licensed; inlined below. {Encode(LicenceNotice)} -->");
        w.Write("<script>");
        w.Write(ChartJs());
        w.WriteLine("</script>");
        w.WriteLine("</head><body>");
        w.WriteLine($"<header><h1>Engagement report</h1><p>{input} · engagement-metrics {Encode(ReportBuilder.Version)} · {report.Inputs.Confidence:P0} confidence intervals</p></header>");
        w.Write("<nav>");
        foreach ((IReportSection section, _, _) in report.Sections)
        {
            w.Write($"<a href=\"#{section.Id}\">{Encode(section.Title)}</a>");
        }

        w.WriteLine("</nav><main>");
        var charts = new JsonArray();
        foreach ((IReportSection section, ReportSectionResult? result, string? skipped) in report.Sections)
        {
            w.WriteLine($"<section id=\"{section.Id}\"><h2>{Encode(section.Title)}</h2>");
            if (result is null)
            {
                w.WriteLine($"<p class=\"skipped\">{Encode(skipped ?? "")}</p>");
                w.WriteLine("</section>");
                continue;
            }

            if (result.Charts.Count > 0)
            {
                w.WriteLine("<div class=\"charts\">");
                foreach (ReportChart chart in result.Charts)
                {
                    string id = $"chart-{section.Id}-{chart.Id}";
                    w.WriteLine($"<div class=\"chart\"><h3>{Encode(chart.Title)}</h3><div class=\"box\"><canvas id=\"{id}\"></canvas></div>{(chart.Caption is null ? "" : $"<p>{Encode(chart.Caption)}</p>")}</div>");
                    charts.Add((JsonNode)new JsonObject { ["id"] = id, ["config"] = chart.Config.DeepClone() });
                }

                w.WriteLine("</div>");
            }

            foreach (OutputDocument table in result.Tables)
            {
                WriteTable(w, table);
            }

            foreach (string note in result.Notes)
            {
                w.WriteLine($"<p class=\"note\">{Encode(note)}</p>");
            }

            w.WriteLine("</section>");
        }

        w.WriteLine("</main>");

        // JsonNode's default encoder escapes <, > and &, so "</script>" cannot occur inside these blocks.
        w.WriteLine($"<script type=\"application/json\" id=\"report-data\">{report.ToJson().ToJsonString()}</script>");
        w.WriteLine($"<script type=\"application/json\" id=\"chart-data\">{charts.ToJsonString()}</script>");
        w.WriteLine($"<script>{Script}</script>");
        w.WriteLine("</body></html>");
    }

    /// <summary>The vendored Chart.js bundle (dist/chart.umd.min.js of chart.js 4.6.1 from npm).</summary>
    public static string ChartJs()
    {
        using Stream stream = typeof(HtmlReport).Assembly.GetManifestResourceStream(ChartJsResource)
            ?? throw new InvalidOperationException($"embedded resource {ChartJsResource} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private const string LicenceNotice =
        "Chart.js: Copyright (c) 2014-2024 Chart.js Contributors. @kurkle/color: Copyright (c) 2023 Jukka Kurkela. "
        + "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), "
        + "to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, "
        + "and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: "
        + "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. "
        + "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, "
        + "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER "
        + "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.";

    private static void WriteTable(TextWriter w, OutputDocument table)
    {
        List<Dictionary<string, string>> rows = table.Rows.Select(r => Renderer.Flatten(r, forDisplay: true)).ToList();
        List<string> columns = Renderer.Columns(rows);
        w.WriteLine($"<h3>{Encode(table.Title)}</h3><table><thead><tr>{string.Concat(columns.Select(c => $"<th>{Encode(c)}</th>"))}</tr></thead><tbody>");
        foreach (Dictionary<string, string> row in rows)
        {
            w.WriteLine($"<tr>{string.Concat(columns.Select(c => $"<td>{Encode(row.GetValueOrDefault(c, ""))}</td>"))}</tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
