using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Service;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Tests.Serialization;

public class JsonContextTests
{
    // One populated sample per registered type. A type added to the context without a sample fails
    // EveryRegisteredType_HasASample, so the round-trip test can never silently skip a type.
    private static readonly Dictionary<Type, object> Samples = BuildSamples();

    public static TheoryData<string> RegisteredTypeNames()
    {
        var data = new TheoryData<string>();
        foreach (Type t in RegisteredTypes())
        {
            data.Add(t.FullName!);
        }

        return data;
    }

    [Fact]
    public void EveryRegisteredType_HasASample()
    {
        Type[] missing = RegisteredTypes().Where(t => !Samples.ContainsKey(t)).ToArray();
        Assert.True(missing.Length == 0, "no sample for: " + string.Join(", ", missing.Select(t => t.Name)));
    }

    [Theory]
    [MemberData(nameof(RegisteredTypeNames))]
    public void RegisteredType_RoundTrips(string typeName)
    {
        Type type = RegisteredTypes().Single(t => t.FullName == typeName);
        JsonTypeInfo info = EngagementMetricsJsonContext.Default.GetTypeInfo(type)!;

        string json = JsonSerializer.Serialize(Samples[type], info);
        object? back = JsonSerializer.Deserialize(json, info);

        Assert.Equal(json, JsonSerializer.Serialize(back, info));
        if (typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type))
        {
            Assert.Equal(Samples[type], back);
        }
    }

    [Fact]
    public void Result_WithoutValue_SerializesNullNotNaNOrZero()
    {
        string json = JsonSerializer.Serialize(NetPromoterScore.Calculate(ReadOnlySpan<byte>.Empty), EngagementMetricsJson.Options);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("confidenceInterval").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("count").GetInt64());
    }

    [Fact]
    public void NpsResult_Json_UsesCamelCaseAndStringEnums()
    {
        string json = JsonSerializer.Serialize(NetPromoterScore.FromCounts(5, 2, 3), EngagementMetricsJson.Options);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(20, doc.RootElement.GetProperty("score").GetDouble());
        Assert.Equal("AdjustedWald", doc.RootElement.GetProperty("intervalMethod").GetString());
        Assert.Equal(0.95, doc.RootElement.GetProperty("confidenceInterval").GetProperty("level").GetDouble());
    }

    // JsonSerializableAttribute does not keep its type argument; read it back through CustomAttributeData.
    private static IEnumerable<Type> RegisteredTypes() =>
        typeof(EngagementMetricsJsonContext).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!);

    private static Dictionary<Type, object> BuildSamples()
    {
        var nps = new NpsAccumulator(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald, ConfidenceLevel = 0.9 });
        nps.AddRange(new byte[] { 10, 9, 7, 3, 0 });
        var csat = new CsatAccumulator();
        csat.AddRange(new[] { 5, 4, 1 }, new[] { 1.5, 2.0, 0.25 });
        var ces = new CesAccumulator(CesOptions.Legacy);
        ces.AddRange(new[] { 1, 2, 5 });
        var moments = new MeanVarianceAccumulator();
        moments.AddRange([1.5, 2.25, -4, 10]);
        var sketch = new QuantileSketch(0.02);
        sketch.AddRange([0.5, 3, 3, 250, -7, 0]);
        var histogram = new ScoreHistogram(0, 10);
        histogram.AddRange(new byte[] { 1, 2, 10 });

        return new Dictionary<Type, object>
        {
            [typeof(Interval)] = new Interval(0.95, -1.5, 2.25),
            [typeof(Comparison)] = Comparison.Welch(5.4, 1.6, 10, 4, 0.5, 5, 0.9),
            [typeof(MeanVarianceAccumulator)] = moments,
            [typeof(MeanEstimate)] = moments.ToResult(),
            [typeof(QuantileSketch)] = sketch,
            [typeof(NpsOptions)] = nps.Options,
            [typeof(NpsResult)] = nps.ToResult(),
            [typeof(NpsAccumulator)] = nps,
            [typeof(CsatOptions)] = new CsatOptions { Maximum = 7, SatisfiedThreshold = 6 },
            [typeof(CsatResult)] = csat.ToResult(),
            [typeof(CsatAccumulator)] = csat,
            [typeof(CesOptions)] = CesOptions.Legacy,
            [typeof(CesResult)] = ces.ToResult(),
            [typeof(CesAccumulator)] = ces,
            [typeof(ScoreHistogram)] = histogram,
            [typeof(ScoreDistribution)] = csat.ToResult().Distribution,
            [typeof(StaffingOptions)] = new StaffingOptions
            {
                ServiceLevelThreshold = TimeSpan.FromSeconds(30),
                ServiceLevelTarget = 0.9,
                MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(15),
                MaxOccupancy = 0.85,
                Shrinkage = 0.3,
            },
            [typeof(ErlangCResult)] = ErlangC.Evaluate(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), 14, TimeSpan.FromSeconds(20)),
            [typeof(ErlangAResult)] = ErlangA.Evaluate(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(180), 14, TimeSpan.FromSeconds(20)),
            [typeof(RfmRecord)] = new RfmRecord("1", 2, 30.43, 38.86, 22.35),
            [typeof(LifetimeFitOptions)] = new LifetimeFitOptions { RequireConvergence = true, Fit = new FitOptions { MaxIterations = 80 } },
            [typeof(BgNbdModel)] = new BgNbdModel(new(0.243, 0.0126), new(4.414, 0.378), new(0.793, 0.186), new(2.426, 0.705), -9582.4, 2357, new FitDiagnostics(FitStatus.Converged, 30, 41, 1e-7)),
            [typeof(ModifiedBgNbdModel)] = new ModifiedBgNbdModel(0.525, 6.183, 0.891, 1.614),
            [typeof(GammaGammaModel)] = new GammaGammaModel(new(6.25, 1.19), new(3.74, 0.29), new(15.44, 4.16), -4055.9, 946, new FitDiagnostics(FitStatus.IterationLimit, 500, 700, 0.01)),
            [typeof(CustomerTransaction)] = new CustomerTransaction("42", new DateOnly(2024, 3, 1), 19.99),
            [typeof(RfmSummaryOptions)] = new RfmSummaryOptions { TimeUnit = RfmTimeUnit.Weeks },
            [typeof(CalibrationHoldoutSummary)] = new CalibrationHoldoutSummary(new RfmRecord[] { new("1", 2, 30.43, 38.86, 22.35), new("2", 0, 0, 38.86) }, new[] { 3, 0 }, new[] { 17.5, 0 }, 39, RfmTimeUnit.Weeks),
            [typeof(HoldoutValidationOptions)] = new HoldoutValidationOptions { OpenBucketFrequency = 5 },
            [typeof(HoldoutBucket)] = new HoldoutBucket(7, true, 12, 5.5, null),
            [typeof(HoldoutValidationResult)] = new HoldoutValidationResult(new[] { new HoldoutBucket(0, false, 3, 0.25, 0.3), new HoldoutBucket(1, true, 0, null, null) }, 3, 0.75, 0.9, 0.2, 0.3, 0.05),
            [typeof(CustomerLifetimeValueOptions)] = new CustomerLifetimeValueOptions { Periods = 24, PeriodLength = 4.345, DiscountRate = 0.02, Margin = 0.3 },
            [typeof(ParameterEstimate)] = new ParameterEstimate(0.243, 0.0125),
            [typeof(FitDiagnostics)] = new FitDiagnostics(FitStatus.Converged, 12, 15, 3.1e-7),
            [typeof(FitOptions)] = new FitOptions { MaxIterations = 50, GradientTolerance = 1e-7 },
            [typeof(StaffingRequirement)] = ErlangC.RequiredAgents(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), new StaffingOptions { Shrinkage = 0.3 }),
        };
    }
}
