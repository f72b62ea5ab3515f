using Floke.Web.Features.Adoptions;
using Floke.Web.Features.Benefits;
using Floke.Web.Features.Insights;
using Floke.Web.Features.Search;

namespace Floke.Web.Infrastructure;

/// <summary>Once the app has started: computes the national figures people open first (the insights dashboard and who
/// invests, who gains, without filters; the spread page), so the first reader after a restart does not wait for a sum
/// over the whole country (the dashboard alone took over 2 s at 2.5 × national scale, with every reader waiting); then
/// searches once (<see cref="SearchQueries.WarmUpAsync"/>), so the first searcher does not wait for the search's code and
/// queries to load (the first search after a start took 170–390 ms against 20–40 ms for the next). Off with
/// <c>Floke:Insights:WarmUp=false</c> (the tests, which count every SQL statement a page sends).</summary>
public sealed class StartupWarmup(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, ILogger<StartupWarmup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Floke:Insights:WarmUp", true))
        {
            return;
        }
        // Wait until the app serves requests: start-up (migrations, demo data) comes first. Then go on on the thread pool:
        // run inline, the sums ran on the thread that announces the start, and the host's start waited for them (2 s).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        await StepAsync("National figures computed in {Elapsed} ms", "Could not compute the national figures at start; the first reader will", async services =>
        {
            await services.GetRequiredService<InsightsQueries>().DashboardAsync(new InsightsFilter(), null, stoppingToken);
            await services.GetRequiredService<FlowQueries>().FlowsAsync(new FlowFilter(), stoppingToken);
            await services.GetRequiredService<AdoptionQueries>().SpreadAsync(stoppingToken);
        });
        await StepAsync("Search warmed up in {Elapsed} ms", "Could not warm the search up at start",
            services => services.GetRequiredService<SearchQueries>().WarmUpAsync(stoppingToken));
    }

    /// <summary>One step in a scope of its own, its time logged; a failure is logged, and the next step still runs.</summary>
    private async Task StepAsync(string done, string failed, Func<IServiceProvider, Task> step)
    {
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            await step(scope.ServiceProvider);
            log.LogInformation(done, watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, failed);
        }
    }
}
