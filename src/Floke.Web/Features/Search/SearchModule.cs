using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Search;

/// <summary>Search over everything Floke holds (søk): documents kept by <see cref="SearchIndexer"/>, the page and the API.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services) => services.AddScoped<SearchQueries>();

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapSearchApi();
        return app;
    }

    /// <summary>Builds the search documents where there are none yet but there is something to find (the first start
    /// after upgrading to a Floke with search).</summary>
    public static async Task EnsureIndexedAsync(FlokeDbContext db, int keepMatchesFrom, CancellationToken ct = default)
    {
        // A rebuild that was interrupted leaves SQLite without its indexing triggers: put them back (looked for first:
        // creating them, even "if not exists", writes to the database at every start).
        if (!db.IsPostgres && await db.ScalarAsync<long>(SqliteSearchSql.CountTriggers, ct) < 3)
        {
            await SqliteSearchSql.CreateTriggersAsync(db, ct);
        }
        await SearchMatchStore.EnsureLoggingAsync(db, ct);
        if (!await db.SearchDocuments.AnyAsync(ct) && await db.Organizations.AnyAsync(ct))
        {
            await SearchIndexer.RebuildAsync(db, null, ct, keepMatchesFrom);
        }
    }
}

/// <summary><c>search rebuild</c>: builds every search document anew.</summary>
public static class SearchCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "search";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[1] != "rebuild")
        {
            await output.WriteLineAsync("Usage: search rebuild   (builds the search index anew from the database)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlokeDbContext>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var count = await SearchIndexer.RebuildAsync(db, output, CancellationToken.None, SearchMatchStore.KeepFrom(scope.ServiceProvider.GetRequiredService<IConfiguration>()));
        await output.WriteLineAsync($"Search index rebuilt: {count:N0} documents in {watch.Elapsed.TotalSeconds:N1} s");
        return 0;
    }
}
