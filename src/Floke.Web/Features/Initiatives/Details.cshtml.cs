using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Initiatives;

/// <summary>One initiative with its timeline; its people manage it here: publish, invite partners, ask for a gate
/// decision, write lessons; invited leaders answer.</summary>
public sealed class DetailsModel(InitiativeQueries queries, InitiativeCommands commands, OrganizationQueries organizations, IStringLocalizer<SharedResource> l) : ActionPage
{
    public sealed class InviteForm
    {
        public string? OrganizationNumber { get; set; }
        public PartnerRole Role { get; set; } = PartnerRole.Partner;
    }

    public sealed class LessonForm
    {
        public string? WhatWorked { get; set; }
        public string? WhatDidNotWork { get; set; }
        public string? DoDifferently { get; set; }
    }

    public sealed class MilestoneForm
    {
        public string? Title { get; set; }
        public DateOnly? DueDate { get; set; }
    }

    public InitiativeView Initiative { get; private set; } = null!;
    public IReadOnlyList<Experiments.ExperimentSummary> Experiments { get; private set; } = [];
    public IReadOnlyList<Barriers.BarrierSummary> Barriers { get; private set; } = [];
    public Adoptions.AdoptionCounts Adoptions { get; private set; } = global::Floke.Web.Features.Adoptions.AdoptionCounts.None;
    [BindProperty] public MilestoneForm NewMilestone { get; set; } = new();
    [BindProperty] public InviteForm Invite { get; set; } = new();
    [BindProperty] public LessonForm Lesson { get; set; } = new();
    [BindProperty] public string? GateNote { get; set; }

    public async Task<IActionResult> OnPostVisibilityAsync(int id, InitiativeVisibility visibility, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.SetVisibilityAsync(id, visibility, ct), l[$"Initiative.Visibility.Changed.{visibility}"], ct);

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        var orgId = await organizations.IdByNumberAsync(Invite.OrganizationNumber, ct);
        var result = orgId is null
            ? Result<bool>.Invalid("OrganizationNumber", l["Need.Owner.UnknownOrganization"])
            : await commands.InvitePartnerAsync(id, orgId.Value, Invite.Role, ct);
        return await AfterActionAsync(id, result, l["Need.Owner.InvitedMessage"], ct, "Invite.",
            rename: ("OrganizationId", "Invite.OrganizationNumber"));
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, int organizationId, bool accept, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.AnswerPartnershipAsync(id, organizationId, accept, ct),
            accept ? l["Initiative.Partner.AcceptedMessage"] : l["Need.Owner.DeclinedMessage"], ct);

    public async Task<IActionResult> OnPostRequestGateAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.RequestGateAsync(id, GateNote, ct), l["Gate.RequestedMessage"], ct,
            rename: ("Note", nameof(GateNote)));

    public async Task<IActionResult> OnPostLessonAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.AddLessonAsync(id, new LessonInput(Lesson.WhatWorked, Lesson.WhatDidNotWork, Lesson.DoDifferently), ct),
            l["Lesson.SavedMessage"], ct, "Lesson.");

    public async Task<IActionResult> OnPostMilestoneAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.AddMilestoneAsync(id, new MilestoneInput(NewMilestone.Title, NewMilestone.DueDate), ct),
            l["Milestones.AddedMessage"], ct, "NewMilestone.");

    public async Task<IActionResult> OnPostMilestoneDoneAsync(int id, int milestoneId, bool done, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.SetMilestoneDoneAsync(id, milestoneId, done, ct), l["Milestones.SavedMessage"], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.PageAsync(id, ct) is not { } page)
        {
            return false;
        }
        (Initiative, Experiments, Barriers, Adoptions) = page;
        return true;
    }
}
