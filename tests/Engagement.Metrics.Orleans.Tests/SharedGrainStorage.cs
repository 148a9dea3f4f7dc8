using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Engagement.Metrics.Orleans.Tests;

/// <summary>
/// Test grain storage that behaves like an external database: one process-wide store that every silo of every test
/// cluster shares, which therefore survives a killed silo (Orleans' own memory storage keeps state in grains that
/// die with their silo). Values are deep copies (Orleans binary serialization) with optimistic ETag checks, and
/// <see cref="FailNextWrites"/> injects write failures.
/// </summary>
internal sealed class SharedGrainStorage(Serializer serializer) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> Store = new();
    private static int _failNextWrites;
    private static long _version;

    public static int FailNextWrites
    {
        get => Volatile.Read(ref _failNextWrites);
        set => Volatile.Write(ref _failNextWrites, value);
    }

    public static int WrittenKeys => Store.Count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Store.TryGetValue(Key(stateName, grainId), out (byte[] Data, string ETag) stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        int remaining = Volatile.Read(ref _failNextWrites);
        while (remaining > 0)
        {
            if (Interlocked.CompareExchange(ref _failNextWrites, remaining - 1, remaining) == remaining)
            {
                throw new IOException("Injected storage failure.");
            }

            remaining = Volatile.Read(ref _failNextWrites);
        }

        string key = Key(stateName, grainId);
        string etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        byte[] data = serializer.SerializeToArray(grainState.State);
        lock (Store)
        {
            bool exists = Store.TryGetValue(key, out (byte[] Data, string ETag) current);
            if (exists ? current.ETag != grainState.ETag : grainState.ETag is not null)
            {
                throw new InconsistentStateException($"ETag mismatch for {key}.", current.ETag, grainState.ETag);
            }

            Store[key] = (data, etag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Store.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => stateName + "/" + grainId;
}
