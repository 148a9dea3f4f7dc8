using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// A mergeable streaming quantile sketch with a guaranteed relative error (DDSketch; Masson, Rim &amp; Lee,
/// "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with Relative-Error Guarantees", PVLDB 12(12):2195–2205, 2019).
/// Suited to durations and response times: p50/p90/p99 of any number of values in memory proportional to the
/// logarithm of their range, merged exactly across threads or machines.
/// </summary>
/// <remarks>
/// <para>
/// <b>Mapping.</b> With α = <see cref="RelativeAccuracy"/> and γ = (1 + α)/(1 − α), a value x ≠ 0 goes to the bin
/// with key <c>i = ⌈log_γ |x|⌉</c>, which covers magnitudes (γ^(i−1), γ^i]; positive values and negative values
/// (by magnitude, in a mirrored store) have separate bins and exact zeros have their own counter. A bin is
/// represented by <c>2γ^i/(γ + 1) = (1 − α)·γ^i</c>, which is within relative error α of every magnitude in the bin
/// (the bucket value of the paper's §2).
/// </para>
/// <para>
/// <b>Guarantee.</b> For n ≥ 1 values and probability p, let r = ⌊p·(n − 1)⌋ (0-based) and let x₍ᵣ₎ be the
/// element of rank r in the sorted input (1-based rank ⌊1 + p(n − 1)⌋, the paper's definition of the p-quantile;
/// numpy <c>method="lower"</c>; no interpolation).
/// <see cref="Quantile(double)"/> returns q with <c>|q − x₍ᵣ₎| ≤ α·|x₍ᵣ₎|</c>, up to floating-point rounding of the
/// logarithm (about 1e-12 relative), for every x₍ᵣ₎ that is 0 or of magnitude in the normal double range
/// [2.2250738585072014e-308, double.MaxValue]. The result is also clamped to [<see cref="Min"/>, <see cref="Max"/>],
/// which are tracked exactly, so p = 0 and p = 1 return the exact minimum and maximum. The bound holds after any
/// sequence of <see cref="Add(double)"/>, <see cref="AddRange(ReadOnlySpan{double})"/> and
/// <see cref="Merge(QuantileSketch)"/> calls, because merging adds bin counts exactly (merge(split(x)) is
/// identical to a sketch of x).
/// </para>
/// <para>
/// <b>Size.</b> Per sign, the bins live in a dense array over a contiguous range of keys (an insert is an index and
/// an increment), grown by doubling toward new keys while it stays within 65 536 bins and within 16 bins per
/// non-empty bin (or 2 048 bins, whichever is larger); keys farther out (outliers) are kept in a sparse map, so one
/// outlier never allocates the keys in between. There are at most ⌈ln(max/min)/ln γ⌉ + 1 non-empty bins per sign,
/// never more than the number of values: 1 % accuracy over 1 ms … 1 h needs at most about 760 bins. Memory per sign
/// is at most 8·min(65 536, max(2 048, 16·(b + 1))) bytes for the array, b being the number of non-empty bins
/// (≤ 512 KiB; ≤ 16 KiB for b ≤ 127), plus about 24 bytes per outlying bin; 1 s … 1 h at 1 % is a 4–8 KiB array.
/// No bins are ever collapsed, so the guarantee holds for every quantile. α must be at least 1e-6, which keeps every
/// double's key inside <see cref="int"/>.
/// </para>
/// <para>
/// <b>JSON.</b> The state round-trips through System.Text.Json: <see cref="RelativeAccuracy"/>, <see cref="Count"/>,
/// <see cref="ZeroCount"/>, <see cref="Min"/>, <see cref="Max"/> and the non-empty bins as objects from key to count
/// (<see cref="PositiveBins"/>, <see cref="NegativeBins"/>), restored by the
/// <see cref="QuantileSketch(double, long, long, double?, double?, IReadOnlyDictionary{int, long}?, IReadOnlyDictionary{int, long}?)"/>
/// constructor. Instances are not thread-safe: use one per thread and merge.
/// </para>
/// </remarks>
public sealed class QuantileSketch
{
    /// <summary>The smallest accepted <see cref="RelativeAccuracy"/>.</summary>
    private const double MinRelativeAccuracy = 1e-6;

