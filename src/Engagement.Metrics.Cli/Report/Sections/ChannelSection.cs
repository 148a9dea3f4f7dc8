using System.Text.Json.Nodes;
using Engagement.Metrics.Channels;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>Channel mix, per-channel effectiveness, digitalisation, escalation and switching from contacts.csv.</summary>
internal sealed class ChannelSection : IReportSection
{
    public string Id => "channels";

    public string Title => "Channels";

    public string Requires => "contacts.csv";

    public bool CanRun(ReportInputs inputs) => inputs.Has("contacts.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        ChannelOptions options = ChannelOptions.Default;
        var accumulator = new ChannelAccumulator(options);
        using (TabularInput input = TabularInput.Open(inputs.Find("contacts.csv")!, inputs.Console.In))
        {
            foreach (string column in ServiceCommand.RequiredColumns)
            {
                input.RequireColumn(column);
            }

            foreach (InputRow row in input.ReadRows())
            {
                ContactRecord contact = ServiceCommand.Read(row, input);
                if (!options.TryGetKind(contact.Channel, out _))
                {
                    throw row.Error("channel", $"'{contact.Channel}' is not a known channel; rename it to one of {string.Join(", ", options.Catalogue.Keys.Order(StringComparer.Ordinal))}, or run the channels command with --assisted-channels/--digital-channels/--self-service-channels");
                }

                accumulator.Add(contact);
            }
        }

        ChannelResult total = accumulator.ToResult();
        var result = new ReportSectionResult();
        foreach ((string name, JsonNode? value) in ChannelsCommand.Describe(total))
        {
            result.Data[name] = value?.DeepClone();
        }

        result.Tables.Add(new OutputDocument("Channels", [], [.. ChannelsCommand.Rows(string.Empty, total)]));
        string[] labels = [.. total.Channels.Select(c => c.Channel)];
        result.Charts.Add(new ReportChart("mix", "Channel mix (contacts)", ChartJs.Doughnut(labels, [.. total.Channels.Select(c => (double?)c.Contacts)])));
        result.Charts.Add(new ReportChart("effectiveness", "Resolution and escalation by channel",
            ChartJs.Bars(labels, "share of contacts",
                ("resolved", [.. total.Channels.Select(c => c.Resolution.Value)], ChartJs.Palette[3]),
                ("escalated", [.. total.Channels.Select(c => c.Escalation.Value)], ChartJs.Palette[1]))));
        return result;
    }
}
