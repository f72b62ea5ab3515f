using System.Linq.Expressions;
using Floke.Web.Core.Organizations;
using LinqKit;

namespace Floke.Web.Features.OpenCalls;

/// <summary>Who may see and do what with open calls and proposals. Pages, API and lists all ask here.</summary>
public static class OpenCallAccess
{
    /// <summary>Only public bodies invite proposals.</summary>
    public static bool MayOwnCalls(OrganizationKind kind) => kind is OrganizationKind.StateAgency or OrganizationKind.County or OrganizationKind.Municipality;

    /// <summary>A call is public once published, and stays so whatever follows (evaluation, award, cancellation); a draft —
    /// and a draft cancelled before it was ever published — is seen by the owner's members only. Every page, list, search
    /// document, dashboard and open dataset asks this.</summary>
    public static readonly Expression<Func<OpenCall, bool>> IsPublic = c => c.PublishedAt != null;

    /// <summary>For the migration that brought in <see cref="IsPublic"/> (before it, a call was public unless a draft, so a
    /// draft cancelled before publishing became public): the stored search documents of calls never published are made
    /// their owners' alone, as <c>SearchIndexer</c> now builds them. The same SQL on both databases; the triggers log the
    /// changed documents, so kept match sets take them out.</summary>
    internal const string HideNeverPublishedInSearch = """
        INSERT INTO "SearchViewers" ("DocumentId", "OrganizationId")
        SELECT d."Id", c."OwnerOrganizationId" FROM "SearchDocuments" d JOIN "OpenCalls" c ON c."Id" = d."ItemId"
        WHERE d."Kind" = 7 AND d."IsPublic" AND c."PublishedAt" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "SearchViewers" v WHERE v."DocumentId" = d."Id" AND v."OrganizationId" = c."OwnerOrganizationId");
        UPDATE "SearchDocuments" SET "IsPublic" = FALSE
        WHERE "Kind" = 7 AND "IsPublic" AND "ItemId" IN (SELECT "Id" FROM "OpenCalls" WHERE "PublishedAt" IS NULL);
        """;

    /// <summary>The calls the members of <paramref name="organizationIds"/> may see (<see cref="IsPublic"/>, and their own).</summary>
    public static IQueryable<OpenCall> VisibleTo(this IQueryable<OpenCall> calls, int[] organizationIds) =>
        organizationIds.Length == 0 // said as such for PostgreSQL (see InitiativeAccess.VisibleTo)
            ? calls.Where(IsPublic)
            : calls.Where(Linq.Expr((OpenCall c) => IsVisibleTo.Invoke(c, organizationIds)).Expand());

    /// <summary>The rule of <see cref="VisibleTo"/> as one expression, for a compiled query (which says
    /// <c>OpenCallAccess.IsVisibleTo.Invoke(c, orgIds)</c>; see <c>InitiativeAccess.IsVisibleTo</c>).</summary>
    public static readonly Expression<Func<OpenCall, int[], bool>> IsVisibleTo = (c, organizationIds) =>
        c.PublishedAt != null || organizationIds.Contains(c.OwnerOrganizationId);

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
