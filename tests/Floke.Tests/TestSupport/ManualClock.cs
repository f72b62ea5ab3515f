namespace Floke.Tests.TestSupport;

/// <summary>A clock the test moves, for an app made with it (<see cref="FlokeApp"/>'s clock): what changes with time, such as
/// which calls are open, can be checked without waiting for it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
