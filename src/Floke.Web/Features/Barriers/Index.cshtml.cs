using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Barriers;

/// <summary>The public register: what blocks innovation most, by rule and by responsible body, and every barrier.</summary>
public sealed class IndexModel(BarrierQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public BarrierStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public BarrierKind? Kind { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Register Register { get; private set; } = null!;
    public Paged<BarrierSummary> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Register = await queries.RegisterAsync(ct);
        Result = await queries.ListAsync(new BarrierFilter(Status, Kind, Rule, null, null, PageNumber), ct);
    }

    public string PageLink(int page) => "/barriers" + QueryString.Create(new Dictionary<string, string?>
    {
        ["rule"] = Rule, ["status"] = Status?.ToString(), ["kind"] = Kind?.ToString(),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));
}
