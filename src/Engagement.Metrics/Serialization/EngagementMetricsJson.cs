using System.Text.Json;

namespace Engagement.Metrics.Serialization;

/// <summary>Ready-made JSON settings for the library's types.</summary>
public static class EngagementMetricsJson
{
    /// <summary>
    /// Read-only <see cref="JsonSerializerOptions"/> backed by <see cref="EngagementMetricsJsonContext"/>:
    /// camelCase names, enums as strings, reflection-free.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(EngagementMetricsJsonContext.Default.Options);
        options.MakeReadOnly();
        return options;
    }
}
