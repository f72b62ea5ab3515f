using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Needs;

/// <summary>The public list of published needs (and, for members, their organisations' drafts), filtered and paged.</summary>
public sealed class IndexModel(NeedQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AffectedGroups? Affected { get; set; }
    [BindProperty(SupportsGet = true)] public Sectors? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public GovernmentLevels? Level { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<NeedSummary> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine &= User.Identity?.IsAuthenticated == true;
        Result = await queries.ListAsync(new NeedFilter(Q, Affected, Sector, Level, null, null, Mine, PageNumber), ct);
    }

    public string PageLink(int page) => "/needs" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["affected"] = Affected?.ToString(), ["sector"] = Sector?.ToString(), ["level"] = Level?.ToString(),
        ["mine"] = Mine ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));
}
