using Floke.Web.Infrastructure.Data;
using Microsoft.Extensions.Caching.Memory;
using ZiggyCreatures.Caching.Fusion;

namespace Floke.Web.Infrastructure;

/// <summary>Results that are costly to compute and stay right until a save changes what they read: computed once per key
/// (one computation even when many ask at once, by FusionCache) and kept until <see cref="CacheInvalidation"/> marks them
/// stale after such a save commits — also those being computed then, which may have read the rows from before it. After a
/// change the next reader waits up to <c>Floke:{section}:FreshWait</c> (default 200 ms) for a fresh result; if computing
/// takes longer they get the previous one while the new one finishes in the background, and readers who come while it
/// runs get the previous one at once. So a reader sees their own change wherever it can be computed quickly, and the page
/// stays fast where it cannot. A computation is the cache's, not the reader's: it has its own database context, and it
/// goes on when the reader who started it leaves, because others will want its result.</summary>
public abstract class ComputedCache : IDisposable
{
    private readonly string _tag;
    private readonly string[] _tags;
    private readonly FusionCache _cache;
    private readonly MemoryCache? _memory; // FusionCache disposes only a memory cache it made itself
    private readonly KeyLocks _locks = new();
    private readonly FusionCacheEntryOptions _options;
    private readonly FusionCacheEntryOptions _inline;
    private readonly FusionCacheEntryOptions _notKept;
    private readonly int[] _asked;
    // The previous result (null when none) readers get at once, and until when: each key being computed (until it is
    // done), and each key whose computation failed (for RetryAfter, then it is tried again).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (object? Previous, DateTimeOffset Until)> _previous = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly CancellationToken _stopping;
    private readonly TimeProvider _clock;
    private readonly bool _long;
    private readonly ILogger _log;
    // How many times results were marked stale (InvalidateAsync) and forgotten (ClearAsync): a computation compares them
    // before and after (KeepAsync).
    private long _changes;
    private long _clears;

