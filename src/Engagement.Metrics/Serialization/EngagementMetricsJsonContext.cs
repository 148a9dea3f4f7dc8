using System.Text.Json.Serialization;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Retention;
using Engagement.Metrics.Service;
using Engagement.Metrics.Social;
using Engagement.Metrics.Social.Reputation;
using Engagement.Metrics.Social.Reviews;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Serialization;

/// <summary>
/// The source-generated System.Text.Json context for every result, options and accumulator state in the library:
/// trimming- and AOT-safe, camelCase names, enums as strings, "no value" as <c>null</c>.
/// </summary>
/// <remarks>
/// Use <see cref="EngagementMetricsJson.Options"/> for a ready-made, read-only <c>JsonSerializerOptions</c>, or pass
/// <c>EngagementMetricsJsonContext.Default.NpsResult</c> (and so on) to <c>JsonSerializer</c>. The JSON shape of the
/// accumulators is their persisted state: restoring it and merging gives the same answer as never having stopped.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(Interval))]
[JsonSerializable(typeof(Comparison))]
[JsonSerializable(typeof(MeanVarianceAccumulator))]
[JsonSerializable(typeof(MeanEstimate))]
[JsonSerializable(typeof(QuantileSketch))]
[JsonSerializable(typeof(ParameterEstimate))]
[JsonSerializable(typeof(FitDiagnostics))]
[JsonSerializable(typeof(FitOptions))]
[JsonSerializable(typeof(NpsOptions))]
[JsonSerializable(typeof(NpsResult))]
[JsonSerializable(typeof(NpsAccumulator))]
[JsonSerializable(typeof(CsatOptions))]
[JsonSerializable(typeof(CsatResult))]
[JsonSerializable(typeof(CsatAccumulator))]
[JsonSerializable(typeof(CesOptions))]
[JsonSerializable(typeof(CesResult))]
[JsonSerializable(typeof(CesAccumulator))]
[JsonSerializable(typeof(ScoreHistogram))]
[JsonSerializable(typeof(ScoreDistribution))]
[JsonSerializable(typeof(StaffingOptions))]
[JsonSerializable(typeof(ErlangCResult))]
[JsonSerializable(typeof(StaffingRequirement))]
[JsonSerializable(typeof(ErlangAResult))]
[JsonSerializable(typeof(ErlangAStaffingRequirement))]
[JsonSerializable(typeof(RfmRecord))]
[JsonSerializable(typeof(ParetoNbdOptions))]
[JsonSerializable(typeof(ParetoNbdModel))]
[JsonSerializable(typeof(BgBbRecord))]
[JsonSerializable(typeof(BgBbOptions))]
[JsonSerializable(typeof(BgBbModel))]
[JsonSerializable(typeof(SentimentOptions))]
[JsonSerializable(typeof(SentimentScore))]
[JsonSerializable(typeof(SentimentSummary))]
[JsonSerializable(typeof(SentimentAccumulator))]
[JsonSerializable(typeof(SentimentShiftResult))]
[JsonSerializable(typeof(NetEmotionalValueOptions))]
[JsonSerializable(typeof(NetEmotionalValueResult))]
[JsonSerializable(typeof(NetEmotionalValueAccumulator))]
[JsonSerializable(typeof(SocialPost))]
[JsonSerializable(typeof(SocialOptions))]
[JsonSerializable(typeof(EngagementRate))]
[JsonSerializable(typeof(SocialResult))]
[JsonSerializable(typeof(SocialAccumulator))]
[JsonSerializable(typeof(Review))]
[JsonSerializable(typeof(ReviewOptions))]
[JsonSerializable(typeof(ReviewResult))]
[JsonSerializable(typeof(ReviewAccumulator))]
[JsonSerializable(typeof(ReputationOptions))]
[JsonSerializable(typeof(ReputationContribution))]
[JsonSerializable(typeof(ReputationScore))]
[JsonSerializable(typeof(ReputationComponentChange))]
[JsonSerializable(typeof(ReputationChange))]
[JsonSerializable(typeof(ServiceOptions))]
[JsonSerializable(typeof(RateResult))]
[JsonSerializable(typeof(DurationResult))]
[JsonSerializable(typeof(HandleTimeResult))]
[JsonSerializable(typeof(ServiceResult))]
[JsonSerializable(typeof(ServiceAccumulator))]
[JsonSerializable(typeof(ContactVisit))]
[JsonSerializable(typeof(RepeatContactResult))]
[JsonSerializable(typeof(RepeatContactAccumulator))]
[JsonSerializable(typeof(Engagement.Metrics.Channels.ChannelOptions))]
[JsonSerializable(typeof(Engagement.Metrics.Channels.ChannelStats))]
[JsonSerializable(typeof(Engagement.Metrics.Channels.ChannelResult))]
[JsonSerializable(typeof(Engagement.Metrics.Channels.ChannelAccumulator))]
[JsonSerializable(typeof(Engagement.Metrics.Campaigns.FunnelOptions))]
[JsonSerializable(typeof(Engagement.Metrics.Campaigns.FunnelResult))]
[JsonSerializable(typeof(Engagement.Metrics.Campaigns.FunnelAccumulator))]
[JsonSerializable(typeof(Engagement.Metrics.Campaigns.CustomerSendStats))]
[JsonSerializable(typeof(Engagement.Metrics.Campaigns.FrequencyBucket))]
[JsonSerializable(typeof(Engagement.Metrics.Campaigns.SendFrequencyResult))]
[JsonSerializable(typeof(Engagement.Metrics.Campaigns.SendFrequencyAccumulator))]
[JsonSerializable(typeof(Engagement.Metrics.Statistics.TrendTest))]
[JsonSerializable(typeof(ChannelUnitCost))]
[JsonSerializable(typeof(VolumeShift))]
[JsonSerializable(typeof(CostToServeOptions))]
[JsonSerializable(typeof(CostBreakdown))]
[JsonSerializable(typeof(ShiftSavings))]
[JsonSerializable(typeof(CostToServeResult))]
[JsonSerializable(typeof(CostCell))]
[JsonSerializable(typeof(CostToServeAccumulator))]
[JsonSerializable(typeof(ContactDriver))]
[JsonSerializable(typeof(CustomerRecord))]
[JsonSerializable(typeof(ChurnResult))]
[JsonSerializable(typeof(ChurnAccumulator))]
[JsonSerializable(typeof(RevenueRetentionResult))]
[JsonSerializable(typeof(CohortRetentionTable))]
[JsonSerializable(typeof(SbgModel))]
[JsonSerializable(typeof(SurvivalOptions))]
[JsonSerializable(typeof(KaplanMeierCurve))]
[JsonSerializable(typeof(LogRankResult))]
[JsonSerializable(typeof(LifetimeFitOptions))]
[JsonSerializable(typeof(BgNbdModel))]
[JsonSerializable(typeof(ModifiedBgNbdModel))]
[JsonSerializable(typeof(GammaGammaModel))]
[JsonSerializable(typeof(CustomerTransaction))]
[JsonSerializable(typeof(RfmSummaryOptions))]
[JsonSerializable(typeof(CalibrationHoldoutSummary))]
[JsonSerializable(typeof(HoldoutValidationOptions))]
[JsonSerializable(typeof(HoldoutBucket))]
[JsonSerializable(typeof(HoldoutValidationResult))]
[JsonSerializable(typeof(CustomerLifetimeValueOptions))]
public sealed partial class EngagementMetricsJsonContext : JsonSerializerContext
{
}
