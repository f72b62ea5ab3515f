using System.Diagnostics;
using System.Text.RegularExpressions;
using Floke.Web.Infrastructure;

namespace Floke.Tests.Infrastructure;

/// <summary>The managed heap limit of a server serving alone, and the C heap's arenas. Each case starts Floke as its own process (the limit is the
/// process's; the test process hosts many apps) on an empty SQLite file and reads the limit in force from the bench's
/// memory endpoint.</summary>
public sealed partial class HeapLimitTests
{
    [Fact]
    public async Task AServer_LimitsItsHeap_ToTheDefault()
    {
        Assert.Equal(HeapLimit.DefaultMegabytes, await LimitInMegabytesAsync());
    }

    [Fact]
    public async Task AnOperatorsSetting_IsUsed_AndZeroLeavesTheHeapUnbounded()
    {
        Assert.Equal(300, await LimitInMegabytesAsync(("Floke__HeapLimitMegabytes", "300")));
        // Unbounded: the collector's limit is the machine's memory, well above any limit Floke sets.
        Assert.True(await LimitInMegabytesAsync(("Floke__HeapLimitMegabytes", "0")) > 4 * HeapLimit.DefaultMegabytes);
    }

    [Fact]
    public async Task AStricterLimitAlreadyInForce_IsKept()
    {
        Assert.Equal(160, await LimitInMegabytesAsync(("DOTNET_GCHeapHardLimit", "0xA000000")));
    }

    [Fact]
    public async Task AServer_LimitsTheCHeapsArenas_UnlessTheOperatorSetsThem()
    {
        Assert.Contains($"C heap arenas at most {NativeHeap.DefaultArenas}", await MemoryAsync());
        Assert.Contains("C heap arenas not limited by Floke", await MemoryAsync(("MALLOC_ARENA_MAX", "4")));
    }

    private static async Task<long> LimitInMegabytesAsync(params (string Name, string Value)[] settings) =>
        long.Parse(LimitOf().Match(await MemoryAsync(settings)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The server's memory line (<c>/bench/memory</c>), read from a server started with <paramref name="settings"/>.</summary>
    private static async Task<string> MemoryAsync(params (string Name, string Value)[] settings)
    {
        var db = Path.Combine(Path.GetTempPath(), $"floke-heap-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Floke.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["Floke__Database"] = "Sqlite";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={db}";
        start.Environment["Floke__Demo"] = "false";
        start.Environment["Floke__Bench"] = "true";
        start.Environment["Floke__Insights__WarmUp"] = "false";
        start.Environment["Floke__Sqlite__Optimize"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        using var server = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? address = null;
            while (address is null && await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                address = ListeningOn().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            }
            Assert.True(address is not null, $"the server did not say where it listens: {(server.HasExited ? await errors : "")}");
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            return await http.GetStringAsync("/bench/memory", timeout.Token);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"limit (\d+) MB")]
    private static partial Regex LimitOf();
}
