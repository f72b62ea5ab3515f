using Floke.Web.Infrastructure;

namespace Floke.Tests.Infrastructure;

/// <summary>One computation per key at a time, a lock held only while a key is computed or waited for (so the locks do not
/// pile up with every key ever asked), and a computation free to lock another key while it holds its own.</summary>
public sealed class KeyLocksTests
{
    private static readonly TimeSpan Forever = Timeout.InfiniteTimeSpan;
    private readonly KeyLocks _locks = new();

    private ValueTask<object?> Acquire(string key, CancellationToken ct = default) =>
        _locks.AcquireLockAsync("c", "i", "op", key, Forever, null, ct);

    private void Release(string key, object? held) => _locks.ReleaseLock("c", "i", "op", key, held, null);

    [Fact]
    public async Task TheSameKey_WaitsForTheHolder_AndTheLockGoesWhenBothAreDone()
    {
        var first = await Acquire("k");
        var second = Acquire("k").AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted); // the second waits while the first holds the key
        Assert.Equal(1, _locks.Count);

        Release("k", first);
        var held = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(held);
        Release("k", held);
        Assert.Equal(0, _locks.Count);
    }

    [Fact]
    public async Task AnotherKey_IsNotHeldUp_EvenWhileTheFirstIsHeld()
    {
        var outer = await Acquire("report|skole");
        // As a search page's computation asks the cache for its word's matches: never one lock shared by the two.
        var inner = await Acquire("matches|skole").AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Release("matches|skole", inner);
        Release("report|skole", outer);
        Assert.Equal(0, _locks.Count);
    }

    [Fact]
    public async Task AWaiterWhoGivesUp_LeavesNoLockBehind_AndTheKeyIsFreeAfterwards()
    {
        var held = await Acquire("k");
        using var cancel = new CancellationTokenSource();
        var waiting = Acquire("k", cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        Assert.Null(await _locks.AcquireLockAsync("c", "i", "op", "k", TimeSpan.FromMilliseconds(20), null, default)); // timed out
        Release("k", held);
        Assert.Equal(0, _locks.Count);
        Release("k", await Acquire("k").AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, _locks.Count);
    }

    [Fact]
    public async Task ManyComputationsOfFewKeys_RunOneAtATimePerKey_AndLeaveNoLocks()
    {
        var running = new int[8];
        var most = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 4_000), async (i, ct) =>
        {
            var key = $"k{i % running.Length}";
            var held = await Acquire(key, ct);
            var now = Interlocked.Increment(ref running[i % running.Length]);
            InterlockedMax(ref most, now);
            if (i % 50 == 0)
            {
                await Task.Yield();
            }
            Interlocked.Decrement(ref running[i % running.Length]);
            Release(key, held);
        });
        Assert.Equal(1, most);
        Assert.Equal(0, _locks.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
