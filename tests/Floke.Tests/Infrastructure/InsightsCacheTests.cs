using Floke.Tests.TestSupport;
using Floke.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Floke.Tests.Infrastructure;

/// <summary>The national figures after a change: fresh when they can be computed within the wait, the previous ones
/// while a slow computation finishes in the background, and never stale after a hard clear.</summary>
public sealed class InsightsCacheTests() : InsightsCacheApp("00:00:00.200")
{
    [Fact]
    public async Task AfterAChange_SlowFiguresServeThePreviousOnes_UntilTheNewOnesAreDone()
    {
        Assert.Equal(1, await Get("k", () => Task.FromResult(1)));
        Assert.Equal(1, await Get("k", () => Task.FromResult(99))); // kept: nothing changed

        await Cache.InvalidateAsync();
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(1, await Get("k", () => slow.Task)); // the previous figures, after the wait
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"waited {watch.Elapsed} for figures that were there");

        slow.SetResult(2); // the background computation finishes and replaces them
        Assert.Equal(2, await ReadUntilAsync("k", 2));
    }

    [Fact]
    public async Task AfterAChange_OnlyTheFirstReaderWaits_WhileTheNewFiguresAreComputed()
    {
        Assert.Equal(1, await Get("w", () => Task.FromResult(1)));
        await Cache.InvalidateAsync();
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal(1, await Get("w", () => slow.Task)); // waited the 200 ms, got the previous figures

        // Readers after it get the previous figures at once while the computation runs, not after another wait each.
        for (var i = 0; i < 5; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal(1, await Get("w", () => slow.Task));
            Assert.True(watch.ElapsedMilliseconds < 100, $"reader {i + 2} waited {watch.ElapsedMilliseconds} ms");
        }
        slow.SetResult(2);
    }

    [Fact]
    public async Task AfterAChange_ReadersGetThePreviousFiguresAtOnce_EvenWhenTheComputationRunsLongerThanFiveSeconds()
    {
        // The cache serves the previous figures for 5 s at a time while a computation runs (FusionCache's fail-safe
        // throttle); a reader after that must not wait for the computation either. (Written to test a lead for one flows
        // request of 5.2 s on SQLite in the bench: this held, so that was not it — the two tests below hold the cause.)
        Assert.Equal(1, await Get("long", () => Task.FromResult(1)));
        await Cache.InvalidateAsync();
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal(1, await Get("long", () => slow.Task));
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var read = Get("long", () => slow.Task).AsTask();
        var done = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(3)));
        var waited = watch.ElapsedMilliseconds;
        slow.SetResult(2);
        Assert.True(done == read, $"a reader waited {waited} ms for a computation still running");
        Assert.Equal(1, await read);
        Assert.True(waited < 1000, $"a reader waited {waited} ms");
    }

    [Fact]
    public async Task AfterAChange_AComputationThatHoldsItsThread_StillLetsTheFirstReaderHaveThePreviousFigures()
    {
        // On SQLite a computation never yields: its queries run to the end on the thread that called them. Started on the
        // reader's thread, FusionCache's wait could not end before the computation did — the first reader after a change
        // waited for all of it (the flows page's 5–9 s request in the bench on SQLite, bench README "Twenty-sixth session").
        Assert.Equal(1, await Get("sync", () => Task.FromResult(1)));
        await Cache.InvalidateAsync();
        using var release = new ManualResetEventSlim();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var read = Task.Run(() => Get("sync", () =>
        {
            release.Wait(TimeSpan.FromSeconds(10)); // holds its thread, as SQLite's queries do
            return Task.FromResult(2);
        }).AsTask());
        var done = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(3)));
        var waited = watch.ElapsedMilliseconds;
        release.Set();
        Assert.True(done == read, $"the first reader waited {waited} ms and more for the computation");
        Assert.Equal(1, await read);

        Assert.Equal(2, await ReadUntilAsync("sync", 2));
    }

    [Fact]
    public async Task ReadersAsTheNewFiguresArrive_GetThem_AndStartNoOtherComputation()
    {
        // Readers while a computation ran read the previous figures with FusionCache's TryGetAsync, and a read that finds
        // figures marked stale by a change marks them stale again: when the new figures were stored between the two, that
        // mark fell on them, and the next reader computed everything again (InsightsCacheTests failed so under the full
        // suite's load; this fails in most runs on that code, 30 rounds of the race).
        for (var round = 0; round < 30; round++)
        {
            var key = $"arrive{round}";
            Assert.Equal(1, await Get(key, () => Task.FromResult(1)));
            await Cache.InvalidateAsync();
            var slow = new TaskCompletionSource<int>();
            Assert.Equal(1, await Get(key, () => slow.Task)); // the first reader waited, and got the previous figures
            var again = 0;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                var seen = 0;
                while (seen != 2 && !stop.IsCancellationRequested)
                {
                    seen = await Get(key, () => { Interlocked.Increment(ref again); return Task.FromResult(3); });
                    await Task.Yield(); // a cached read completes at once: without this the readers would hold every pool thread
                }
                return seen;
            })).ToList();
            new Thread(() => slow.SetResult(2)).Start(); // as the readers start; on a thread of its own, as on SQLite
            var seen = await Task.WhenAll(readers);
            Assert.Equal(0, again);
            Assert.All(seen, s => Assert.Equal(2, s));
        }
    }

    [Fact]
    public async Task FiguresComputedWhileAChangeWasSaved_AreNotKeptAsFresh()
    {
        // A computation reads the rows as they were when it read them: a change saved while it runs may be missing from its
        // figures. Kept as fresh (stamped when stored, after the change was marked), they hid that change for ten minutes.
        Assert.Equal(1, await Get("during", () => Task.FromResult(1)));
        await Cache.InvalidateAsync();
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal(1, await Get("during", () => slow.Task)); // figures from before the change, while new ones are computed
        await Cache.InvalidateAsync(); // a second change, saved while they are
        slow.SetResult(2); // what was computed from the rows as they were before it

        // The next reader after it is done has figures computed after the second change (3), not those from before it (2).
        Assert.Equal(3, await ReadUntilAsync("during", 3, computing: 3));
    }

    [Fact]
    public async Task FiguresComputedAcrossAClear_AreForgotten()
    {
        Assert.Equal(1, await Get("cleared", () => Task.FromResult(1)));
        await Cache.InvalidateAsync();
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal(1, await Get("cleared", () => slow.Task));
        await Cache.ClearAsync();
        slow.SetResult(2);
        while (Cache.KeysInComputation > 0)
        {
            await Task.Delay(10);
        }
        // Not even as the previous figures while a slow computation runs: the reader waits for it.
        Assert.Equal(3, await Get("cleared", async () => { await Task.Delay(400); return 3; }));
    }

    [Fact]
    public async Task AReaderWhoGivesUp_LeavesTheComputationToFinish_ForTheNextReader()
    {
        // A reader whose request ends (a browser closed, a client's timeout) stops waiting, but what it started is the
        // cache's: thrown away, the next reader computed it all again and waited for that in full.
        var computed = 0;
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Get("left", () =>
        {
            Interlocked.Increment(ref computed);
            return slow.Task;
        }, leaving.Token).AsTask());
        Assert.True(watch.ElapsedMilliseconds < 2000, $"the reader who gave up waited {watch.ElapsedMilliseconds} ms");

        slow.SetResult(5);
        Assert.Equal(5, await Get("left", () =>
        {
            Interlocked.Increment(ref computed);
            return Task.FromResult(6);
        }));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task AfterAChange_QuickFiguresAreFresh_AndAClearNeverServesOldOnes()
    {
        Assert.Equal(1, await Get("q", () => Task.FromResult(1)));
        await Cache.InvalidateAsync();
        Assert.Equal(2, await Get("q", () => Task.FromResult(2)));

        await Cache.ClearAsync();
        // With nothing to fall back on, the reader waits for the computation however long it takes.
        Assert.Equal(3, await Get("q", async () => { await Task.Delay(400); return 3; }));
    }

    [Fact]
    public async Task ManyReadersAtOnce_ComputeOnce()
    {
        var computed = 0;
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Get("once", async () =>
        {
            Interlocked.Increment(ref computed);
            await Task.Delay(100);
            return 7;
        }).AsTask()));
        Assert.All(results, r => Assert.Equal(7, r));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task ManyDifferentKeys_HoldALockEachWhileComputed_AndNoneAfterwards()
    {
        // A search cache sees a key per query, page and filter: the locks that keep one computation per key must not stay.
        for (var i = 0; i < 500; i++)
        {
            var locked = 0;
            Assert.Equal(i, await Get($"key{i}", () =>
            {
                locked = Cache.KeysInComputation;
                return Task.FromResult(i);
            }));
            Assert.Equal(1, locked);
        }
        Assert.Equal(0, Cache.KeysInComputation);
    }
}

