using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Insights;

/// <summary>/insights: the national picture of public sector innovation, filtered by period, county and organisation kind.</summary>
public sealed class IndexModel(InsightsQueries queries) : PageModel, IPeriodFiltered
{
    [BindProperty(SupportsGet = true)] public int? FromYear { get; set; }
    [BindProperty(SupportsGet = true)] public int? ToYear { get; set; }
    [BindProperty(SupportsGet = true)] public CountyNumber? County { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationKind? OrganizationKind { get; set; }

    public InsightsReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await queries.DashboardAsync(new InsightsFilter(FromYear, ToYear, County?.Value, OrganizationKind), null, ct);

    public InsightsFilters Filters => new(FromYear, ToYear, County?.Value, OrganizationKind, Owner: true);

    public (InsightsReport, string, string) Dashboard => (Report, "/api/v1/insights", InsightsApi.Query(FromYear, ToYear, County?.Value, OrganizationKind));
}
