using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Service;

/// <summary>
/// A single-pass, mergeable accumulator of the per-contact KPIs (<see cref="ServiceResult"/>): FCR from the flag,
/// AHT and its components, ASA and wait percentiles, service level, abandonment rate, escalation rate, and
/// asynchronous first-response and resolution times.
/// </summary>
/// <remarks>
/// <para>
/// <b>State.</b> Counts and sums of ticks (exact, so merging is exact, associative and commutative) plus four
/// <see cref="QuantileSketch"/>es (handle time, wait, first response, resolution) whose merges are also exact. The
/// memory does not grow with the number of contacts, apart from the sketches, which grow with the logarithm of the
/// range of durations (at most a few hundred bins each at α = 1 %). Tick sums overflow only after about 29 000 years
/// of summed durations. With <see cref="ServiceOptions.Percentiles"/> off the sketches stay empty and the medians
/// and p90s are <see langword="null"/>; the sketch inserts (one logarithm and one array increment each) are about
/// half the cost of a pass.
/// </para>
/// <para>
/// <b>Definitions.</b> Handled = neither abandoned nor self-service; FCR (flag), AHT and escalation are over handled
/// contacts. Answered = has <see cref="ContactRecord.AnsweredAt"/>; wait = answered − queued. An abandoned contact's
/// wait is ended − queued; it is a short abandon when that is below <see cref="ServiceOptions.ShortAbandonThreshold"/>,
/// and an abandon without <see cref="ContactRecord.EndedAt"/> counts as a long (counted) abandon, the conservative
/// choice. First response time = first response − queued and resolution time = resolved − queued, for contacts that
/// have those timestamps.
/// </para>
/// <para>
/// <b>Bad input.</b> <see cref="Add(in ContactRecord)"/> and <see cref="AddRange(ReadOnlySpan{ContactRecord})"/>
/// validate with <see cref="ContactRecord.Validate"/> before changing anything: a rejected batch leaves the
/// accumulator exactly as it was. Not thread-safe: use one per thread and <see cref="Merge(ServiceAccumulator)"/>.
/// </para>
/// </remarks>
public sealed class ServiceAccumulator : IMergeableAccumulator<ServiceAccumulator>
{
    private QuantileSketch _handleTimes;
    private QuantileSketch _waits;
    private QuantileSketch _firstResponses;
    private QuantileSketch _resolutions;
    private readonly long _serviceLevelTicks;
    private readonly long _shortAbandonTicks;
    private readonly long _firstResponseTargetTicks;
    private readonly long _resolutionTargetTicks;
    private readonly bool _percentiles;
    private long _contacts;
    private long _handled;
    private long _resolved;
    private long _escalated;
    private long _selfService;
    private long _talkTicks;
    private long _holdTicks;
    private long _conferenceTicks;
    private long _wrapTicks;
    private long _answered;
    private long _answeredWithinThreshold;
    private long _waitTicks;
    private long _abandoned;
    private long _shortAbandoned;
    private long _firstResponseCount;
    private long _firstResponseTicks;
    private long _firstResponsesWithinTarget;
    private long _resolutionCount;
    private long _resolutionTicks;
    private long _resolutionsWithinTarget;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Thresholds and targets; <see cref="ServiceOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ServiceAccumulator(ServiceOptions? options = null)
    {
        Options = (options ?? ServiceOptions.Default).Validate();
        _handleTimes = new QuantileSketch(Options.QuantileRelativeAccuracy);
        _waits = new QuantileSketch(Options.QuantileRelativeAccuracy);
        _firstResponses = new QuantileSketch(Options.QuantileRelativeAccuracy);
        _resolutions = new QuantileSketch(Options.QuantileRelativeAccuracy);
        _serviceLevelTicks = Options.ServiceLevelThreshold.Ticks;
        _shortAbandonTicks = Options.ShortAbandonThreshold.Ticks;
        _firstResponseTargetTicks = Options.FirstResponseTarget.Ticks;
        _resolutionTargetTicks = Options.ResolutionTarget.Ticks;
        _percentiles = Options.Percentiles;
    }

