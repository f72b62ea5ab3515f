using System.Diagnostics.Metrics;
using Floke.Web.Infrastructure.Bench;

namespace Floke.Tests.Infrastructure.Bench;

/// <summary>The bench's server-side latency: what the hosting layer measured per request, as percentiles between reads.</summary>
public class ServerLatencyTests
{
    [Fact]
    public void Durations_AreGivenAsPercentilesInMilliseconds_AndEachReadStartsAfresh()
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
        for (var i = 0; i < 4; i++)
        {
            duration.Record(0.050);
        }
        duration.Record(1.9);

        // n, then p50, p95 and p99, each the upper edge of its step (0.1 ms below 100 ms, 10 ms above), and the longest.
        Assert.Equal("100 1.0 20.1 50.1 1900.0", latency.ReadAndReset());
        Assert.Equal("0 0 0 0 0", latency.ReadAndReset());
        duration.Record(12.0); // beyond the last step
        Assert.Equal("1 10000.0 10000.0 10000.0 12000.0", latency.ReadAndReset());
    }
}
