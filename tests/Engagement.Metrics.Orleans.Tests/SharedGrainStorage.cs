using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Engagement.Metrics.Orleans.Tests;

/// <summary>
/// Test grain storage that behaves like an external database: one process-wide store that every silo of every test
/// cluster shares, which therefore survives a killed silo (Orleans' own memory storage keeps state in grains that
/// die with their silo). Values are deep copies (Orleans binary serialization) with optimistic ETag checks, and
/// <see cref="FailWrites"/> injects write failures for the grains of one tenant.
/// </summary>
internal sealed class SharedGrainStorage(Serializer serializer) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> Store = new();
    private static readonly Dictionary<string, int> Failures = new(StringComparer.Ordinal);
    private static long _version;

    /// <summary>Makes the next <paramref name="count"/> writes of grains whose key starts with <paramref name="tenant"/>| throw.</summary>
    public static void FailWrites(string tenant, int count)
    {
        lock (Failures)
        {
            Failures[tenant + "|"] = count;
        }
    }

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
        string grainKey = grainId.Key.ToString();
        lock (Failures)
        {
            foreach (KeyValuePair<string, int> failure in Failures)
            {
                if (failure.Value > 0 && grainKey.StartsWith(failure.Key, StringComparison.Ordinal))
                {
                    Failures[failure.Key] = failure.Value - 1;
                    throw new IOException("Injected storage failure.");
                }
            }
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
