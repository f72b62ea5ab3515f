using System.Diagnostics.Metrics;
using Floke.Web.Infrastructure.Bench;

namespace Floke.Tests.Infrastructure.Bench;

/// <summary>The bench's server-side latency: what the hosting layer measured per request, as percentiles between reads.</summary>
public class ServerLatencyTests
{
    [Fact]
    public void Durations_AreGivenAsPercentilesInMilliseconds_OfRequestsBegunSinceTheLastRead()
    {
        var name = $"Floke.Tests.Hosting.{Guid.NewGuid():N}"; // a meter of its own: other tests' servers record to ASP.NET Core's
        using var latency = new ServerLatency(name);
        using var meter = new Meter(name);
        var duration = meter.CreateHistogram<double>("http.server.request.duration", "s");
        for (var i = 0; i < 90; i++)
        {
            duration.Record(0.00095);
        }
        for (var i = 0; i < 5; i++)
        {
            duration.Record(0.020);
        }
        for (var i = 0; i < 3; i++)
        {
            duration.Record(0.050);
        }
        duration.Record(12.0); // beyond the last step: counted as 10 s
        duration.Record(12.5);

        // n, then p50, p95 and p99, each the upper edge of its step (0.1 ms below 100 ms, 10 ms above), and the longest.
        Assert.Equal("100 1.0 20.1 10000.0 12500.0", latency.ReadAndReset());
        Assert.Equal("0 0 0 0 0", latency.ReadAndReset());

        // A request that began before the last read (a warm-up's last, ending in the measured run) is not counted.
        Thread.Sleep(50);
        duration.Record(1.0);
        duration.Record(0.0015);
        Assert.Equal("1 1.6 1.6 1.6 1.5", latency.ReadAndReset());
    }
}
