using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Initiatives;

/// <summary>What initiatives have learnt, public. Stopped initiatives' lessons are as findable as successes':
/// learning from failure is a measure of its own.</summary>
public sealed class LessonsModel(InitiativeQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Stopped { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<LessonListItem> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await queries.LessonsAsync(Q, Stopped, PageNumber, Paging.DefaultPageSize, ct);

    public string PageLink(int page) => "/lessons" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["stopped"] = Stopped ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));
}
