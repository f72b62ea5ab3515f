using Microsoft.Extensions.Caching.Hybrid;

namespace Floke.Web.Infrastructure;

/// <summary>National figures (who invests, who gains; the spread of solutions) are sums over the whole country. They are
/// computed once per filter and kept for a minute — one computation even when many ask at once — and dropped as soon as
/// anything they count changes, so a reader always sees their own change.</summary>
public sealed class InsightsCache(HybridCache cache)
{
    private const string Tag = "insights";
    private static readonly HybridCacheEntryOptions Options = new() { Expiration = TimeSpan.FromMinutes(1), LocalCacheExpiration = TimeSpan.FromMinutes(1) };
    private static readonly string[] Tags = [Tag];

    public ValueTask<T> GetAsync<T>(string key, Func<CancellationToken, ValueTask<T>> compute, CancellationToken ct) =>
        cache.GetOrCreateAsync(key, compute, Options, Tags, ct);

    /// <summary>Call after saving a benefit, measurement, investment or adoption.</summary>
    public ValueTask InvalidateAsync(CancellationToken ct = default) => cache.RemoveByTagAsync(Tag, ct);
}
