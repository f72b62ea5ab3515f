using System.Diagnostics.Metrics;

namespace Floke.Web.Infrastructure.Bench;

/// <summary>How long the server itself took over each request, as ASP.NET Core measures it
/// (<c>http.server.request.duration</c>: from the request's start in the hosting layer to its response's end), kept as a
/// histogram between two reads. wrk's latency also holds what happens outside that span — the request waiting in the
/// socket and for a thread to read it, and wrk's own threads waiting for a core on a machine that the app, PostgreSQL and
/// wrk share — so a path whose wrk p95 is far above the server's waited outside the app's handling of it (bench README,
/// "Twenty-fifth session"). For the benchmark only (<c>Floke:Bench</c>).</summary>
public sealed class ServerLatency : IDisposable
{
    // 0.1 ms steps to 100 ms, then 10 ms steps to 10 s, then one bucket for the rest.
    private const int FineBuckets = 1000;
    private const int CoarseBuckets = 990;
    private readonly long[] counts = new long[FineBuckets + CoarseBuckets + 1];
    private readonly MeterListener listener = new();
    private long maxMicroseconds;
    private long since = long.MinValue; // when the histogram was last read (Stopwatch ticks)

    /// <param name="meter">The meter whose <c>http.server.request.duration</c> is read (ASP.NET Core's; tests give their own).</param>
    public ServerLatency(string meter = "Microsoft.AspNetCore.Hosting")
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "http.server.request.duration" && instrument.Meter.Name == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            // Only requests that began after the last read: a warm-up's last requests end during the measured run.
            if (System.Diagnostics.Stopwatch.GetTimestamp() - (long)(seconds * System.Diagnostics.Stopwatch.Frequency) < Volatile.Read(ref since))
            {
                return;
            }
            Interlocked.Increment(ref counts[Bucket(seconds * 1000)]);
            var microseconds = (long)(seconds * 1_000_000);
            for (var max = Volatile.Read(ref maxMicroseconds); microseconds > max; max = Volatile.Read(ref maxMicroseconds))
            {
                if (Interlocked.CompareExchange(ref maxMicroseconds, microseconds, max) == max)
                {
                    break;
                }
            }
        });
        listener.Start();
    }

    private static int Bucket(double ms) => ms < 100 ? (int)(ms * 10)
        : ms < 10_000 ? FineBuckets + (int)((ms - 100) / 10)
        : FineBuckets + CoarseBuckets;

    private static double UpperMs(int bucket) => bucket < FineBuckets ? (bucket + 1) / 10.0
        : bucket < FineBuckets + CoarseBuckets ? 100 + (bucket - FineBuckets + 1) * 10.0
        : 10_000; // 10 s or more

    /// <summary>The requests begun since the last read, their p50, p95 and p99 in ms (each the upper edge of its step; 10,000 for
    /// 10 s or more) and the longest, as one line: <c>n p50 p95 p99 max</c>; the histogram starts afresh.</summary>
    public string ReadAndReset()
    {
        Volatile.Write(ref since, System.Diagnostics.Stopwatch.GetTimestamp());
        var taken = new long[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            taken[i] = Interlocked.Exchange(ref counts[i], 0);
        }
        var longest = Interlocked.Exchange(ref maxMicroseconds, 0) / 1000.0;
        var n = taken.Sum();
        if (n == 0)
        {
            return "0 0 0 0 0";
        }
        double At(double share)
        {
            var rank = (long)Math.Ceiling(share * n);
            long seen = 0;
            for (var i = 0; i < taken.Length; i++)
            {
                seen += taken[i];
                if (seen >= rank)
                {
                    return UpperMs(i);
                }
            }
            return UpperMs(taken.Length - 1);
        }
        return FormattableString.Invariant($"{n} {At(0.50):0.0} {At(0.95):0.0} {At(0.99):0.0} {longest:0.0}");
    }

    public void Dispose() => listener.Dispose();
}
