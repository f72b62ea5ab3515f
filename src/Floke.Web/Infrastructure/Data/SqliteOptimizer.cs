using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Infrastructure.Data;

/// <summary>Lets SQLite gather the statistics its planner needs where they are missing or stale (<c>PRAGMA optimize</c>,
/// as SQLite recommends for long-running applications): once the app serves requests — at national scale it took a
/// quarter of a second, which the first page no longer waits for — and then every six hours. Off with
/// <c>Floke:Sqlite:Optimize=false</c>.</summary>
public sealed class SqliteOptimizer(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, ILogger<SqliteOptimizer> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Floke:Sqlite:Optimize", true))
        {
            return; // the tests, which count every SQL statement a page sends
        }
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FlokeDbContext>().Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "PRAGMA optimize failed; the planner works with the statistics it has");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
