using System.Text.Json;
using Engagement.Metrics.DependencyInjection;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Service;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using Microsoft.Extensions.DependencyInjection;

// Exercises each area through the paths a trimmed/AOT app takes: static calculators, accumulators whose state
// round-trips through the source-generated JSON context, and the model fitting path. Exit code 0 and the line
// "aot-smoke: ok" mean every check passed.
var failures = new List<string>();
void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

NpsResult nps = NetPromoterScore.Calculate([10, 9, 3, 7]);
Check(nps.Score == 25, $"NPS of 10, 9, 3, 7 is {nps.Score}, expected 25");

var accumulator = new NpsAccumulator();
accumulator.AddRange([10, 9, 8, 2, 6]);
string state = JsonSerializer.Serialize(accumulator, EngagementMetricsJsonContext.Default.NpsAccumulator);
NpsAccumulator restored = JsonSerializer.Deserialize(state, EngagementMetricsJsonContext.Default.NpsAccumulator)!;
Check(restored.ToResult() == accumulator.ToResult(), "NPS accumulator state did not round-trip through JSON");

var sketch = new QuantileSketch();
for (int i = 1; i <= 1000; i++)
{
    sketch.Add(i);
}

QuantileSketch sketchCopy = JsonSerializer.Deserialize(
    JsonSerializer.Serialize(sketch, EngagementMetricsJsonContext.Default.QuantileSketch),
    EngagementMetricsJsonContext.Default.QuantileSketch)!;
Check(sketchCopy.Quantile(0.5) == sketch.Quantile(0.5), "quantile sketch did not round-trip through JSON");

StaffingRequirement staffing = ErlangC.RequiredAgents(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180));
Check(staffing.Agents == 14, $"Erlang C gave {staffing.Agents} agents, expected 14");

string json = JsonSerializer.Serialize(staffing, EngagementMetricsJsonContext.Default.StaffingRequirement);
Check(JsonSerializer.Deserialize(json, EngagementMetricsJsonContext.Default.StaffingRequirement) == staffing, "staffing requirement did not round-trip");

// The DI path: options validated at registration, calculators built by factory delegates (no reflection-only activation).
using (ServiceProvider services = new ServiceCollection().AddEngagementMetrics(o => o.Nps = o.Nps with { PromoterMinimum = 10 }).BuildServiceProvider())
{
    NpsResult injected = services.GetRequiredService<ISurveyCalculator>().Nps([10, 9, 3, 7]);
    Check(injected.Score == 0, $"NPS of 10, 9, 3, 7 with promoters at 10 is {injected.Score}, expected 0");
}

foreach (string failure in failures)
{
    Console.Error.WriteLine($"aot-smoke: {failure}");
}

Console.WriteLine(failures.Count == 0 ? "aot-smoke: ok" : $"aot-smoke: {failures.Count} checks failed");
return failures.Count == 0 ? 0 : 1;
