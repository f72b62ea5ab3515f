using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.OpenData;

/// <summary>/open-data: every dataset with its downloads, the ZIP, the catalogue and the API.</summary>
public sealed class IndexModel(OpenDataCatalog catalog, OpenDataPublisher publisher) : PageModel
{
    public OpenDataPublisher Publisher => publisher;
    public IReadOnlyDictionary<string, DateTimeOffset?> Modified { get; private set; } = new Dictionary<string, DateTimeOffset?>();

    public async Task OnGetAsync(CancellationToken ct) => Modified = await catalog.ModifiedAsync(ct);

    /// <summary>The paged JSON API of each dataset.</summary>
    public static string ApiPath(string key) => key switch
    {
        "measurements" => "/api/v1/benefits",
        "lessons" => "/api/v1/lessons",
        "awards" => "/api/v1/calls?phase=Awarded",
        _ => $"/api/v1/{key}",
    };
}
