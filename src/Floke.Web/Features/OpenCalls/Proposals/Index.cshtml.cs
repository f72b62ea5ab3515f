using Floke.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.OpenCalls.Proposals;

/// <summary>The proposals of the reader's organisations, with where each call stands — a company's answer to "where are my bids?".</summary>
[Authorize]
public sealed class IndexModel(OpenCallQueries queries) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<ProposalSummary> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await queries.MyProposalsAsync(PageNumber, Paging.DefaultPageSize, ct);

    public static string PageLink(int page) => $"/proposals?page={page}";
}
