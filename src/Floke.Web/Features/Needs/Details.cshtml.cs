using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Needs;

/// <summary>One need; its owners manage it here: publish, archive, invite co-owners; invited leaders answer.</summary>
public sealed class DetailsModel(NeedQueries queries, NeedCommands commands, InitiativeQueries initiatives, OpenCalls.OpenCallQueries calls,
    OrganizationQueries organizations, IStringLocalizer<SharedResource> l) : ActionPage
{
    public NeedView Need { get; private set; } = null!;
    public IReadOnlyList<InitiativeSummary> Initiatives { get; private set; } = [];
    public IReadOnlyList<OpenCalls.OpenCallSummary> OpenCalls { get; private set; } = [];
    [BindProperty] public string? InviteNumber { get; set; }

    public async Task<IActionResult> OnPostStatusAsync(int id, NeedStatus status, CancellationToken ct)
    {
        var result = await commands.SetStatusAsync(id, status, ct);
        return await AfterActionAsync(id, result, l[$"Need.Status.Changed.{status}"], ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        var orgId = await organizations.IdByNumberAsync(InviteNumber, ct);
        var result = orgId is null
            ? Infrastructure.Result<bool>.Invalid(nameof(InviteNumber), l["Need.Owner.UnknownOrganization"])
            : await commands.InviteOwnerAsync(id, orgId.Value, ct);
        return await AfterActionAsync(id, result, l["Need.Owner.InvitedMessage"], ct, rename: (nameof(NeedsApi.OwnerRequest.OrganizationId), nameof(InviteNumber)));
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, int organizationId, bool accept, CancellationToken ct)
    {
        var result = await commands.AnswerInvitationAsync(id, organizationId, accept, ct);
        return await AfterActionAsync(id, result, accept ? l["Need.Owner.AcceptedMessage"] : l["Need.Owner.DeclinedMessage"], ct);
    }

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var need = await queries.GetAsync(id, ct);
        Need = need!;
        Initiatives = need is null ? [] : await initiatives.ForNeedAsync(id, ct);
        OpenCalls = need is null ? [] : await calls.ForNeedAsync(id, ct);
        return need is not null;
    }
}
