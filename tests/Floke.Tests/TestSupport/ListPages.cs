namespace Floke.Tests.TestSupport;

/// <summary>Reads a list the API pages both ways the app may read it: at a size its list compiles per filter combination
/// (FilteredList) and at 19, a size it never compiles (built as a LINQ query).</summary>
public static class ListPages
{
    /// <summary>The ids of <paramref name="list"/> (a URL with its query string started) with <paramref name="query"/> at
    /// page size <paramref name="size"/>, asserting they equal the page read at size 19 and, on a first page, the total.</summary>
    public static async Task<int[]> CompiledAndBuiltIdsAsync(HttpClient reader, string list, string query, int size = 20)
    {
        async Task<(int Total, int[] Ids)> Read(int pageSize)
        {
            var page = await (await reader.GetAsync($"{list}&{query}&pageSize={pageSize}")).ReadJsonAsync();
            return (page.GetProperty("total").GetInt32(), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray());
        }
        var compiled = await Read(size);
        var built = await Read(19);
        Assert.Equal(built.Ids, compiled.Ids);
        Assert.True(compiled.Ids.Length == compiled.Total || query.Contains("page="), $"{query}: {compiled.Ids.Length} items, total {compiled.Total}");
        return compiled.Ids;
    }
}
