using Floke.Web.Features.Needs;
using Floke.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Infrastructure.Web.Pages;

/// <summary>The front page: what Floke is, a few figures and the newest needs.</summary>
public sealed class HomeModel(FlokeDbContext db, NeedQueries needs, ListCounts counts) : PageModel
{
    public int PublishedNeeds { get; private set; }
    public int Organizations { get; private set; }
    public IReadOnlyList<NeedSummary> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PublishedNeeds = await counts.CountAsync("published-needs", "", [], db.Needs.Where(n => n.Status == NeedStatus.Published), ct);
        Organizations = await counts.CountAsync("all-organizations", "", [], db.Organizations, ct);
        Latest = (await needs.ListAsync(new NeedFilter(PageSize: 5), ct)).Items;
    }
}
