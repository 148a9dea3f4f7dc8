using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Statistics;

public class QuantilesTests
{
    // Worked examples with numpy's default method="linear": np.quantile([[10, 7, 4], [3, 2, 1]], 0.5) == 3.5 is the
    // example in numpy's own documentation; the others follow h = (n − 1)p by hand.
    [Theory]
    [InlineData(new double[] { 10, 7, 4, 3, 2, 1 }, 0.5, 3.5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.25, 1.75)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.9, 9.1)]
    [InlineData(new double[] { 3, 1, 2 }, 0.5, 2)]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 0.4, 29)]
    [InlineData(new double[] { 7 }, 0.3, 7)]
    [InlineData(new double[] { 5, -1 }, 0, -1)]
    [InlineData(new double[] { 5, -1 }, 1, 5)]
    public void Quantile_NumpyLinearExample_MatchesNumpy(double[] values, double probability, double expected)
    {
        NumericAssert.Close(expected, Quantiles.Quantile(values, probability), 1e-15);
        Assert.Equal(NumpyLinear(values, probability), Quantiles.Quantile(values, probability));
    }

    [Fact]
    public void Quantile_InterpolationBranches_MatchNumpyLerpBitForBit()
    {
        // numpy's _lerp uses a + d·t below t = 0.5 and b − d·(1 − t) from 0.5 up; the two differ in the last bit here.
        double[] values = [0.1, 0.7];
        Assert.Equal(NumpyLinear(values, 0.3), Quantiles.Quantile(values, 0.3));
        Assert.Equal(NumpyLinear(values, 0.7), Quantiles.Quantile(values, 0.7));
        Assert.Equal(0.7 - ((0.7 - 0.1) * (1 - 0.7)), Quantiles.Quantile(values, 0.7));
    }

    [Fact]
    public void Median_OddAndEvenCounts_IsTheMiddleOrTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(3.0, Quantiles.Median([5, 1, 3, 4, 2]));
        Assert.Equal(2.5, Quantiles.Median([4, 1, 3, 2]));
    }

    [Fact]
    public void Quantile_Empty_IsNaN()
    {
        // Documented contract: no values, no quantile; NaN rather than an exception or a fake 0.
        Assert.True(double.IsNaN(Quantiles.Quantile([], 0.5)));
        Assert.True(double.IsNaN(Quantiles.QuantileInPlace(Span<double>.Empty, 0.5)));
        Assert.True(double.IsNaN(Quantiles.Median([])));
        double[] destination = [1, 2, 3];
        Quantiles.Compute([], [0.1, 0.9], destination);
        Assert.True(double.IsNaN(destination[0]));
        Assert.True(double.IsNaN(destination[1]));
        Assert.Equal(3.0, destination[2]);
    }

    [Property(MaxTest = 300)]
    public Property Quantile_AnySample_EqualsSortBasedNumpyOracle() =>
        Prop.ForAll(
            Arb.From(Generators.MixedSample(400).SelectMany(values => Generators.Probability.Select(p => (Values: values, P: p)))),
            x => Quantiles.Quantile(x.Values, x.P).Equals(NumpyLinear(x.Values, x.P)));

    [Property]
    public Property Quantile_LargerSample_EqualsSortBasedNumpyOracle() =>
        Prop.ForAll(
            Arb.From(
                from n in Gen.Choose(1_000, 20_000)
                from seed in Gen.Choose(0, int.MaxValue)
                from p in Generators.Probability
                from ties in Gen.Elements(3, 100, int.MaxValue)
                select (N: n, Seed: seed, P: p, Ties: ties)),
            x =>
            {
                var random = new Random(x.Seed);
                double[] values = new double[x.N];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = random.Next(x.Ties) * 0.37;
                }

                return Quantiles.Quantile(values, x.P).Equals(NumpyLinear(values, x.P));
            });

    [Property]
    public Property QuantileInPlace_EqualsQuantileAndOnlyPermutesTheValues() =>
        Prop.ForAll(
            Arb.From(Generators.MixedSample(300).SelectMany(values => Generators.Probability.Select(p => (Values: values, P: p)))),
            x =>
            {
                double[] work = (double[])x.Values.Clone();
                double inPlace = Quantiles.QuantileInPlace(work, x.P);
                double[] sortedBefore = Sorted(x.Values);
                double[] sortedAfter = Sorted(work);
                int j = (int)Math.Floor((work.Length - 1) * x.P);

                bool partitioned = true;
                for (int i = 0; i < work.Length; i++)
                {
                    partitioned &= i < j ? work[i] <= work[j] : i == j || work[i] >= work[j];
                }

                return inPlace.Equals(Quantiles.Quantile(x.Values, x.P))
                    && sortedBefore.AsSpan().SequenceEqual(sortedAfter)
                    && work[j] == sortedBefore[j]
                    && partitioned;
            });

    [Property]
    public Property Compute_ManyProbabilities_EqualsOneAtATime() =>
        Prop.ForAll(
            Arb.From(
                from values in Generators.MixedSample(300)
                from count in Gen.Elements(0, 1, 2, 5, 63, 64, 65, 150)
                from probabilities in Generators.Probability.ArrayOf(count)
                select (Values: values, Probabilities: probabilities)),
            x =>
            {
                double[] destination = new double[x.Probabilities.Length];
                Quantiles.Compute(x.Values, x.Probabilities, destination);
                for (int i = 0; i < destination.Length; i++)
                {
                    if (!destination[i].Equals(NumpyLinear(x.Values, x.Probabilities[i])))
                    {
                        return false;
                    }
                }

                return true;
            });

    [Fact]
    public void Compute_DestinationIsTheProbabilitiesSpan_WorksInPlace()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] both = [0.9, 0.1, 0.5, 1, 0];
        Quantiles.Compute(values, both, both);
        Assert.Equal([9.1, 1.9, 5.5, 10, 1], both.Select(v => Math.Round(v, 12)));
    }

    [Property]
    public Property Quantile_IsMonotoneInProbabilityAndBoundedByMinAndMax() =>
        Prop.ForAll(
            Arb.From(Generators.MixedSample(200).SelectMany(values => Generators.Probability.Two().Select(ps => (Values: values, P: ps)))),
            x =>
            {
                (double lo, double hi) = x.P.Item1 <= x.P.Item2 ? x.P : (x.P.Item2, x.P.Item1);
                double min = x.Values.Min();
                double max = x.Values.Max();
                return Quantiles.Quantile(x.Values, lo) <= Quantiles.Quantile(x.Values, hi)
                    && Quantiles.Quantile(x.Values, 0) == min
                    && Quantiles.Quantile(x.Values, 1) == max;
            });

    [Property]
    public Property Quantile_IsInvariantUnderPermutation() =>
        Prop.ForAll(
            Arb.From(
                from values in Generators.MixedSample(200)
                from shuffled in Gen.Shuffle(values)
                from p in Generators.Probability
                select (Values: values, Shuffled: shuffled, P: p)),
            x => Quantiles.Quantile(x.Values, x.P).Equals(Quantiles.Quantile(x.Shuffled, x.P)));

    public static TheoryData<string, int> AdversarialPatterns()
    {
        var data = new TheoryData<string, int>();
        foreach (string pattern in new[] { "sorted", "reversed", "equal", "organ-pipe", "sawtooth", "two-values", "median-of-3-killer" })
        {
            foreach (int n in new[] { 1, 2, 3, 16, 17, 100, 1_001, 10_000 })
            {
                data.Add(pattern, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AdversarialPatterns))]
    public void Quantile_AdversarialPattern_EqualsOracleAtEveryDecile(string pattern, int n)
    {
        double[] values = Pattern(pattern, n);
        double[] probabilities = [0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.99, 1];
        foreach (double p in probabilities)
        {
            Assert.Equal(NumpyLinear(values, p), Quantiles.Quantile(values, p));
        }

        double[] destination = new double[probabilities.Length];
        Quantiles.Compute(values, probabilities, destination);
        for (int i = 0; i < probabilities.Length; i++)
        {
            Assert.Equal(NumpyLinear(values, probabilities[i]), destination[i]);
        }
    }

    [Fact]
    public void Quantile_ReadOnlyInput_IsNotModified()
    {
        double[] values = [5, 3, 9, 1, 7, 2, 8];
        double[] copy = (double[])values.Clone();
        _ = Quantiles.Quantile(values, 0.3);
        Quantiles.Compute(values, [0.1, 0.9], new double[2]);
        Assert.Equal(copy, values);
    }

    [Theory]
    [InlineData(double.NaN, 2)]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(double.NegativeInfinity, 5)]
    public void Quantile_NonFiniteValue_ThrowsNamingTheIndex(double bad, int index)
    {
        double[] values = [1, 2, 3, 4, 5, 6];
        values[index] = bad;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Quantile(values, 0.5));
        Assert.Equal("values", e.ParamName);
        Assert.Contains($"values[{index}]", e.Message, StringComparison.Ordinal);

        double[] work = (double[])values.Clone();
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.QuantileInPlace(work, 0.5)).ParamName);
        Assert.Equal(values, work);
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Median(values)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Compute(values, [0.5], new double[1])).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.001)]
    [InlineData(1.001)]
    [InlineData(double.PositiveInfinity)]
    public void Quantile_ProbabilityOutsideUnitInterval_ThrowsNamingProbability(double probability)
    {
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Quantile([1, 2], probability)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Quantile([], probability)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.QuantileInPlace(new double[] { 1 }, probability)).ParamName);
    }

    [Fact]
    public void Compute_ProbabilityOutOfRange_ThrowsNamingIndexAndWritesNothing()
    {
        double[] destination = [-7, -7, -7];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Compute([1, 2, 3], [0.5, 1.5, 0.2], destination));
        Assert.Equal("probabilities", e.ParamName);
        Assert.Contains("probabilities[1]", e.Message, StringComparison.Ordinal);
        Assert.Equal([-7, -7, -7], destination);
    }

    [Fact]
    public void Compute_DestinationTooShort_ThrowsNamingDestination() =>
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Quantiles.Compute([1, 2, 3], [0.1, 0.5, 0.9], new double[2])).ParamName);

    [Fact]
    public void Compute_DestinationOverlapsProbabilitiesAtAnOffset_ThrowsNamingDestination()
    {
        double[] buffer = [0.1, 0.5, 0.9, 0];
        var e = Assert.Throws<ArgumentException>(() => Quantiles.Compute([1, 2, 3], buffer.AsSpan(0, 3), buffer.AsSpan(1, 3)));
        Assert.Equal("destination", e.ParamName);
    }

    // Sort-based oracle that follows numpy.quantile(method="linear") literally: virtual index (n − 1)·q, floor, gamma,
    // next index clipped to n − 1, and numpy's _lerp (a + d·t for t < 0.5, b − d·(1 − t) otherwise).
    private static double NumpyLinear(double[] values, double q)
    {
        double[] sorted = Sorted(values);
        int n = sorted.Length;
        double virtualIndex = (n - 1) * q;
        int previous = (int)Math.Floor(virtualIndex);
        int next = Math.Min(previous + 1, n - 1);
        previous = Math.Min(previous, n - 1);
        double gamma = virtualIndex - Math.Floor(virtualIndex);
        double a = sorted[previous];
        double b = sorted[next];
        double difference = b - a;
        return gamma >= 0.5 ? b - (difference * (1 - gamma)) : a + (difference * gamma);
    }

    private static double[] Sorted(double[] values)
    {
        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted;
    }

    private static double[] Pattern(string pattern, int n)
    {
        double[] values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = pattern switch
            {
                "sorted" => i,
                "reversed" => n - i,
                "equal" => 42,
                "organ-pipe" => Math.Min(i, n - 1 - i),
                "sawtooth" => i % 7,
                "two-values" => i % 2 == 0 ? -1 : 1,
                _ => 0,
            };
        }

        if (pattern == "median-of-3-killer")
        {
            // An interleaving in the style of Musser's median-of-three killer (small and large values alternate).
            int k = n / 2;
            for (int i = 1; i <= k; i++)
            {
                values[(2 * i) - 2] = i % 2 == 1 ? i : k + i - 1;
                values[(2 * i) - 1] = i % 2 == 1 ? k + i : (2 * i);
            }

            for (int i = 2 * k; i < n; i++)
            {
                values[i] = i + 1;
            }
        }

        return values;
    }
}
