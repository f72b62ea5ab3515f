using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Infrastructure;

/// <summary>How many items a list has with a filter, for a reader's organisations. An exact <c>COUNT(*)</c> over the
/// national lists costs 20–60 ms on PostgreSQL (200,000 initiatives) and is the same for every reader who opens the same
/// list, so it is counted once and kept until anything is saved (<see cref="CacheInvalidation"/>); then the next reader
/// counts again on their own request. At most 20,000 counts are kept, the least used dropped first. A count that also
/// changes with the clock (open calls) is kept until the moment it would change (<see cref="CountUntilAsync{T}"/>).</summary>
public sealed class ListCounts(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILoggerFactory loggers)
    : ComputedCache("counts", "Floke:Counts", TimeSpan.FromMinutes(10), null, 20_000, scopes, config, lifetime, clock, loggers)
{
    /// <summary>The number of items <paramref name="query"/> finds. <paramref name="list"/> and <paramref name="filter"/>
    /// (a record of scalars, with page and page size left out) and <paramref name="organizationIds"/> must together say
    /// everything the query depends on.</summary>
    public ValueTask<int> CountAsync<T>(string list, object filter, IEnumerable<int> organizationIds, IQueryable<T> query, CancellationToken ct) =>
        CountAsync(list, filter, organizationIds, () => query, ct);

    /// <summary>As above, with the query built only when it is counted (a list kept counted need not build it).</summary>
    public ValueTask<int> CountAsync<T>(string list, object filter, IEnumerable<int> organizationIds, Func<IQueryable<T>> query, CancellationToken ct) =>
        GetInlineAsync(Key(list, filter, organizationIds), token => query().CountAsync(token), ct);

    /// <summary>As <see cref="CountAsync{T}"/>, for a list that also changes with the clock: the count is kept (until a
    /// save) only while <paramref name="now"/> is before the moment <paramref name="until"/> gives when it is counted (none:
    /// no such moment).</summary>
    public async ValueTask<int> CountUntilAsync<T>(string list, object filter, IEnumerable<int> organizationIds, Func<IQueryable<T>> query,
        DateTimeOffset now, Func<CancellationToken, Task<DateTimeOffset?>> until, CancellationToken ct)
    {
        async Task<TimedCount> Count(CancellationToken token) => new(await query().CountAsync(token), await until(token) ?? DateTimeOffset.MaxValue);
        var key = Key(list, filter, organizationIds);
        var kept = await GetInlineAsync(key, Count, ct);
        if (now < kept.Until)
        {
            return kept.Count;
        }
        kept = await Count(ct);
        await SetInlineAsync(key, kept, ct);
        return kept.Count;
    }

    private static string Key(string list, object filter, IEnumerable<int> organizationIds) =>
        $"{list}|{filter}|{string.Join(',', organizationIds.Order())}";

    private sealed record TimedCount(int Count, DateTimeOffset Until);
}