    /// <param name="sizeLimit">When set, the cache holds at most this many size units (see <see cref="GetAsync{T}"/>),
    /// dropping the least used first — for caches keyed by what users type.</param>
    /// <param name="askedKeys">How many keys asked once are remembered, for results kept from their second ask (see
    /// <see cref="GetAsync{T}"/>).</param>
    /// <param name="longComputations">Whether computations take seconds: each then runs on a thread of its own rather than
    /// the reader's. On SQLite a computation never yields (its queries run to the end on the thread that calls them), so
    /// on the reader's thread FusionCache's wait could not end before it did, and the first reader after a change waited
    /// for all of it; on the thread pool it would hold one of the few threads that serve requests for seconds.</param>
    protected ComputedCache(string name, string section, TimeSpan duration, float? eagerRefresh, long? sizeLimit,
        IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, TimeProvider clock, ILoggerFactory loggers,
        int askedKeys = 0, bool longComputations = false)
    {
        _log = loggers.CreateLogger(GetType());
        _long = longComputations;
        _asked = new int[askedKeys];
        _scopes = scopes;
        _clock = clock;
        _stopping = lifetime.ApplicationStopping;
        _tag = name;
        _tags = [name];
        // A save marks results stale (usable while the fresh ones are computed) rather than removing them.
        var options = new FusionCacheOptions { CacheName = name, RemoveByTagBehavior = RemoveByTagBehavior.Expire };
        if (sizeLimit is not null)
        {
            options.DefaultEntryOptions.Size = 1; // FusionCache's own entries (tag expirations) need a size too
        }
        _memory = sizeLimit is null ? null : new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit });
        _cache = new FusionCache(options, _memory, memoryLocker: _locks);
        _options = new FusionCacheEntryOptions
        {
            // Every change is signalled, so results need no short life.
            Duration = duration,
            IsFailSafeEnabled = true,
            FailSafeMaxDuration = TimeSpan.FromDays(1),
            FailSafeThrottleDuration = RetryAfter,
            FactorySoftTimeout = FreshWait(config.GetValue($"{section}:FreshWait", TimeSpan.FromMilliseconds(200))),
            AllowTimedOutFactoryBackgroundCompletion = true,
            Size = sizeLimit is null ? null : 1,
        };
        if (eagerRefresh is { } threshold)
        {
            _options.EagerRefreshThreshold = threshold;
        }
        _inline = new FusionCacheEntryOptions { Duration = duration, Size = _options.Size };
        _notKept = _options.Duplicate();
        _notKept.SkipMemoryCacheWrite = true;
    }

    /// <summary>How long after a failed computation readers get the previous result before the next one tries again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>How long a reader waits for a fresh result. FusionCache takes a zero (or negative) soft timeout as timed out
    /// before the computation starts: the previous result would be served and never recomputed. "Never wait" is therefore
    /// one millisecond — the computation starts, the reader gets the previous result, the new one replaces it when done.
    /// <see cref="Timeout.InfiniteTimeSpan"/> means always wait.</summary>
    private static TimeSpan FreshWait(TimeSpan configured) =>
        configured == Timeout.InfiniteTimeSpan ? configured : TimeSpan.FromTicks(Math.Max(configured.Ticks, TimeSpan.TicksPerMillisecond));

    /// <summary>The result under <paramref name="key"/>; <paramref name="compute"/> is given its own context and the time it
    /// started (which a result may carry, so readers know how fresh it is). <paramref name="size"/> tells a size-limited
    /// cache how much room a result takes. <paramref name="fromSecondAsk"/>: a result is kept only when its key was asked
    /// before (among the last keys asked, as many as the cache remembers) — for results most of which nobody asks again,
    /// which would otherwise push out those that are, and each live long enough to be collected as old garbage.</summary>
    public async ValueTask<T> GetAsync<T>(string key, Func<FlokeDbContext, DateTimeOffset, CancellationToken, Task<T>> compute,
        CancellationToken ct, Func<T, long>? size = null, bool fromSecondAsk = false)
    {
        // While the key is being computed, or for a while after it failed, its previous result at once. FusionCache would
        // have every such reader wait for the key's lock up to FreshWait: seconds of 200 ms waits for a slow figure. Nor is
        // the previous result read from FusionCache (TryGetAsync): a read that finds a result marked stale by a change marks
        // it stale again, and when the new result was stored in between, that mark fell on the new one — the next reader
        // computed it all again.
        if (_previous.TryGetValue(key, out var previous) && previous.Previous is T kept && _clock.GetUtcNow() < previous.Until)
        {
            return kept;
        }
        // Not the reader's token: one who leaves stops waiting (below), and what they started still finishes and is kept.
        // (Given to FusionCache, a reader who left threw the computation away, and the next reader started it again.)
        var result = _cache.GetOrSetAsync<T>(key, async (context, _) =>
        {
            var changes = Changes();
            object? stale = context.HasStaleValue ? context.StaleValue.Value : null;
            _previous[key] = (stale, DateTimeOffset.MaxValue);
            var failed = false;
            try
            {
                var value = _long
                    ? await Task.Factory.StartNew(() => ComputeAsync(compute), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()
                    : await ComputeAsync(compute);
                if (size is not null)
                {
                    context.Options.Size = Math.Max(1, size(value));
                }
                await KeepAsync(context, key, value, changes);
                return value;
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                // FusionCache gives the readers the previous result (fail-safe) and says nothing. A result marked stale by a
                // change is stale again at every read, so its fail-safe throttle never held: the next reader started the same
                // failing computation at once (the spread of solutions, out of memory at 2.5 × national scale, ten times in
                // fifteen seconds: bench README "Thirty-first session").
                _log.LogError(e, "Computing {Key} for the {Cache} cache failed; readers get the previous result, and it is computed again after {Seconds} s",
                    key, _tag, RetryAfter.TotalSeconds);
                failed = stale is not null;
                throw;
            }
            finally
            {
                if (failed)
                {
                    _previous[key] = (stale, _clock.GetUtcNow() + RetryAfter);
                }
                else
                {
                    _previous.TryRemove(key, out var _);
                }
            }
        }, fromSecondAsk && !AskedBefore(key) ? _notKept : _options, _tags, CancellationToken.None);
        return result.IsCompletedSuccessfully ? result.Result : await result.AsTask().WaitAsync(ct);
    }

    private async Task<T> ComputeAsync<T>(Func<FlokeDbContext, DateTimeOffset, CancellationToken, Task<T>> compute)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await compute(scope.ServiceProvider.GetRequiredService<FlokeDbContext>(), _clock.GetUtcNow(), _stopping);
    }

    /// <summary>Whether <paramref name="key"/> was asked before, remembering that it is now: a table of the hashes of the
    /// keys asked, each in the slot its hash picks, so a key is forgotten when a later one takes its slot (a collision of
    /// two hashes only keeps a result that need not have been). Races between readers lose a remembered key at worst.</summary>
    private bool AskedBefore(string key)
    {
        if (_asked.Length == 0)
        {
            return true;
        }
        var hash = key.GetHashCode() | 1; // never 0, an empty slot
        ref var slot = ref _asked[(uint)hash % (uint)_asked.Length];
        if (slot == hash)
        {
            return true;
        }
        slot = hash;
        return false;
    }

    /// <summary>The result under <paramref name="key"/>, computed by the caller on its own context when missing or stale:
    /// for results quick enough that the reader always waits for a fresh one after a change, and for parts of a result that
    /// must be fresh when it is computed (a result computed from a stale part would be kept as fresh). <paramref name="size"/>
    /// as in <see cref="GetAsync{T}"/>.</summary>
    public ValueTask<T> GetInlineAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct, Func<T, long>? size = null) =>
        _cache.GetOrSetAsync<T>(key, async (context, token) =>
        {
            var changes = Changes();
            var value = await compute(token);
            if (size is not null)
            {
                context.Options.Size = Math.Max(1, size(value));
            }
            await KeepAsync(context, key, value, changes);
            return value;
        }, _inline, _tags, ct);

    /// <summary>Stores <paramref name="value"/>, computed from rows read after the changes counted in
    /// <paramref name="before"/> were marked, where FusionCache would store it after the computation returns. FusionCache
    /// stamps a result with the time it is stored, so one computed before a change but stored after the change was marked
    /// was kept as fresh, without it (the national figures for ten minutes). So: stored first, then the changes counted
    /// again. A change marked before the store is counted, and the result is marked stale (the next reader computes it
    /// again; until then it is the previous result); one marked after the store marks the stored result stale itself. The
    /// key's lock, which FusionCache holds while its computation runs, keeps another computation of the key from storing
    /// in between.</summary>
    private async ValueTask KeepAsync<T>(FusionCacheFactoryExecutionContext<T> context, string key, T value, (long Changes, long Clears) before)
    {
        var options = context.Options;
        if (options.SkipMemoryCacheWrite)
        {
            return; // not kept (GetAsync's fromSecondAsk)
        }
        await _cache.SetAsync(key, value, options, _tags, CancellationToken.None);
        var after = Changes();
        if (after.Clears != before.Clears)
        {
            await _cache.RemoveAsync(key, options, CancellationToken.None); // forgotten: not even as the previous result
        }
        else if (after.Changes != before.Changes)
        {
            await _cache.ExpireAsync(key, options, CancellationToken.None);
        }
        options.SkipMemoryCacheWrite = true; // stored: FusionCache would store it again, stamped later
    }

    private (long Changes, long Clears) Changes() => (Interlocked.Read(ref _changes), Interlocked.Read(ref _clears));

    /// <summary>Puts <paramref name="value"/> under <paramref name="key"/> as <see cref="GetInlineAsync{T}"/> would keep it.</summary>
    public ValueTask SetInlineAsync<T>(string key, T value, CancellationToken ct) => _cache.SetAsync(key, value, _inline, _tags, ct);

    /// <summary>How many keys are being computed or waited for now; their locks go when they are done (<see cref="KeyLocks"/>).</summary>
    public int KeysInComputation => _locks.Count;

    /// <summary>Marks every result stale: the next reader recomputes it, or gets it as it was if that takes long.</summary>
    public ValueTask InvalidateAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _changes);
        return _cache.RemoveByTagAsync(_tag, token: ct);
    }

    /// <summary>Forgets every result, so the next reader waits for a fresh one — for tests and tools, when nothing is being
    /// computed: a computation that runs when it is called still ends (readers meanwhile get the result it replaces), and
    /// what it computed is not kept.</summary>
    public ValueTask ClearAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _clears);
        return _cache.ClearAsync(allowFailSafe: false, token: ct);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _memory?.Dispose();
        _locks.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>National figures (who invests, who gains; the spread of solutions; the insights dashboard) are sums over the
/// whole country: at national scale computing one takes from a second to many. Kept until anything they count
/// (<see cref="ICountedNationally"/>) is saved, and refreshed in the background near the end of their ten minutes.</summary>
public sealed class InsightsCache(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILoggerFactory loggers)
    : ComputedCache("insights", "Floke:Insights", TimeSpan.FromMinutes(10), 0.9f, null, scopes, config, lifetime, clock, loggers, longComputations: true);

/// <summary>An entity the national figures count: saving a change to one marks the cached figures stale.</summary>
public interface ICountedNationally;