    // |ln x| ≤ 745 for every positive double (subnormals included), so |key| ≤ 745 / ln γ + 1.
    private const double MaxAbsLogValue = 745;

    private readonly double _logGamma;         // ln γ = 2·artanh(α)
    private readonly double _inverseLogGamma;  // 1 / ln γ
    private readonly double _logOneMinusAlpha; // ln(1 − α): representative = exp(i·ln γ + ln(1 − α))
    private readonly SketchBinStore _positive;
    private readonly SketchBinStore _negative;
    private long _count;
    private long _zeroCount;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    /// <summary>Creates an empty sketch with 1 % relative accuracy (α = 0.01).</summary>
    public QuantileSketch()
        : this(0.01)
    {
    }

    /// <summary>Creates an empty sketch with the given relative accuracy.</summary>
    /// <param name="relativeAccuracy">α, the relative error bound of every quantile, in [1e-6, 1); for example 0.01 for 1 %.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeAccuracy"/> is outside [1e-6, 1) or NaN.</exception>
    public QuantileSketch(double relativeAccuracy)
        : this(relativeAccuracy, SketchBinPolicy.Fast)
    {
    }

    // The streaming conversation totals keep many small sketches and pass SketchBinPolicy.Compact; the policy changes
    // memory and speed only, never a result or the JSON form.
    internal QuantileSketch(double relativeAccuracy, SketchBinPolicy policy)
    {
        if (!(relativeAccuracy >= MinRelativeAccuracy && relativeAccuracy < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(relativeAccuracy),
                relativeAccuracy,
                string.Create(CultureInfo.InvariantCulture, $"relativeAccuracy is {relativeAccuracy}; it must lie in [{MinRelativeAccuracy}, 1), for example 0.01 for 1 % relative error."));
        }

        RelativeAccuracy = relativeAccuracy;
        _positive = new SketchBinStore(policy);
        _negative = new SketchBinStore(policy);
        _logGamma = 2 * Math.Atanh(relativeAccuracy);
        _inverseLogGamma = 1 / _logGamma;
        _logOneMinusAlpha = Math.Log(1 - relativeAccuracy);
    }

    /// <summary>Restores a sketch from its state, for example after JSON deserialization.</summary>
    /// <param name="relativeAccuracy">α, in [1e-6, 1).</param>
    /// <param name="count">The number of values, equal to <paramref name="zeroCount"/> plus every bin count.</param>
    /// <param name="zeroCount">The number of values equal to zero, ≥ 0.</param>
    /// <param name="min">The smallest value; <see langword="null"/> exactly when <paramref name="count"/> is 0.</param>
    /// <param name="max">The largest value; <see langword="null"/> exactly when <paramref name="count"/> is 0.</param>
    /// <param name="positiveBins">Counts of positive values by bin key ⌈log_γ x⌉; <see langword="null"/> means none.</param>
    /// <param name="negativeBins">Counts of negative values by bin key ⌈log_γ |x|⌉; <see langword="null"/> means none.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="relativeAccuracy"/> is out of range, a count is negative, a bin key is impossible for
    /// <paramref name="relativeAccuracy"/>, or <paramref name="min"/>/<paramref name="max"/> is not finite.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The state is inconsistent: <paramref name="count"/> differs from the sum of the counts, min/max are missing or
    /// present against <paramref name="count"/>, min &gt; max, or their signs contradict the bins.
    /// </exception>
    [JsonConstructor]
    public QuantileSketch(
        double relativeAccuracy,
        long count,
        long zeroCount,
        double? min,
        double? max,
        IReadOnlyDictionary<int, long>? positiveBins,
        IReadOnlyDictionary<int, long>? negativeBins)
        : this(relativeAccuracy)
    {
        if (zeroCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(zeroCount), zeroCount, "zeroCount cannot be negative.");
        }

        FillStore(_positive, positiveBins, nameof(positiveBins));
        FillStore(_negative, negativeBins, nameof(negativeBins));
        long total;
        try
        {
            total = checked(zeroCount + _positive.Total + _negative.Total);
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("The bin counts add up to more than a long can hold.", nameof(count), e);
        }

