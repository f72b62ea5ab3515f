using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.Barriers;

/// <summary>A rule, funding rule or practice that blocks an initiative (regelverkshinder), tracked to resolution, so those
/// who set framework conditions see what blocks innovation most.</summary>
public sealed class Barrier : IAudited, IVersioned, Infrastructure.ICountedNationally
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    /// <summary>The law, regulation or rule by name, e.g. "forvaltningsloven"; the register groups by it.</summary>
    public required string Rule { get; set; }
    /// <summary>The rule's name normalised (lower case, single spaces), so the register counts one rule once.</summary>
    public required string RuleKey { get; set; }
    /// <summary>Where in it, e.g. "§ 13".</summary>
    public string? Section { get; set; }
    public BarrierKind Kind { get; set; }
    /// <summary>What it blocks and why.</summary>
    public required string Description { get; set; }
    public int? ResponsibleOrganizationId { get; set; }
    public Organization? ResponsibleOrganization { get; set; }
    public BarrierStatus Status { get; set; }
    public BarrierResolution? Resolution { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<BarrierStep> Steps { get; set; } = [];

    public AuditRoot AuditRoot => new(nameof(Barrier), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>One step on the way to resolution, with its note and date.</summary>
public sealed class BarrierStep : IAudited
{
    public int Id { get; set; }
    public int BarrierId { get; set; }
    public Barrier? Barrier { get; set; }
    public BarrierStatus Status { get; set; }
    public BarrierResolution? Resolution { get; set; }
    public required string Note { get; set; }
    public DateOnly Date { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public AuditRoot AuditRoot => new(nameof(Barrier), BarrierId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum BarrierKind
{
    Law = 1,
    Regulation = 2,
    FundingRule = 3,
    InterpretationOrPractice = 4,
    TechnicalStandard = 5,
}

public enum BarrierStatus
{
    Reported = 1,
    UnderReview = 2,
    Resolved = 3,
    Rejected = 4,
}

public enum BarrierResolution
{
    Clarification = 1,
    Exemption = 2,
    Sandbox = 3,
    RuleChange = 4,
}
