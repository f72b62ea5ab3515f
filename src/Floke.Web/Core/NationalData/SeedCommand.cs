using System.Globalization;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Core.NationalData;

/// <summary><c>seed national [--scale 1] [--seed 42]</c>: fills an empty database (the one Floke is configured for, SQLite or
/// PostgreSQL) with national-scale data for benchmarks and for trying Floke at the size of the country.</summary>
public static class SeedCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "seed";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[1] != "national"
            || !double.TryParse(Arg(args, "--scale") ?? "1", NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || scale <= 0 || scale > 10
            || !int.TryParse(Arg(args, "--seed") ?? "42", NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            await output.WriteLineAsync("Usage: seed national [--scale 1] [--seed 42]   (scale 1 = the whole country; 0.01 = one per cent)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlokeDbContext>();
        var geography = scope.ServiceProvider.GetRequiredService<Geography.Geography>();
        var keepMatchesFrom = Features.Search.SearchMatchStore.KeepFrom(services.GetRequiredService<IConfiguration>());
        return await new NationalSeed(db, geography, output, keepMatchesFrom).RunAsync(new NationalSize(scale), seed, CancellationToken.None);
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
