using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.Adoptions;

/// <summary>Another organisation taking up an initiative's solution (gjenbruk / spredning), with its own status, what it
/// adapted, its contact, and — as benefits with this adoption — its own gains. The solution's owner confirms it.</summary>
public sealed class Adoption : IAudited, IVersioned, ICountedNationally
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public int AdopterOrganizationId { get; set; }
    public Organization? AdopterOrganization { get; set; }
    public AdoptionStatus Status { get; set; }
    /// <summary>Why it was abandoned; required then.</summary>
    public string? AbandonReason { get; set; }
    /// <summary>What the adopter changed to fit its own context.</summary>
    public string? Adaptations { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>When a member of the solution's owner confirmed the adoption; until then the owner sees it as news.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public AuditRoot AuditRoot => new(nameof(Adoption), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum AdoptionStatus
{
    Considering = 1,
    Piloting = 2,
    Adopted = 3,
    Abandoned = 4,
}
