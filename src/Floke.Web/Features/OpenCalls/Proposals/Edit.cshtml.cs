using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Floke.Web.Features.OpenCalls.Proposals;

/// <summary>Edits a proposal until the call's deadline, conflict-safe.</summary>
[Authorize]
public sealed class EditModel(ProposalCommands commands, OpenCallQueries queries) : EditPage, IProposalFormPage
{
    public int Id { get; private set; }
    [BindProperty] public ProposalForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Id = id;
        var proposal = await queries.GetProposalAsync(id, ct);
        if (proposal is null)
        {
            return NotFound();
        }
        if (!proposal.CanEdit)
        {
            return this.Deny();
        }
        Input = ProposalForm.From(proposal);
        Version = proposal.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.UpdateAsync(id, Version, Input.ToInput(), ct);
        return await AfterSaveAsync(result, $"/proposals/{id}", async () => (await queries.GetProposalAsync(id, ct))?.Version);
    }
}