/// <summary>With <c>FreshWait</c> 0 a reader never waits after a change, and the fresh figures still come.</summary>
public sealed class InsightsCacheNeverWaitingTests() : InsightsCacheApp("00:00:00")
{
    [Fact]
    public async Task AfterAChange_TheReaderGetsThePreviousFigures_AndTheNewOnesReplaceThem()
    {
        Assert.Equal(1, await Get("k", () => Task.FromResult(1)));
        await Cache.InvalidateAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal(1, await Get("k", () => { started.TrySetResult(); return slow.Task; }));
        // The computation was started (before the fix FusionCache never ran it, and served 1 for a day).
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        slow.SetResult(2);
        Assert.Equal(2, await ReadUntilAsync("k", 2));
    }
}

/// <summary>A computation that fails (at national scale: out of memory beside full caches) leaves readers the previous
/// figures, and the next readers do not start it again at once.</summary>
public sealed class InsightsCacheFailureTests() : InsightsCacheApp("00:00:00.200", new ManualClock(DateTimeOffset.UtcNow))
{
    [Fact]
    public async Task AFailedComputation_LeavesThePreviousFigures_AndIsTriedAgainOnlyAfterAPause()
    {
        Assert.Equal(1, await Get("f", () => Task.FromResult(1)));
        await Cache.InvalidateAsync();
        var tries = 0;
        Task<int> Failing()
        {
            Interlocked.Increment(ref tries);
            return Task.FromException<int>(new InvalidOperationException("no room for the figures"));
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(1, await Get("f", Failing));
        }
        Assert.Equal(1, tries);

        ((ManualClock)Clock!).Advance(ComputedCache.RetryAfter);
        Assert.Equal(2, await Get("f", () => Task.FromResult(2)));
        Assert.Equal(2, await Get("f", Failing));
        Assert.Equal(1, tries);
    }
}