        if (count != total)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"count is {count} but zeroCount and the bins add up to {total}."),
                nameof(count));
        }

        if ((count == 0) != (min is null) || (count == 0) != (max is null))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"min and max must be null exactly when count is 0 (count is {count})."),
                (count == 0) != (min is null) ? nameof(min) : nameof(max));
        }

        if (min is double lo && max is double hi)
        {
            Guard.Finite(lo, nameof(min));
            Guard.Finite(hi, nameof(max));
            if (lo > hi)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"min ({lo}) is greater than max ({hi})."), nameof(min));
            }

            int expectedMinSign = _negative.Total > 0 ? -1 : zeroCount > 0 ? 0 : 1;
            int expectedMaxSign = _positive.Total > 0 ? 1 : zeroCount > 0 ? 0 : -1;
            if (Math.Sign(lo) != expectedMinSign)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"min ({lo}) has the wrong sign for the bins and zero count."), nameof(min));
            }

            if (Math.Sign(hi) != expectedMaxSign)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"max ({hi}) has the wrong sign for the bins and zero count."), nameof(max));
            }

            _min = lo;
            _max = hi;
        }

        _count = count;
        _zeroCount = zeroCount;
    }

    /// <summary>α: every quantile is within this relative error of the exact one (see the remarks).</summary>
    public double RelativeAccuracy { get; }

    /// <summary>The number of values added.</summary>
    public long Count => _count;

    /// <summary>The number of values that were exactly zero (0 or −0).</summary>
    public long ZeroCount => _zeroCount;

    /// <summary>The exact smallest value, or <see langword="null"/> when empty.</summary>
    public double? Min => _count == 0 ? null : _min;

    /// <summary>The exact largest value, or <see langword="null"/> when empty.</summary>
    public double? Max => _count == 0 ? null : _max;

    /// <summary>
    /// The non-empty bins of positive values: key i = ⌈log_γ x⌉ (the bin of magnitudes (γ^(i−1), γ^i]) to count,
    /// enumerated in ascending key order. A read-only live view: it reflects later additions (do not add while
    /// enumerating it).
    /// </summary>
    public IReadOnlyDictionary<int, long> PositiveBins => _positive;

    /// <summary>
    /// The non-empty bins of negative values, keyed by the magnitude: key i = ⌈log_γ |x|⌉ to count, enumerated in
    /// ascending key order. A read-only live view: it reflects later additions (do not add while enumerating it).
    /// </summary>
    public IReadOnlyDictionary<int, long> NegativeBins => _negative;

    /// <summary>Adds one value.</summary>
    /// <param name="value">A finite number; negative values and zero are supported.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite; the sketch is unchanged.</exception>
    /// <remarks>Increments the count of bin ⌈log_γ |x|⌉ on the value's side (or the zero count) and updates min and max. O(1); allocates only when the dense bin window grows or an outlying bin appears.</remarks>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            ThrowHelper.NonFiniteValue(nameof(value), value);
        }

        AddUnchecked(value);
    }

    /// <summary>Adds a batch of values.</summary>
    /// <param name="values">The values, all finite. An empty span changes nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An element is NaN or infinite; the message names its index (<c>values[i]</c>) and value, and the sketch is
    /// unchanged (the whole batch is validated before anything is added).
    /// </exception>
    public void AddRange(ReadOnlySpan<double> values)
    {
        int bad = SpanMath.IndexOfNonFinite(values);
        if (bad >= 0)
        {
            ThrowHelper.NonFiniteValue(nameof(values), bad, values[bad]);
        }

        foreach (double value in values)
        {
            AddUnchecked(value);
        }
    }

    /// <summary>Merges another sketch into this one; the result is identical to a sketch of both inputs' values.</summary>
    /// <param name="other">A sketch with exactly the same <see cref="RelativeAccuracy"/>; it is not modified. Merging a sketch into itself doubles every count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sketches have different relative accuracies, so their bins do not line up.</exception>
    /// <remarks>Adds bin counts key by key, the zero counts and the counts, and takes the smaller min and larger max. Exact, associative and commutative.</remarks>
    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.RelativeAccuracy.Equals(RelativeAccuracy))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cannot merge a sketch with relative accuracy {other.RelativeAccuracy} into one with relative accuracy {RelativeAccuracy}: the relative accuracies must be equal so the bins line up."),
                nameof(other));
        }

        if (other._count == 0)
        {
            return;
        }

        long count = checked(_count + other._count);
        _positive.AddAll(other._positive);
        _negative.AddAll(other._negative);
        _zeroCount += other._zeroCount;
        _count = count;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    /// <summary>The approximate quantile at <paramref name="probability"/>, within relative error α of the exact element of rank ⌊p·(n − 1)⌋.</summary>
    /// <param name="probability">The probability p in [0, 1], for example 0.99 for the 99th percentile.</param>
    /// <returns>
    /// A value q with <c>|q − x₍ᵣ₎| ≤ α·|x₍ᵣ₎|</c> where r = ⌊p·(n − 1)⌋ is the 0-based rank in the sorted input
    /// (see the class remarks), or <see langword="null"/> when the sketch is empty.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN.</exception>
    /// <remarks>
    /// Walks the bins in value order (negative bins from the largest magnitude down, then zero, then positive bins
    /// up) to the one holding rank r, and returns its representative ±(1 − α)·γ^i clamped to [Min, Max]. Rank 0
    /// and rank n − 1 return the exact minimum and maximum. Note that the exact <see cref="Quantiles"/> interpolate
    /// (numpy "linear") while this returns an order statistic (numpy "lower").
    /// </remarks>
    public double? Quantile(double probability)
    {
        Guard.Probability(probability);
        if (_count == 0)
        {
            return null;
        }

        long rank = (long)Math.Floor(probability * (_count - 1));
        if (rank <= 0)
        {
            return _min;
        }

        if (rank >= _count - 1)
        {
            return _max;
        }

        double estimate;
        long negatives = _negative.Total;
        if (rank < negatives)
        {
            estimate = -Representative(_negative.KeyAtRank(rank, descending: true));
        }
        else if (rank < negatives + _zeroCount)
        {
            estimate = 0;
        }
        else
        {
            estimate = Representative(_positive.KeyAtRank(rank - negatives - _zeroCount, descending: false));
        }

        return Math.Clamp(estimate, _min, _max);
    }

    // Adds a value known to be finite (callers that produce values from integers skip the check in Add).
    internal void AddUnchecked(double value)
    {
        if (value > 0)
        {
            _positive.Add(Key(value), 1);
        }
        else if (value < 0)
        {
            _negative.Add(Key(-value), 1);
        }
        else
        {
            _zeroCount++;
        }

        _count++;
        if (value < _min)
        {
            _min = value;
        }

        if (value > _max)
        {
            _max = value;
        }
    }

    // The bin key of a positive magnitude; callers that keep bins themselves (the streaming customer tables) use it so
    // their bins line up with this sketch's.
    internal int BinKey(double magnitude) => Key(magnitude);

    // Adds `count` positive values known to fall in bin `key`; the caller widens Min and Max with WidenRange.
    internal void AddBin(int key, long count)
    {
        _positive.Add(key, count);
        _count = checked(_count + count);
    }

    // Adds `count` values equal to zero.
    internal void AddZeros(long count)
    {
        _zeroCount += count;
        _count = checked(_count + count);
    }

    internal void WidenRange(double min, double max)
    {
        _min = Math.Min(_min, min);
        _max = Math.Max(_max, max);
    }

    private int Key(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) * _inverseLogGamma);

    private double Representative(int key) => Math.Exp((key * _logGamma) + _logOneMinusAlpha);

    private void FillStore(SketchBinStore store, IReadOnlyDictionary<int, long>? bins, string paramName)
    {
        if (bins is null)
        {
            return;
        }

        double maxKey = (MaxAbsLogValue * _inverseLogGamma) + 1;
        foreach (KeyValuePair<int, long> bin in bins)
        {
            if (bin.Value < 0 || Math.Abs((double)bin.Key) > maxKey)
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    bin,
                    string.Create(CultureInfo.InvariantCulture, $"{paramName}[{bin.Key}] is {bin.Value}; counts must be >= 0 and keys within ±{Math.Floor(maxKey)} for relative accuracy {RelativeAccuracy}."));
            }

            if (bin.Value > 0)
            {
                store.Add(bin.Key, bin.Value);
            }
        }
    }
}
