using System.Globalization;
using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Initiatives;

/// <summary>Who changed what in an initiative, its partners, gate decisions and lessons. Seen by whoever may see the initiative.</summary>
public sealed class HistoryModel(InitiativeQueries queries, AuditQueries audit) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public Paged<HistoryItem> History { get; private set; } = null!;

    public string PageLink(int page) => $"/initiatives/{Id}/history?page={page}";

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var initiative = await queries.GetAsync(id, ct);
        if (initiative is null)
        {
            return NotFound();
        }
        (Id, Title) = (id, initiative.Title);
        History = await audit.HistoryAsync(new AuditRoot(nameof(Initiative), id.ToString(CultureInfo.InvariantCulture)), pageNumber, Paging.DefaultPageSize, ct);
        return Page();
    }
}
