using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Benefits;

/// <summary>Who invests, who gains: the public picture of gains that land in other organisations than the ones that paid.</summary>
public sealed class FlowsModel(FlowQueries queries) : PageModel, IPeriodFiltered
{
    public const int ShownRows = 50;

    [BindProperty(SupportsGet = true)] public int? FromYear { get; set; }
    [BindProperty(SupportsGet = true)] public int? ToYear { get; set; }
    [BindProperty(SupportsGet = true)] public Measures? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public GovernmentLevel? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public CountyNumber? County { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public FlowView? View { get; set; }

    public FlowReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await queries.FlowsAsync(new FlowFilter(FromYear, ToYear, Measure, Sector, County?.Value, Kind, View ?? FlowView.Organization), ct);

    /// <summary>The same filter as a query string, for the CSV downloads.</summary>
    public string Query => QueryString.Create(new Dictionary<string, string?>
    {
        ["fromYear"] = FromYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["toYear"] = ToYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["measure"] = Measure?.ToString(), ["sector"] = Sector?.ToString(), ["county"] = County?.Value, ["kind"] = Kind?.ToString(), ["view"] = View?.ToString(),
    }.Where(kv => kv.Value is not null)).ToString();
}
