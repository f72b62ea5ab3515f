using System.Linq.Expressions;
using Floke.Web.Core.Organizations;
using LinqKit;

namespace Floke.Web.Features.OpenCalls;

/// <summary>Who may see and do what with open calls and proposals. Pages, API and lists all ask here.</summary>
public static class OpenCallAccess
{
    /// <summary>Only public bodies invite proposals.</summary>
    public static bool MayOwnCalls(OrganizationKind kind) => kind is OrganizationKind.StateAgency or OrganizationKind.County or OrganizationKind.Municipality;

    /// <summary>A call is public once published; a draft is seen by the owner's members.</summary>
    public static IQueryable<OpenCall> VisibleTo(this IQueryable<OpenCall> calls, int[] organizationIds) =>
        organizationIds.Length == 0 // said as such for PostgreSQL (see InitiativeAccess.VisibleTo)
            ? calls.Where(c => c.Status != OpenCallStatus.Draft)
            : calls.Where(Linq.Expr((OpenCall c) => IsVisibleTo.Invoke(c, organizationIds)).Expand());

    /// <summary>The rule of <see cref="VisibleTo"/> as one expression, for a compiled query (which says
    /// <c>OpenCallAccess.IsVisibleTo.Invoke(c, orgIds)</c>; see <c>InitiativeAccess.IsVisibleTo</c>).</summary>
    public static readonly Expression<Func<OpenCall, int[], bool>> IsVisibleTo = (c, organizationIds) =>
        c.Status != OpenCallStatus.Draft || organizationIds.Contains(c.OwnerOrganizationId);

    /// <summary>A proposal is seen by its organisation's members; while submitted (not drafted or withdrawn), by the call's
    /// jury and the owner's leaders; once awarded, by everyone.</summary>
    public static IQueryable<Proposal> VisibleTo(this IQueryable<Proposal> proposals, int[] organizationIds, int[] leadsIds, string? userId) =>
        proposals.Where(p => organizationIds.Contains(p.OrganizationId)
            || (p.OpenCall!.Status == OpenCallStatus.Awarded && p.OpenCall.AwardedProposalId == p.Id)
            || (p.Status == ProposalStatus.Submitted
                && (leadsIds.Contains(p.OpenCall!.OwnerOrganizationId) || p.OpenCall.Jury.Any(j => j.UserId == userId))));

    /// <summary>The jury and the owner's leaders read the submitted proposals and the scores.</summary>
    public static bool CanEvaluate(OpenCall call, string? userId, IReadOnlyDictionary<int, MemberRole> roles) =>
        IsLeader(call, roles) || (userId is not null && call.Jury.Any(j => j.UserId == userId));

    /// <summary>The owner's leaders publish, cancel, appoint the jury and award: each commits the body publicly.</summary>
    public static bool IsLeader(OpenCall call, IReadOnlyDictionary<int, MemberRole> roles) =>
        roles.TryGetValue(call.OwnerOrganizationId, out var role) && role >= MemberRole.Leader;

    public static int[] LeadIds(IReadOnlyDictionary<int, MemberRole> roles) => [.. roles.Where(r => r.Value >= MemberRole.Leader).Select(r => r.Key)];
}
