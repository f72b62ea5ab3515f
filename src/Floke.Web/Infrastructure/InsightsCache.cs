using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;

namespace Floke.Web.Infrastructure;

/// <summary>National figures (who invests, who gains; the spread of solutions) are sums over the whole country. They are
/// computed once per filter and kept for a minute — one computation even when many ask at once — and dropped as soon as
/// anything they count is saved (<see cref="InsightsInvalidation"/>), so a reader always sees their own change.</summary>
public sealed class InsightsCache(HybridCache cache)
{
    private const string Tag = "insights";
    private static readonly HybridCacheEntryOptions Options = new() { Expiration = TimeSpan.FromMinutes(1), LocalCacheExpiration = TimeSpan.FromMinutes(1) };
    private static readonly string[] Tags = [Tag];

    public ValueTask<T> GetAsync<T>(string key, Func<CancellationToken, ValueTask<T>> compute, CancellationToken ct) =>
        cache.GetOrCreateAsync(key, compute, Options, Tags, ct);

    public ValueTask InvalidateAsync(CancellationToken ct = default) => cache.RemoveByTagAsync(Tag, ct);
}

/// <summary>An entity the national figures count: saving a change to one drops the cached figures.</summary>
public interface ICountedNationally;

/// <summary>Drops the cached national figures after every save that added, changed or removed an <see cref="ICountedNationally"/>
/// entity — one place, so no command can forget it.</summary>
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
