using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Core.Organizations;

/// <summary>A public body, company, research institution or voluntary organisation (virksomhet).</summary>
public sealed class Organization : IAudited, IVersioned, ICountedNationally
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The 9-digit number in the Central Coordinating Register (Enhetsregisteret).</summary>
    public required string OrganizationNumber { get; set; }
    public OrganizationKind Kind { get; set; }
    public string? MunicipalityNumber { get; set; }
    public string? CountyNumber { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public bool IsVerified { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    public AuditRoot AuditRoot => new(nameof(Organization), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum OrganizationKind
{
    StateAgency = 1,
    County = 2,
    Municipality = 3,
    Company = 4,
    StartUp = 5,
    ResearchInstitution = 6,
    VoluntaryOrganization = 7,
    Other = 8,
}