/// <summary>An app of its own with the given <c>Floke:Insights:FreshWait</c> (and clock), and its national-figures cache.</summary>
public abstract class InsightsCacheApp(string freshWait, TimeProvider? clock = null) : IAsyncLifetime
{
    private readonly FlokeApp _app = new("sqlite", new() { ["Floke:Insights:FreshWait"] = freshWait }, clock);
    protected TimeProvider? Clock => clock;
    protected InsightsCache Cache => _app.Services.GetRequiredService<InsightsCache>();

    /// <summary>Starts the app (migrations, demo data) before the test, so no timed read counts its start.</summary>
    public Task InitializeAsync()
    {
        _ = Cache;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    protected ValueTask<int> Get(string key, Func<Task<int>> compute, CancellationToken ct = default) => Cache.GetAsync(key, (_, _, _) => compute(), ct);

    /// <summary>Reads <paramref name="key"/> (for two seconds at most) until it holds <paramref name="expected"/>, as the
    /// background computation finishes; the last value read. A reader who computes it again gets
    /// <paramref name="computing"/>.</summary>
    protected async Task<int> ReadUntilAsync(string key, int expected, int computing = -1)
    {
        var seen = 0;
        for (var i = 0; i < 100 && seen != expected; i++)
        {
            seen = await Get(key, () => Task.FromResult(computing));
            await Task.Delay(20);
        }
        return seen;
    }
}
