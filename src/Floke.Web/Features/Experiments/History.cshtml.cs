using System.Globalization;
using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Experiments;

/// <summary>Who changed what in an experiment and its metrics, and when.</summary>
public sealed class HistoryModel(ExperimentQueries queries, AuditQueries audit) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public Paged<HistoryItem> History { get; private set; } = null!;

    public string PageLink(int page) => $"/experiments/{Id}/history?page={page}";

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var experiment = await queries.GetAsync(id, ct);
        if (experiment is null)
        {
            return NotFound();
        }
        (Id, Title) = (id, experiment.Title);
        History = await audit.HistoryAsync(new AuditRoot(nameof(Experiment), id.ToString(CultureInfo.InvariantCulture)), pageNumber, Paging.DefaultPageSize, ct);
        return Page();
    }
}
