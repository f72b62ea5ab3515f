using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Initiatives;

/// <summary>The portfolio: published initiatives (and, for members, their organisations' drafts), filtered and paged.</summary>
public sealed class IndexModel(InitiativeQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public InitiativeStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public Measures? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public InnovationTypes? Type { get; set; }
    [BindProperty(SupportsGet = true)] public OecdFacet? Facet { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationKind? OrganizationKind { get; set; }
    [BindProperty(SupportsGet = true)] public CountyNumber? County { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    /// <summary>Proven solutions: adopted by at least this many organisations.</summary>
    [BindProperty(SupportsGet = true)] public int? MinAdoptions { get; set; }
    [BindProperty(SupportsGet = true)] public bool RealisedGains { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<InitiativeSummary> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine &= User.Identity?.IsAuthenticated == true;
        Result = await queries.ListAsync(new InitiativeFilter(Q, Stage, Measure, Type, Facet, OrganizationKind, County?.Value, null, Mine, PageNumber,
            MinAdoptions: MinAdoptions, RealisedGains: RealisedGains), ct);
    }

    public string PageLink(int page) => "/initiatives" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["stage"] = Stage?.ToString(), ["measure"] = Measure?.ToString(), ["type"] = Type?.ToString(),
        ["facet"] = Facet?.ToString(), ["organizationKind"] = OrganizationKind?.ToString(), ["county"] = County?.Value,
        ["mine"] = Mine ? "true" : null, ["minAdoptions"] = MinAdoptions?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["realisedGains"] = RealisedGains ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));
}
