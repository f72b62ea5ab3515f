using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Search;

/// <summary>/search: one box over everything, with facets to narrow the results and their counts.</summary>
public sealed class IndexModel(SearchQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public SearchKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public InitiativeStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public Measures? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationKind? OrganizationKind { get; set; }
    [BindProperty(SupportsGet = true)] public CountyNumber? County { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public SearchReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await queries.SearchAsync(new SearchFilter(Q, Kind, Stage, Measure, OrganizationKind, County, Year, PageNumber), ct);

    /// <summary>This search with one filter changed (null removes it) and the first page, or another page.</summary>
    public string Link(string? name = null, string? value = null, int page = 1)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q, ["kind"] = Kind?.ToString(), ["stage"] = Stage?.ToString(), ["measure"] = Measure?.ToString(),
            ["organizationKind"] = OrganizationKind?.ToString(), ["county"] = County?.Value, ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (name is not null)
        {
            values[name] = value;
        }
        if (page > 1)
        {
            values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return "/search" + QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
