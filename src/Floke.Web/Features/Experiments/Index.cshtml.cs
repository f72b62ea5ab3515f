using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Experiments;

/// <summary>Experiments across the initiatives the reader may see, by status, outcome and legal basis.</summary>
public sealed class IndexModel(ExperimentQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ExperimentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ExperimentOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public LegalBasis? LegalBasis { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<ExperimentSummary> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await queries.ListAsync(new ExperimentFilter(Status, Outcome, LegalBasis, null, Q, PageNumber), ct);

    public string PageLink(int page) => "/experiments" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["status"] = Status?.ToString(), ["outcome"] = Outcome?.ToString(), ["legalBasis"] = LegalBasis?.ToString(),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));
}
