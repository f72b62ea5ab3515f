using System.Data.Common;
using System.Runtime.CompilerServices;
using Floke.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Floke.Web.Infrastructure;

/// <summary>Marks cached results stale once a save that changes what they read is committed — one place, so no command
/// can forget it: the national figures after any <see cref="ICountedNationally"/> entity is added, changed or removed;
/// search results after anything indexed is (<see cref="SearchIndexer.IsIndexed"/>); list counts after any save. Inside a
/// transaction it waits for the commit (and forgets on rollback), so no reader can compute and keep a result from before
/// the change. Other instances on the same PostgreSQL are told through <see cref="CacheBackplane"/>.</summary>
public sealed class CacheInvalidation(InsightsCache insights, SearchCache search, ListCounts counts, CacheBackplane backplane)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public bool Insights;
        public bool Search;
        public bool Counts;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            // One look at what this save changes (each Entries() call would detect changes again).
            var changed = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Entity).ToList();
            Written(context, changed);
        }
        return ValueTask.FromResult(result);
    }

    /// <summary>Notes rows changed by <paramref name="context"/> without its change tracker (bulk writes); like a save,
    /// they mark the caches stale when its transaction commits.</summary>
    public void Written(DbContext context, IReadOnlyCollection<object> changed)
    {
        var pending = _pending.GetOrCreateValue(context);
        pending.Insights |= changed.Any(e => e is ICountedNationally);
        pending.Search |= changed.Any(SearchIndexer.IsIndexed);
        pending.Counts |= changed.Count > 0;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await FlushAsync(context, cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await FlushAsync(context, cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            FlushAsync(context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private async ValueTask FlushAsync(DbContext context, CancellationToken ct)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        _pending.Remove(context);
        var stale = new List<string>(3);
        if (pending.Insights)
        {
            await insights.InvalidateAsync(ct);
            stale.Add("insights");
        }
        if (pending.Search)
        {
            await search.InvalidateAsync(ct);
            stale.Add("search");
        }
        if (pending.Counts)
        {
            await counts.InvalidateAsync(ct);
            stale.Add("counts");
        }
        await backplane.PublishAsync(stale, ct);
    }
}
