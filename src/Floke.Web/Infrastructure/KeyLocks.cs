using System.Collections.Concurrent;
using ZiggyCreatures.Caching.Fusion.Locking;

namespace Floke.Web.Infrastructure;

/// <summary>The locks that let one computation run per cache key (<see cref="ComputedCache"/>), held only while a key is
/// being computed or waited for. FusionCache's own locker keeps a semaphore for every key asked in the last five minutes,
/// in a memory cache of its own with no size limit: under the national-scale bench the search cache's keys (one per query,
/// page and filter) left 131,000 of them alive, about 70 MB of the 160 MB the heap held after a full collection — more than
/// the results the cache may hold. Here a key's lock is counted by those holding or waiting for it and dropped when the
/// last lets go, so the memory is bounded by the requests in flight. A lock is per key (never shared between keys by a
/// hash), because a computation may ask the cache for another key while it holds its own. The same locks queue the app's
/// writers to one database row (<see cref="Data.PostgresFlokeDbContext"/>): waiters are served in the order they came.</summary>
public sealed class KeyLocks : IFusionCacheMemoryLocker
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>How many keys have a lock now (held or waited for): zero when nothing is being computed.</summary>
    public int Count => _gates.Count;

    public async ValueTask<object?> AcquireLockAsync(string cacheName, string cacheInstanceId, string operationId, string key, TimeSpan timeout,
        ILogger? logger, CancellationToken token)
    {
        var gate = Enter(key);
        var held = false;
        try
        {
            held = await gate.Semaphore.WaitAsync(timeout, token).ConfigureAwait(false);
            return held ? gate : null;
        }
        finally
        {
            if (!held)
            {
                Leave(gate); // timed out or cancelled: no longer waiting
            }
        }
    }

    /// <summary>Waits, after those who came before, until the key is this caller's alone; disposing the answer lets the next in.</summary>
    public async Task<IDisposable> WaitAsync(string key, CancellationToken ct)
    {
        var held = await AcquireLockAsync("", "", "", key, Timeout.InfiniteTimeSpan, null, ct).ConfigureAwait(false);
        return new Held(this, (Gate)held!);
    }

    public object? AcquireLock(string cacheName, string cacheInstanceId, string operationId, string key, TimeSpan timeout, ILogger? logger,
        CancellationToken token)
    {
        var gate = Enter(key);
        var held = false;
        try
        {
            held = gate.Semaphore.Wait(timeout, token);
            return held ? gate : null;
        }
        finally
        {
            if (!held)
            {
                Leave(gate); // timed out or cancelled: no longer waiting
            }
        }
    }

    public void ReleaseLock(string cacheName, string cacheInstanceId, string operationId, string key, object? lockObj, ILogger? logger)
    {
        if (lockObj is Gate gate)
        {
            gate.Semaphore.Release();
            Leave(gate);
        }
    }

    /// <summary>The key's gate, counted as used by the caller. A gate whose last user has left is retired (its count set to
    /// -1) and taken out of the table; a caller who found it there just before tries again and gets a new one.</summary>
    private Gate Enter(string key)
    {
        while (true)
        {
            var gate = _gates.GetOrAdd(key, static k => new Gate(k));
            lock (gate)
            {
                if (gate.Users >= 0)
                {
                    gate.Users++;
                    return gate;
                }
            }
        }
    }

    private void Leave(Gate gate)
    {
        lock (gate)
        {
            if (--gate.Users > 0)
            {
                return;
            }
            gate.Users = -1;
        }
        _gates.TryRemove(new KeyValuePair<string, Gate>(gate.Key, gate));
    }

    public void Dispose()
    {
    }

    private sealed class Held(KeyLocks locks, Gate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                locks.ReleaseLock("", "", "", gate.Key, gate, null);
            }
        }
    }

    private sealed class Gate(string key)
    {
        public string Key { get; } = key;
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users;
    }
}
