namespace Floke.Web.Infrastructure;

/// <summary>Bounds the managed heap of the web server (<c>Floke:HeapLimitMegabytes</c>). Left alone, the server garbage
/// collector takes memory as long as the machine has it and keeps it: under the national-scale bench it held 300–470 MB
/// committed for a live set of 115–160 MB, most of it garbage not yet collected (bench README "Eleventh session").
/// Floke's live set is bounded by its caches (search <c>Floke:Search:CacheMegabytes</c>, the national figures), so a limit
/// makes the collector work within it instead; it must leave room for a request's own peak on top of them. 384 MB until
/// the nineteenth session, because at 224–256 MB the server ran out of memory under load with 120–165 MB live; most of that
/// was FusionCache's per-key locks (now <see cref="KeyLocks"/>), and the national flows held 140 MB while computed (now
/// streamed). With 80–95 MB live a whole bench run at 224 MB had no errors on either database, and the process stayed
/// under 300 MB private (bench README "Nineteenth session"). Set when the server starts serving, not for the
/// command-line tools (seeding, index rebuilds), which hold more at once. A stricter limit already in force (a container's
/// memory limit, or <c>DOTNET_GCHeapHardLimit</c>) is kept; <c>0</c> leaves the collector unbounded.</summary>
public static class HeapLimit
{
    public const long DefaultMegabytes = 224;

    public static void Apply(IConfiguration config, ILogger logger)
    {
        var megabytes = config.GetValue("Floke:HeapLimitMegabytes", DefaultMegabytes);
        // The collector's limit today: the machine's memory, or a limit already set (container, environment).
        if (megabytes <= 0 || GC.GetGCMemoryInfo().TotalAvailableMemoryBytes <= megabytes << 20)
        {
            return;
        }
        AppContext.SetData("GCHeapHardLimit", (ulong)megabytes << 20);
        // Refused when the collector holds more committed than the limit (start-up read much: a search index rebuild);
        // collected and compacted it usually takes it, and only then is a full collection worth its time.
        var refused = Refused();
        if (refused is not null)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            refused = Refused();
        }
        if (refused is not null)
        {
            logger.LogWarning(refused, "The managed heap could not be limited to {Megabytes} MB; it runs without a limit", megabytes);
            AppContext.SetData("GCHeapHardLimit", null);
            return;
        }
        logger.LogInformation("The managed heap is limited to {Megabytes} MB (Floke:HeapLimitMegabytes)", megabytes);
    }

    private static InvalidOperationException? Refused()
    {
        try
        {
            GC.RefreshMemoryLimit();
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }
}
