using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.OpenCalls;

/// <summary>The public list of open calls (and, for members, their organisations' drafts), filtered and paged.</summary>
public sealed class IndexModel(OpenCallQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OpenCallPhase? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<OpenCallSummary> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine &= User.Identity?.IsAuthenticated == true;
        Result = await queries.ListAsync(new OpenCallFilter(Q, Phase, Mine: Mine, Page: PageNumber), ct);
    }

    public string PageLink(int page) => "/calls" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["phase"] = Phase?.ToString(), ["mine"] = Mine ? "true" : null,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));
}
