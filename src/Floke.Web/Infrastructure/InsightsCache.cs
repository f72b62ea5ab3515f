using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ZiggyCreatures.Caching.Fusion;

namespace Floke.Web.Infrastructure;

/// <summary>National figures (who invests, who gains; the spread of solutions) are sums over the whole country: at national
/// scale computing one takes from a second to many. They are computed once per filter (one computation even when many ask
/// at once, by FusionCache) and kept until anything they count is saved (<see cref="InsightsInvalidation"/>). After a
/// change the next reader waits up to <c>Floke:Insights:FreshWait</c> (default 200 ms) for fresh figures; if computing
/// takes longer they get the previous figures — with the time they were computed — while the new ones finish in the
/// background. So a reader sees their own change wherever it can be computed quickly, and the page stays fast where
/// it cannot. Each computation has its own database context, because it may outlive the request that started it.</summary>
public sealed class InsightsCache : IDisposable
{
    private const string Tag = "insights";
    private static readonly string[] Tags = [Tag];
    private readonly FusionCache _cache;
    private readonly FusionCacheEntryOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly CancellationToken _stopping;
    private readonly TimeProvider _clock;

    public InsightsCache(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _stopping = lifetime.ApplicationStopping;
        // Saving marks the figures stale (usable while the fresh ones are computed) rather than removing them.
        _cache = new FusionCache(new FusionCacheOptions { CacheName = "insights", RemoveByTagBehavior = RemoveByTagBehavior.Expire });
        _options = new FusionCacheEntryOptions
        {
            // Every change is signalled, so the figures need no short life; they are refreshed in the background near the end of it.
            Duration = TimeSpan.FromMinutes(10),
            EagerRefreshThreshold = 0.9f,
            IsFailSafeEnabled = true,
            FailSafeMaxDuration = TimeSpan.FromDays(1),
            FailSafeThrottleDuration = TimeSpan.FromSeconds(5),
            FactorySoftTimeout = config.GetValue("Floke:Insights:FreshWait", TimeSpan.FromMilliseconds(200)),
            AllowTimedOutFactoryBackgroundCompletion = true,
        };
    }

    /// <summary>The figures under <paramref name="key"/>; <paramref name="compute"/> is given its own context and the time
    /// it started, which the figures should carry so readers know how fresh they are.</summary>
    public ValueTask<T> GetAsync<T>(string key, Func<FlokeDbContext, DateTimeOffset, CancellationToken, Task<T>> compute, CancellationToken ct) =>
        _cache.GetOrSetAsync<T>(key, async (_, _) =>
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await compute(scope.ServiceProvider.GetRequiredService<FlokeDbContext>(), _clock.GetUtcNow(), _stopping);
        }, _options, Tags, ct);

    /// <summary>Marks every figure stale: the next reader recomputes it, or gets it as it was if that takes long.</summary>
    public ValueTask InvalidateAsync(CancellationToken ct = default) => _cache.RemoveByTagAsync(Tag, token: ct);

    /// <summary>Forgets every figure, so the next reader waits for a fresh one.</summary>
    public ValueTask ClearAsync(CancellationToken ct = default) => _cache.ClearAsync(allowFailSafe: false, token: ct);

    public void Dispose() => _cache.Dispose();
}

/// <summary>An entity the national figures count: saving a change to one marks the cached figures stale.</summary>
public interface ICountedNationally;

/// <summary>Marks the cached national figures stale after every save that added, changed or removed an
/// <see cref="ICountedNationally"/> entity — one place, so no command can forget it.</summary>
public sealed class InsightsInvalidation(InsightsCache cache) : SaveChangesInterceptor
{
    // One DbContext per request, one save at a time: the flag is set while saving and read when the save succeeded.
    private readonly AsyncLocal<bool> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        _pending.Value = eventData.Context?.ChangeTracker.Entries<ICountedNationally>()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) == true;
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_pending.Value)
        {
            _pending.Value = false;
            await cache.InvalidateAsync(cancellationToken);
        }
        return result;
    }
}
