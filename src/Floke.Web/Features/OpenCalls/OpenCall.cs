using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Needs;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.OpenCalls;

/// <summary>An invitation from a public body to solve a need (utlysning): companies, start-ups and researchers answer with
/// proposals before the deadline, a jury scores them on weighted criteria, and a leader of the body awards one.</summary>
public sealed class OpenCall : IAudited, IVersioned, Infrastructure.ICountedNationally, Core.Organizations.IOwnedByOrganization
{
    public int Id { get; set; }
    public int OwnerOrganizationId { get; set; }
    public Organization? Owner { get; set; }
    /// <summary>The need the call asks to be solved, if it has one on Floke.</summary>
    public int? NeedId { get; set; }
    public Need? Need { get; set; }
    public required string Title { get; set; }
    /// <summary>What should be solved, seen from the user's side, and what the body knows already.</summary>
    public required string Challenge { get; set; }
    /// <summary>Who may answer and what a proposal must contain.</summary>
    public string? Requirements { get; set; }
    /// <summary>What the body expects to spend on the solution, if it says so.</summary>
    public decimal? BudgetNok { get; set; }
    /// <summary>Proposals are accepted until this moment (12:00 Norwegian time on the chosen day).</summary>
    public DateTimeOffset Deadline { get; set; }
    public OpenCallStatus Status { get; set; }
    public string? CancelReason { get; set; }
    public int? AwardedProposalId { get; set; }
    public string? AwardRationale { get; set; }
    public DateTimeOffset? AwardedAt { get; set; }
    /// <summary>The owner's kind and county, kept on the call so that lists and insights filter without a join.</summary>
    public OrganizationKind OwnerKind { get; set; }
    public string? OwnerCountyNumber { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Version { get; set; }

    public List<OpenCallCriterion> Criteria { get; set; } = [];
    public List<JuryMember> Jury { get; set; } = [];

    public AuditRoot AuditRoot => new(nameof(OpenCall), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum OpenCallStatus
{
    Draft = 1,
    /// <summary>Public; open for proposals until the deadline, then under evaluation.</summary>
    Published = 2,
    Awarded = 3,
    Cancelled = 4,
}

/// <summary>What the jury scores each proposal on, with its weight in percent (a call's weights add up to 100).</summary>
public sealed class OpenCallCriterion : IAudited
{
    public int Id { get; set; }
    public int OpenCallId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Weight { get; set; }
    public int SortOrder { get; set; }

    public AuditRoot AuditRoot => new(nameof(OpenCall), OpenCallId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A person the owner's leaders appointed to score the call's proposals. Jury members see every submitted proposal.</summary>
public sealed class JuryMember : IAudited
{
    public int OpenCallId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    // Who sits on the jury is kept with the evaluation record, not in the call's public history.
    public AuditRoot AuditRoot => new(OpenCallRules.EvaluationAuditType, OpenCallId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
