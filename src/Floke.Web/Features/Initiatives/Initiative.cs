using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.Initiatives;

/// <summary>The innovation work itself (tiltak / innovasjonsprosjekt): owned by one organisation, with partners,
/// the needs it serves, and a stage that moves only by a leader's gate decision.</summary>
public sealed class Initiative : IAudited, IVersioned, ICountedNationally, Core.Organizations.IOwnedByOrganization
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public int OwnerOrganizationId { get; set; }
    public Organization? OwnerOrganization { get; set; }
    /// <summary>The owner's county, kept here (derived) so that the portfolio filters by it on its own index at national scale.</summary>
    public string? OwnerCountyNumber { get; set; }
    /// <summary>The owner's kind, kept here (derived) for the same reason.</summary>
    public OrganizationKind OwnerKind { get; set; }
    public Measures Measures { get; set; }
    public InnovationTypes InnovationTypes { get; set; }
    public OecdFacet? OecdFacet { get; set; }
    public Novelty Novelty { get; set; }
    /// <summary>The initiative whose solution inspired this one, when Novelty is InspiredByOther and it is in Floke.</summary>
    public int? InspiredByInitiativeId { get; set; }
    public decimal? BudgetNok { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public InitiativeVisibility Visibility { get; set; }
    public InitiativeStage Stage { get; set; }
    public string? StopReason { get; set; }
    /// <summary>A member's open request for a gate decision; cleared when a leader decides.</summary>
    public DateTimeOffset? GateRequestedAt { get; set; }
    public string? GateRequestedBy { get; set; }
    public string? GateRequestNote { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Version { get; set; }

    public List<InitiativePartner> Partners { get; set; } = [];
    public List<InitiativeNeed> Needs { get; set; } = [];
    public List<GateDecision> GateDecisions { get; set; } = [];
    public List<Lesson> Lessons { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];

    public AuditRoot AuditRoot => new(nameof(Initiative), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Idea → Explore → Develop and test → Implement → Spread, or Stopped.</summary>
public enum InitiativeStage
{
    Idea = 1,
    Explore = 2,
    DevelopAndTest = 3,
    Implement = 4,
    Spread = 5,
    Stopped = 9,
}

public enum InitiativeVisibility
{
    Draft = 1,
    Published = 2,
}

/// <summary>The ten main measures of Meld. St. 30 (2019–2020).</summary>
[Flags]
public enum Measures
{
    None = 0,
    FrameworkConditions = 1 << 0,
    SupportInstruments = 1 << 1,
    Digitalisation = 1 << 2,
    Culture = 1 << 3,
    Competence = 1 << 4,
    Experiments = 1 << 5,
    Collaboration = 1 << 6,
    Procurement = 1 << 7,
    Research = 1 << 8,
    RealiseAndSpread = 1 << 9,
}

/// <summary>Kinds of innovation as the Innovasjonsbarometeret counts them.</summary>
[Flags]
public enum InnovationTypes
{
    None = 0,
    Service = 1 << 0,
    Process = 1 << 1,
    Organisation = 1 << 2,
    Communication = 1 << 3,
    Technology = 1 << 4,
}

/// <summary>The OECD's four facets of public-sector innovation.</summary>
public enum OecdFacet
{
    Enhancement = 1,
    MissionOriented = 2,
    Adaptive = 3,
    Anticipatory = 4,
}

public enum Novelty
{
    NewToUs = 1,
    InspiredByOther = 2,
}
