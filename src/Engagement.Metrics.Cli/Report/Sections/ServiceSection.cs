using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Service;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>Contact-centre KPIs and contact drivers from contacts.csv (the <c>service</c> command's calculators and output).</summary>
internal sealed class ServiceSection : IReportSection
{
    public string Id => "service";

    public string Title => "Service";

    public string Requires => "contacts.csv (the service command's columns)";

    public bool CanRun(ReportInputs inputs) => inputs.Has("contacts.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        ServiceOptions options = ServiceOptions.Default with { ConfidenceLevel = inputs.Confidence };
        var overall = new ServiceAccumulator(options);
        var repeats = new RepeatContactAccumulator(options);
        var byReason = new SegmentedAccumulator<string, ServiceAccumulator>(new ServiceAccumulator(options), StringComparer.Ordinal);
        using (TabularInput input = TabularInput.Open(inputs.Find("contacts.csv")!, inputs.Console.In))
        {
            foreach (string column in ServiceCommand.RequiredColumns)
            {
                input.RequireColumn(column);
            }

            foreach (InputRow row in input.ReadRows())
            {
                ContactRecord contact = ServiceCommand.Read(row, input);
                overall.Add(contact);
                repeats.Add(contact);
                byReason.Add(contact.Reason, contact);
            }
        }

        ServiceResult total = overall.ToResult();
        RepeatContactResult repeat = repeats.ToResult();
        IReadOnlyList<ContactDriver> drivers = ContactDrivers.Analyze(byReason.ToResults(), null, options);
        var result = new ReportSectionResult();
        foreach ((string name, JsonNode? value) in ServiceCommand.Describe(total, repeat))
        {
            result.Data[name] = value?.DeepClone();
        }

        var driverRows = drivers.Select(d => new JsonObject
        {
            ["reason"] = d.Reason,
            ["contacts"] = d.Count,
            ["share"] = d.Share,
            ["cumulativeShare"] = d.CumulativeShare,
            ["inParetoSet"] = d.InParetoSet,
            ["fcr"] = d.Fcr.Value,
            ["ahtSeconds"] = d.Aht.Value,
        }).ToList();
        result.Data["drivers"] = new JsonArray([.. driverRows.Select(r => (JsonNode)r.DeepClone())]);
        result.Tables.Add(new OutputDocument("Service KPIs", [], [ServiceCommand.Values(total, repeat)]));
        result.Tables.Add(new OutputDocument("Contact drivers (reasons, largest first)", [], driverRows));
        result.Charts.Add(new ReportChart("drivers", "Contact drivers: share of contacts and FCR by reason",
            ChartJs.Bars([.. drivers.Select(d => d.Reason)], "share",
                ("share of contacts", [.. drivers.Select(d => d.Share)], ChartJs.Palette[0]),
                ("first-contact resolution", [.. drivers.Select(d => d.Fcr.Value)], ChartJs.Palette[3]))));
        return result;
    }
}
