using System.Diagnostics;

namespace Floke.Tests.TestSupport;

/// <summary>Runs a Node.js tool installed under tests/&lt;folder&gt; (./scripts/test runs npm ci there) on some text written
/// to a temporary file, and returns its output.</summary>
public static class NodeTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, string content, string extension, params string[] arguments)
    {
        var dir = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(dir, "tests", folder)))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException($"tests/{folder} not found above the test binaries");
        }
        var file = Path.Combine(Path.GetTempPath(), $"floke-{folder}-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(file, content);
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(dir, "tests", folder), RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{file}" ? file : argument);
            }
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            return (node.ExitCode, await output + await error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
