using System.Collections.Frozen;

namespace Floke.Web.Core.Geography;

public sealed record County(string Number, string Name);

public sealed record Municipality(string Number, string Name, string CountyNumber);

/// <summary>Norway's counties and municipalities (SSB), read once from Data/*.csv.</summary>
public sealed class Geography
{
    public IReadOnlyList<County> Counties { get; }
    public IReadOnlyList<Municipality> Municipalities { get; }
    private readonly FrozenDictionary<string, County> _counties;
    private readonly FrozenDictionary<string, Municipality> _municipalities;

    public Geography(string dataDirectory)
    {
        Counties = ReadRows(Path.Combine(dataDirectory, "counties.csv")).Select(r => new County(r[0], r[1])).ToList();
        Municipalities = ReadRows(Path.Combine(dataDirectory, "municipalities.csv")).Select(r => new Municipality(r[0], r[1], r[2])).ToList();
        _counties = Counties.ToFrozenDictionary(c => c.Number);
        _municipalities = Municipalities.ToFrozenDictionary(m => m.Number);
    }

    public static Geography Load() => new(Path.Combine(AppContext.BaseDirectory, "Data"));

    public County? FindCounty(string? number) => number is not null && _counties.TryGetValue(number, out var c) ? c : null;

    public Municipality? FindMunicipality(string? number) => number is not null && _municipalities.TryGetValue(number, out var m) ? m : null;

    // The files are SSB's exports: a header row, comma-separated, no quoted commas inside names.
    private static IEnumerable<string[]> ReadRows(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));
}
