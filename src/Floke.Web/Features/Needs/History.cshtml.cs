using System.Globalization;
using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Needs;

/// <summary>Who changed what in a need, and when. Seen by whoever may see the need.</summary>
public sealed class HistoryModel(NeedQueries queries, AuditQueries audit) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public Paged<HistoryItem> History { get; private set; } = null!;

    public string PageLink(int page) => $"/needs/{Id}/history?page={page}";

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var need = await queries.GetAsync(id, ct);
        if (need is null)
        {
            return NotFound();
        }
        (Id, Title) = (id, need.Title);
        History = await audit.HistoryAsync(new AuditRoot(nameof(Need), id.ToString(CultureInfo.InvariantCulture)), pageNumber, Paging.DefaultPageSize, ct);
        return Page();
    }
}
