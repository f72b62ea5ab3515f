using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.OpenCalls;

/// <summary>An organisation's answer to an open call. Seen only by the proposing organisation's members, and once submitted
/// by the call's jury and the owner's leaders; the awarded proposal becomes public with the award.</summary>
public sealed class Proposal : IAudited, IVersioned, Infrastructure.ICountedNationally
{
    public int Id { get; set; }
    public int OpenCallId { get; set; }
    public OpenCall? OpenCall { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string Title { get; set; }
    /// <summary>The solution proposed, and how it meets the need.</summary>
    public required string Solution { get; set; }
    public decimal? PriceNok { get; set; }
    public ProposalStatus Status { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<ProposalScore> Scores { get; set; } = [];

    public AuditRoot AuditRoot => new(nameof(Proposal), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum ProposalStatus
{
    Draft = 1,
    Submitted = 2,
    Withdrawn = 3,
}

/// <summary>One jury member's score (0–10) of one proposal on one criterion. Kept in the call's evaluation record, which only
/// the jury and the owner's leaders read, not in the proposal's history (its authors must not see scores before the award).</summary>
public sealed class ProposalScore : IAudited
{
    public int ProposalId { get; set; }
    public int CriterionId { get; set; }
    public required string UserId { get; set; }
    public int OpenCallId { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset ScoredAt { get; set; }

    public AuditRoot AuditRoot => new(OpenCallRules.EvaluationAuditType, OpenCallId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
