using Floke.Web.Features.Initiatives;
using Floke.Web.Features.Needs;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Organizations;

/// <summary>An organisation's public page: facts, its published needs, and for signed-in people joining and managing.</summary>
public sealed class DetailsModel(OrganizationQueries queries, OrganizationCommands commands, MembershipCommands memberships,
    NeedQueries needs, InitiativeQueries initiatives, Features.Benefits.BenefitQueries benefits, IStringLocalizer<SharedResource> l) : ActionPage
{
    public OrganizationView Organization { get; private set; } = null!;
    public MyRelation Relation { get; private set; } = null!;
    public IReadOnlyList<NeedSummary> Needs { get; private set; } = [];
    public IReadOnlyList<InitiativeSummary> Initiatives { get; private set; } = [];
    public Features.Benefits.OrganizationGains Gains { get; private set; } = null!;

    public async Task<IActionResult> OnPostJoinAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await memberships.RequestToJoinAsync(id, ct), l["Org.RequestSent"], ct);

    public async Task<IActionResult> OnPostVerifyAsync(int id, bool verified, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.SetVerifiedAsync(id, verified, ct), verified ? l["Org.VerifiedMessage"] : l["Org.UnverifiedMessage"], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var org = await queries.GetAsync(id, ct);
        if (org is null)
        {
            return false;
        }
        Organization = org;
        Relation = await queries.RelationAsync(id, ct);
        Needs = (await needs.ListAsync(new NeedFilter(Organization: id, PageSize: 10), ct)).Items;
        Initiatives = (await initiatives.ListAsync(new InitiativeFilter(Organization: id, PageSize: 10), ct)).Items;
        Gains = await benefits.ForOrganizationAsync(id, ct);
        return true;
    }
}
