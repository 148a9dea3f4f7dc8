using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Metrics.Tests.Statistics;

/// <summary>Domain-bounded FsCheck generators for the statistics properties.</summary>
internal static class Generators
{
    /// <summary>Finite values of either sign over many magnitudes (about 1e-7 to 1e9), including exact zeros.</summary>
    public static readonly Gen<double> Value =
        Gen.Choose(-1_000_000, 1_000_000).SelectMany(m => Gen.Choose(-10, 3).Select(e => m * Math.Pow(10, e)));

    /// <summary>Small integers, so that samples have many ties.</summary>
    public static readonly Gen<double> TiedValue = Gen.Choose(-5, 5).Select(i => (double)i);

    /// <summary>Non-negative durations (seconds) from microseconds to about a day, plus some zeros.</summary>
    public static readonly Gen<double> Duration =
        Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (12, Gen.Choose(1, 1_000_000).SelectMany(m => Gen.Choose(-6, -1).Select(e => m * Math.Pow(10, e)))));

    /// <summary>Probabilities: a round grid (including 0 and 1) and arbitrary values in [0, 1].</summary>
    public static readonly Gen<double> Probability =
        Gen.OneOf(
            Gen.Choose(0, 100).Select(i => i / 100.0),
            Gen.Choose(0, int.MaxValue).Select(i => i / (double)int.MaxValue));

    /// <summary>Samples of 0..maxLength values drawn from <paramref name="element"/>.</summary>
    public static Gen<double[]> Sample(Gen<double> element, int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => element.ArrayOf(n));

    /// <summary>Non-empty samples mixing the value shapes above (ties, many magnitudes, durations).</summary>
    public static Gen<double[]> MixedSample(int maxLength) =>
        Gen.Choose(1, maxLength).SelectMany(n => Gen.OneOf(Value, TiedValue, Duration).ArrayOf(n));

    /// <summary>A sample and a split point 0..n.</summary>
    public static Gen<(double[] Values, int Split)> SplitSample(Gen<double> element, int maxLength) =>
        Sample(element, maxLength).SelectMany(values => Gen.Choose(0, values.Length).Select(split => (values, split)));
}
