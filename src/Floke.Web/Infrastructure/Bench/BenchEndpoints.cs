using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Infrastructure.Bench;

/// <summary>The ceiling the benchmark compares every path with, in the same process and run: a bare endpoint, and one row
/// read by EF Core; where the process's memory is (the managed heap, SQLite's own allocations); the server's own latency
/// per request (<see cref="ServerLatency"/>) and its thread pool. Mapped only when
/// <c>Floke:Bench</c> is true (bench/run sets it); never in a normal deployment.</summary>
public static class BenchEndpoints
{
    public static IEndpointRouteBuilder MapBenchCeiling(this IEndpointRouteBuilder app, IConfiguration config)
    {
        if (!config.GetValue("Floke:Bench", false))
        {
            return app;
        }
        var latency = new ServerLatency();
        app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(latency.Dispose);
        var bench = app.MapGroup("/bench").ExcludeFromDescription();
        bench.MapGet("/latency", () => TypedResults.Text(latency.ReadAndReset()));
        // Sampled each second by bench/run beside the memory: a queue of work waiting for a thread, or threads waiting on
        // each other's locks, would show here when a path's latency has a tail; and the JIT still compiling (tiering up a
        // path's code) while a path is measured, if its warm-up was too short.
        bench.MapGet("/threads", () => TypedResults.Text(FormattableString.Invariant(
            $"thread pool {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued, {Monitor.LockContentionCount} lock contentions so far, JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms so far")));
        bench.MapGet("/ping", () => TypedResults.Text("pong"));
        bench.MapGet("/one", async (FlokeDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Organizations.AsNoTracking().Where(o => o.Id == 1).Select(o => new OneRow(o.Id, o.Name, o.OrganizationNumber)).FirstAsync(ct)));
        bench.MapGet("/memory", (FlokeDbContext db) =>
        {
            var gc = GC.GetGCMemoryInfo();
            var gens = gc.GenerationInfo; // gen0, gen1, gen2, large and pinned objects, after the last collection
            var managed = FormattableString.Invariant(
                $"GC heap {gc.HeapSizeBytes >> 20} MB (limit {gc.TotalAvailableMemoryBytes >> 20} MB, committed {gc.TotalCommittedBytes >> 20} MB, fragmented {gc.FragmentedBytes >> 20} MB; after the last collection gen0 {gens[0].SizeAfterBytes >> 20}, gen1 {gens[1].SizeAfterBytes >> 20}, gen2 {gens[2].SizeAfterBytes >> 20}, large {gens[3].SizeAfterBytes >> 20} (free {gens[3].FragmentationAfterBytes >> 20}) MB; {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections, {gc.PauseTimePercentage:0.0} % paused, {GC.GetTotalAllocatedBytes() >> 20} MB allocated so far), C heap arenas {(NativeHeap.ArenaLimit is { } arenas ? $"at most {arenas}" : "not limited by Floke")}");
            return TypedResults.Text(db.IsPostgres ? managed
                : FormattableString.Invariant($"{managed}, SQLite {SQLitePCL.raw.sqlite3_memory_used() >> 20} MB (high-water {SQLitePCL.raw.sqlite3_memory_highwater(0) >> 20} MB)"));
        });
        return app;
    }

    /// <summary>A named type, not an anonymous one: the compile-time request delegate generator cannot name the latter.</summary>
    public sealed record OneRow(int Id, string Name, string OrganizationNumber);
}
