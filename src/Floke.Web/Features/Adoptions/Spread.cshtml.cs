using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Adoptions;

/// <summary>The spread of solutions: which spread where, across counties and levels, and which inspired others.</summary>
public sealed class SpreadModel(AdoptionQueries queries) : PageModel
{
    public SpreadReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await queries.SpreadAsync(ct);
}
