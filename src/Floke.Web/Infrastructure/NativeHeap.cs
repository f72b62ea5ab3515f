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
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }
        try
        {
            if (MallOpt(ArenaMax, arenas) != 1)
            {
                return false;
            }
            ArenaLimit = arenas;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc
        }
    }

    // DllImport rather than LibraryImport: two ints need no marshalling, and LibraryImport would need unsafe code allowed.
    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int MallOpt(int param, int value);
}
