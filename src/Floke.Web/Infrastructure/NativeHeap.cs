using System.Runtime.InteropServices;

namespace Floke.Web.Infrastructure;

/// <summary>Keeps the C heap (glibc's malloc: SQLite's pages and statements, the runtime's own) from holding memory it no
/// longer uses. glibc gives each thread that meets contention an arena of its own, up to eight per core, and keeps what is
/// freed in each for later: under the national-scale bench (SQLite) the arenas held ~130 MB of the process's private memory
/// while SQLite itself counted 13 MB in use (bench README "Nineteenth session"). With two arenas the same run held ~45 MB.
/// <see cref="LimitArenas"/> is called first thing in <c>Main</c>; an operator's <c>MALLOC_ARENA_MAX</c> is kept. Nothing is
/// done off glibc (musl, macOS, Windows have their own allocators).</summary>
public static class NativeHeap
{
    /// <summary>glibc's <c>M_ARENA_MAX</c> for <c>mallopt</c>.</summary>
    private const int ArenaMax = -8;

    public const int DefaultArenas = 2;

    /// <summary>How many arenas this process limited glibc to (null: not limited here).</summary>
    public static int? ArenaLimit { get; private set; }

    /// <summary>Limits glibc's arenas to <paramref name="arenas"/> for the threads that create one from now on. False when
    /// the process is not on glibc or the operator set <c>MALLOC_ARENA_MAX</c>.</summary>
    public static bool LimitArenas(int arenas = DefaultArenas)
    {
        if (!IsGlibc || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null || MallOpt(ArenaMax, arenas) != 1)
        {
            return false;
        }
        ArenaLimit = arenas;
        return true;
    }

    /// <summary>Whether the process runs on glibc (Debian, Ubuntu, Red Hat; not Alpine's musl, macOS or Windows).</summary>
    public static bool IsGlibc { get; } = OperatingSystem.IsLinux() && HasGlibc();

    /// <summary>Gives the C heap's free pages back to the system (glibc's <c>malloc_trim</c>), in every arena, not only at
    /// the top of each: true when some were. False off glibc.</summary>
    public static bool Trim() => IsGlibc && MallocTrim(0) == 1;

    private static bool HasGlibc()
    {
        try
        {
            return GnuLibcVersion() != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: numbers and a pointer need no marshalling, and LibraryImport needs unsafe code.
    [DllImport("libc.so.6", EntryPoint = "gnu_get_libc_version")]
    private static extern nint GnuLibcVersion();

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int MallOpt(int param, int value);
}

/// <summary>Gives the C heap's free pages back every <c>Floke:NativeHeap:TrimSeconds</c> (default 10; 0: never): glibc
/// returns memory on its own only from the top of an arena, so pages freed in the middle (SQLite's statements and pages
/// come and go with each request) stay with the process. Measured under the national-scale bench (bench README "Nineteenth
/// session").</summary>
public sealed class NativeHeapTrimmer(IConfiguration config) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue("Floke:NativeHeap:TrimSeconds", 10);
        if (seconds <= 0 || !NativeHeap.IsGlibc)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                NativeHeap.Trim();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
