using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Insights;

/// <summary>/organizations/{id}/insights: the same dashboard over everything one organisation owns, drafts included, for
/// its members only.</summary>
[Authorize]
public sealed class OrganizationModel(InsightsQueries queries) : PageModel, IPeriodFiltered
{
    [BindProperty(SupportsGet = true)] public int? FromYear { get; set; }
    [BindProperty(SupportsGet = true)] public int? ToYear { get; set; }

    public OrganizationInsights Insights { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await queries.ForOrganizationAsync(id, new InsightsFilter(FromYear, ToYear), ct);
        if (!result.IsOk)
        {
            return result.Kind == Infrastructure.ResultKind.NotFound ? NotFound() : this.Deny();
        }
        Insights = result.Value!;
        return Page();
    }

    /// <summary>The filters an organisation's own dashboard has: the years only.</summary>
    public InsightsFilters Filters => new(FromYear, ToYear, null, null, Owner: false);

    public (InsightsReport, string, string) Dashboard =>
        (Insights.Report, $"/api/v1/organizations/{Insights.OrganizationId}/insights", InsightsApi.Query(FromYear, ToYear, null, null));
}
