using System.Globalization;
using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Core.Audit;

/// <summary>The history page of one object: who changed what, when. A capability says how to find the object's title
/// (null when the reader may not see it, which answers 404) and where its page is.</summary>
public abstract class HistoryPage(AuditQueries audit) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public Paged<HistoryItem> History { get; private set; } = null!;

    /// <summary>The object's own page, e.g. "/needs/12".</summary>
    public virtual string ObjectUrl => $"{BasePath}/{Id}";

    public string PageLink(int page) => $"{ObjectUrl}/history?page={page}";

    /// <summary>E.g. "/needs".</summary>
    protected abstract string BasePath { get; }

    /// <summary>The audit trail's name for the object's type, e.g. nameof(Need).</summary>
    protected abstract string RootType { get; }

    protected abstract Task<string?> FindTitleAsync(int id, CancellationToken ct);

    /// <summary>The entries shown; a capability may hide some from some readers.</summary>
    protected virtual Task<Paged<HistoryItem>> LoadAsync(int id, int page, CancellationToken ct) =>
        audit.HistoryAsync(new AuditRoot(RootType, id.ToString(CultureInfo.InvariantCulture)), page, Paging.DefaultPageSize, ct);

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        if (await FindTitleAsync(id, ct) is not { } title)
        {
            return NotFound();
        }
        (Id, Title) = (id, title);
        History = await LoadAsync(id, pageNumber, ct);
        return Page();
    }
}