    /// <summary>Restores an accumulator from its state (the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="counts">The counters, as returned by <see cref="Counts"/>.</param>
    /// <param name="handleTimes">The handle-time sketch (seconds).</param>
    /// <param name="waits">The wait sketch (seconds).</param>
    /// <param name="firstResponses">The first-response sketch (seconds).</param>
    /// <param name="resolutions">The resolution sketch (seconds).</param>
    /// <exception cref="ArgumentException">A sketch's accuracy differs from the options', its count differs from the matching counter, or a counter is negative.</exception>
    [JsonConstructor]
    public ServiceAccumulator(ServiceOptions options, IReadOnlyList<long> counts, QuantileSketch handleTimes, QuantileSketch waits, QuantileSketch firstResponses, QuantileSketch resolutions)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != CounterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"counts has {counts.Count} elements; {CounterCount} are expected."), nameof(counts));
        }

        for (int i = 0; i < CounterCount; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"counts[{i}] is {counts[i]}; counts cannot be negative."), nameof(counts));
            }
        }

        _contacts = counts[0];
        _handled = counts[1];
        _resolved = counts[2];
        _escalated = counts[3];
        _selfService = counts[4];
        _talkTicks = counts[5];
        _holdTicks = counts[6];
        _conferenceTicks = counts[7];
        _wrapTicks = counts[8];
        _answered = counts[9];
        _answeredWithinThreshold = counts[10];
        _waitTicks = counts[11];
        _abandoned = counts[12];
        _shortAbandoned = counts[13];
        _firstResponseCount = counts[14];
        _firstResponseTicks = counts[15];
        _firstResponsesWithinTarget = counts[16];
        _resolutionCount = counts[17];
        _resolutionTicks = counts[18];
        _resolutionsWithinTarget = counts[19];
        bool sketched = Options.Percentiles;
        Restore(_handleTimes, handleTimes, sketched ? _handled : 0, nameof(handleTimes));
        Restore(_waits, waits, sketched ? _answered : 0, nameof(waits));
        Restore(_firstResponses, firstResponses, sketched ? _firstResponseCount : 0, nameof(firstResponses));
        Restore(_resolutions, resolutions, sketched ? _resolutionCount : 0, nameof(resolutions));
    }

    private const int CounterCount = 20;

    // 1 024 records of 112 bytes: small enough to stay in L2 between validation and application.
    private const int ChunkSize = 1024;

    /// <summary>The options.</summary>
    public ServiceOptions Options { get; }

    /// <summary>The number of contacts added.</summary>
    [JsonIgnore]
    public long Count => _contacts;

    /// <summary>
    /// The counters, in this order: contacts, handled, resolved, escalated, selfService, talkTicks, holdTicks,
    /// conferenceTicks, wrapTicks, answered, answeredWithinThreshold, waitTicks, abandoned, shortAbandoned,
    /// firstResponses, firstResponseTicks, firstResponsesWithinTarget, resolutions, resolutionTicks,
    /// resolutionsWithinTarget (the persisted state; ticks are 100 ns).
    /// </summary>
    public IReadOnlyList<long> Counts =>
    [
        _contacts, _handled, _resolved, _escalated, _selfService, _talkTicks, _holdTicks, _conferenceTicks, _wrapTicks,
        _answered, _answeredWithinThreshold, _waitTicks, _abandoned, _shortAbandoned, _firstResponseCount,
        _firstResponseTicks, _firstResponsesWithinTarget, _resolutionCount, _resolutionTicks, _resolutionsWithinTarget,
    ];

    /// <summary>The sketch of handle times of handled contacts, in seconds.</summary>
    public QuantileSketch HandleTimes => _handleTimes;

    /// <summary>The sketch of waits of answered contacts, in seconds.</summary>
    public QuantileSketch Waits => _waits;

    /// <summary>The sketch of first response times, in seconds.</summary>
    public QuantileSketch FirstResponses => _firstResponses;

    /// <summary>The sketch of resolution times, in seconds.</summary>
    public QuantileSketch Resolutions => _resolutions;

    /// <summary>Adds one contact.</summary>
    /// <param name="contact">The contact.</param>
    /// <exception cref="ArgumentException">The contact is invalid (see <see cref="ContactRecord.Validate"/>); nothing is added.</exception>
    public void Add(in ContactRecord contact)
    {
        contact.Validate();
        Apply(contact);
    }

    /// <summary>Adds a batch of contacts; the whole batch is validated first.</summary>
    /// <param name="contacts">The contacts.</param>
    /// <exception cref="ArgumentException">A contact is invalid; the message names its index and id, and nothing from the batch is added.</exception>
    public void AddRange(ReadOnlySpan<ContactRecord> contacts)
    {
        // Validate and apply chunk by chunk, so each chunk is still in cache when it is applied (one pass over
        // memory instead of two); a batch longer than one chunk snapshots the state first and restores it if a
        // later chunk turns out to be invalid, so a rejected batch still leaves the accumulator exactly as it was.
        ServiceAccumulator? snapshot = contacts.Length > ChunkSize ? Snapshot() : null;
        for (int start = 0; start < contacts.Length; start += ChunkSize)
        {
            ReadOnlySpan<ContactRecord> chunk = contacts.Slice(start, Math.Min(ChunkSize, contacts.Length - start));
            for (int i = 0; i < chunk.Length; i++)
            {
                if (!chunk[i].IsValid)
                {
                    if (snapshot is not null)
                    {
                        Restore(snapshot);
                    }

                    chunk[i].ValidateAt(start + i);
                }
            }

            foreach (ref readonly ContactRecord contact in chunk)
            {
                Apply(contact);
            }
        }
    }

    /// <summary>Adds another accumulator's contacts to this one; exact, associative and commutative.</summary>
    /// <param name="other">An accumulator with equal options; it is not modified.</param>
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(ServiceAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Options != Options)
        {
            throw new ArgumentException("Cannot merge service accumulators with different options: thresholds and targets must be equal.", nameof(other));
        }

        IReadOnlyList<long> c = other.Counts;
        _contacts += c[0];
        _handled += c[1];
        _resolved += c[2];
        _escalated += c[3];
        _selfService += c[4];
        _talkTicks += c[5];
        _holdTicks += c[6];
        _conferenceTicks += c[7];
        _wrapTicks += c[8];
        _answered += c[9];
        _answeredWithinThreshold += c[10];
        _waitTicks += c[11];
        _abandoned += c[12];
        _shortAbandoned += c[13];
        _firstResponseCount += c[14];
        _firstResponseTicks += c[15];
        _firstResponsesWithinTarget += c[16];
        _resolutionCount += c[17];
        _resolutionTicks += c[18];
        _resolutionsWithinTarget += c[19];
        _handleTimes.Merge(other._handleTimes);
        _waits.Merge(other._waits);
        _firstResponses.Merge(other._firstResponses);
        _resolutions.Merge(other._resolutions);
    }

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    public ServiceAccumulator CreateEmpty() => new(Options);

    /// <summary>The KPIs of the contacts so far.</summary>
    /// <returns>The result; KPIs without data have <see langword="null"/> values.</returns>
    public ServiceResult ToResult()
    {
        double level = Options.ConfidenceLevel;
        long countedAbandons = _abandoned - _shortAbandoned;
        long offered = _answered + countedAbandons;
        return new ServiceResult(
            _contacts,
            _abandoned,
            _shortAbandoned,
            _selfService,
            new RateResult(_handled, _resolved, level),
            new HandleTimeResult(_handled, Mean(_talkTicks, _handled), Mean(_holdTicks, _handled), Mean(_conferenceTicks, _handled), Mean(_wrapTicks, _handled), _handleTimes.Quantile(0.5), _handleTimes.Quantile(0.9)),
            DurationResult.From(_answered, _waitTicks, _waits, Options.ServiceLevelThreshold, _answeredWithinThreshold),
            new RateResult(offered, _answeredWithinThreshold, level),
            new RateResult(offered, countedAbandons, level),
            new RateResult(_handled, _escalated, level),
            DurationResult.From(_firstResponseCount, _firstResponseTicks, _firstResponses, Options.FirstResponseTarget, _firstResponsesWithinTarget),
            DurationResult.From(_resolutionCount, _resolutionTicks, _resolutions, Options.ResolutionTarget, _resolutionsWithinTarget));
    }

    private static void AddDuration(long ticks, long targetTicks, ref long count, ref long sumTicks, ref long withinTarget, QuantileSketch? sketch)
    {
        count++;
        sumTicks += ticks;
        withinTarget += ticks <= targetTicks ? 1 : 0;
        sketch?.AddUnchecked((double)ticks / TimeSpan.TicksPerSecond); // finite: a long over 10⁷
    }

    private ServiceAccumulator Snapshot()
    {
        var copy = new ServiceAccumulator(Options);
        copy.Merge(this);
        return copy;
    }

    // Takes over a snapshot's state (the snapshot is discarded afterwards, so its sketches can be reused).
    private void Restore(ServiceAccumulator s)
    {
        (_contacts, _handled, _resolved, _escalated, _selfService) = (s._contacts, s._handled, s._resolved, s._escalated, s._selfService);
        (_talkTicks, _holdTicks, _conferenceTicks, _wrapTicks) = (s._talkTicks, s._holdTicks, s._conferenceTicks, s._wrapTicks);
        (_answered, _answeredWithinThreshold, _waitTicks, _abandoned, _shortAbandoned) = (s._answered, s._answeredWithinThreshold, s._waitTicks, s._abandoned, s._shortAbandoned);
        (_firstResponseCount, _firstResponseTicks, _firstResponsesWithinTarget) = (s._firstResponseCount, s._firstResponseTicks, s._firstResponsesWithinTarget);
        (_resolutionCount, _resolutionTicks, _resolutionsWithinTarget) = (s._resolutionCount, s._resolutionTicks, s._resolutionsWithinTarget);
        (_handleTimes, _waits, _firstResponses, _resolutions) = (s._handleTimes, s._waits, s._firstResponses, s._resolutions);
    }

    private static double? Mean(long ticks, long count) => count > 0 ? (double)ticks / count / TimeSpan.TicksPerSecond : null;

    private static void Restore(QuantileSketch target, QuantileSketch source, long expectedCount, string paramName)
    {
        ArgumentNullException.ThrowIfNull(source, paramName);
        if (source.Count != expectedCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} holds {source.Count} values but its counter says {expectedCount}."), paramName);
        }

        target.Merge(source);
    }

    private void Apply(in ContactRecord c)
    {
        _contacts++;
        long queued = c.QueuedTicks;
        if (c.SelfService)
        {
            _selfService++;
        }

        if (c.Abandoned)
        {
            _abandoned++;
            long ended = c.EndedTicks;
            if (ContactRecord.IsTime(ended) && ended - queued < _shortAbandonTicks)
            {
                _shortAbandoned++;
            }
        }
        else if (!c.SelfService)
        {
            _handled++;
            _resolved += c.Resolved ? 1 : 0;
            _escalated += c.Escalated ? 1 : 0;
            long talk = c.TalkTicks, hold = c.HoldTicks, conference = c.ConferenceTicks, wrap = c.WrapTicks;
            _talkTicks += talk;
            _holdTicks += hold;
            _conferenceTicks += conference;
            _wrapTicks += wrap;
            if (_percentiles)
            {
                _handleTimes.AddUnchecked((double)(talk + hold + conference + wrap) / TimeSpan.TicksPerSecond);
            }
        }

        long answered = c.AnsweredTicks;
        if (ContactRecord.IsTime(answered))
        {
            AddDuration(answered - queued, _serviceLevelTicks, ref _answered, ref _waitTicks, ref _answeredWithinThreshold, _percentiles ? _waits : null);
        }

        long first = c.FirstResponseTicks;
        if (ContactRecord.IsTime(first))
        {
            AddDuration(first - queued, _firstResponseTargetTicks, ref _firstResponseCount, ref _firstResponseTicks, ref _firstResponsesWithinTarget, _percentiles ? _firstResponses : null);
        }

        long resolvedAt = c.ResolvedTicks;
        if (ContactRecord.IsTime(resolvedAt))
        {
            AddDuration(resolvedAt - queued, _resolutionTargetTicks, ref _resolutionCount, ref _resolutionTicks, ref _resolutionsWithinTarget, _percentiles ? _resolutions : null);
        }
    }
}
