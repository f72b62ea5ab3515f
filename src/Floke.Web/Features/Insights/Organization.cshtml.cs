using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Insights;

/// <summary>/organizations/{id}/insights: the same dashboard over everything one organisation owns, drafts included, for
/// its members only.</summary>
[Authorize]
public sealed class OrganizationModel(InsightsQueries queries, OrganizationQueries organizations, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? FromYear { get; set; }
    [BindProperty(SupportsGet = true)] public int? ToYear { get; set; }

    public string OrganizationName { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public InsightsReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await organizations.GetAsync(id, ct) is not { } org)
        {
            return NotFound();
        }
        if (!await user.IsMemberOfAsync(id, ct))
        {
            return Forbid();
        }
        (OrganizationId, OrganizationName) = (id, org.Name);
        Report = await queries.DashboardAsync(new InsightsFilter(FromYear, ToYear), id, ct);
        return Page();
    }

    public (InsightsReport, string, string) Dashboard => (Report, $"/api/v1/organizations/{OrganizationId}/insights", InsightsApi.Query(FromYear, ToYear, null, null));
}
