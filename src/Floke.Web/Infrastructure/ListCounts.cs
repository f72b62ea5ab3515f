using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Infrastructure;

/// <summary>How many items a list has with a filter, for a reader's organisations. An exact <c>COUNT(*)</c> over the
/// national lists costs 20–60 ms on PostgreSQL (200,000 initiatives) and is the same for every reader who opens the same
/// list, so it is counted once and kept until anything is saved (<see cref="CacheInvalidation"/>); then the next reader
/// counts again on their own request. At most 20,000 counts are kept, the least used dropped first.</summary>
public sealed class ListCounts(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, TimeProvider clock)
    : ComputedCache("counts", "Floke:Counts", TimeSpan.FromMinutes(10), null, 20_000, scopes, config, lifetime, clock)
{
    /// <summary>The number of items <paramref name="query"/> finds. <paramref name="list"/> and <paramref name="filter"/>
    /// (a record of scalars, with page and page size left out) and <paramref name="organizationIds"/> must together say
    /// everything the query depends on.</summary>
    public ValueTask<int> CountAsync<T>(string list, object filter, IEnumerable<int> organizationIds, IQueryable<T> query, CancellationToken ct) =>
        GetInlineAsync($"{list}|{filter}|{string.Join(',', organizationIds.Order())}", token => query.CountAsync(token), ct);
}
