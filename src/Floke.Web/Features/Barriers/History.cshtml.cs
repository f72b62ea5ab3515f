using System.Globalization;
using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Barriers;

/// <summary>Who changed what in a barrier, and when.</summary>
public sealed class HistoryModel(BarrierQueries queries, AuditQueries audit) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public Paged<HistoryItem> History { get; private set; } = null!;

    public string PageLink(int page) => $"/barriers/{Id}/history?page={page}";

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var barrier = await queries.GetAsync(id, ct);
        if (barrier is null)
        {
            return NotFound();
        }
        (Id, Title) = (id, $"{barrier.Rule} {barrier.Section}".Trim());
        History = await audit.HistoryAsync(new AuditRoot(nameof(Barrier), id.ToString(CultureInfo.InvariantCulture)), pageNumber, Paging.DefaultPageSize, ct);
        return Page();
    }
}
