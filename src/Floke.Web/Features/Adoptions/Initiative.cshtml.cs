using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Adoptions;

/// <summary>An initiative's adopters: who took up the solution, where, and how far they have come.</summary>
public sealed class InitiativeModel(AdoptionQueries queries, InitiativeQueries initiatives) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public Paged<AdoptionSummary> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var initiative = await initiatives.GetAsync(id, ct);
        if (initiative is null)
        {
            return NotFound();
        }
        (Id, Title) = (id, initiative.Title);
        Result = await queries.ListAsync(new AdoptionFilter(Initiative: id, Page: PageNumber), ct);
        return Page();
    }

    public string PageLink(int page) => $"/initiatives/{Id}/adoptions?page={page}";
}
