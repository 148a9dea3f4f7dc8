using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Engagement.Metrics.Tests.Statistics;

/// <summary>Tolerance asserts and JSON helpers shared by the statistics tests.</summary>
internal static class NumericAssert
{
    /// <summary>Plain reflection-based options (the test project is not trimmed), PascalCase names.</summary>
    public static readonly JsonSerializerOptions ReflectionJson = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>Reflection-based options with the web defaults (camelCase), as the CLI writes JSON.</summary>
    public static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>|actual − expected| ≤ relative·|expected| + absolute.</summary>
    public static bool IsClose(double expected, double actual, double relative, double absolute = 0) =>
        expected.Equals(actual) || Math.Abs(actual - expected) <= (relative * Math.Abs(expected)) + absolute;

    public static void Close(double expected, double actual, double relative, double absolute = 0)
    {
        if (!IsClose(expected, actual, relative, absolute))
        {
            Assert.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"Expected {expected:R} but got {actual:R} (difference {actual - expected:R}, relative tolerance {relative}, absolute {absolute})."));
        }
    }

    public static T RoundTrip<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, options), options)!;
}
