using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Core.Organizations;

/// <summary>Who changed what in an organisation, and when; members also see the changes to memberships.</summary>
public sealed class HistoryModel(OrganizationQueries queries) : PageModel
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public Paged<HistoryItem> History { get; private set; } = null!;

    public string PageLink(int page) => $"/organizations/{Id}/history?page={page}";

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var org = await queries.GetAsync(id, ct);
        if (org is null)
        {
            return NotFound();
        }
        (Id, Name) = (id, org.Name);
        History = await queries.HistoryAsync(id, pageNumber, Paging.DefaultPageSize, ct);
        return Page();
    }
}
