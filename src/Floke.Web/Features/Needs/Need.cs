using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.Needs;

/// <summary>A problem seen from the user's side (behov / samfunnsflok), owned by one or more organisations.</summary>
public sealed class Need : IAudited, IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public AffectedGroups AffectedGroups { get; set; }
    /// <summary>What those affected experience, in their words.</summary>
    public required string UserExperience { get; set; }
    public string? CurrentSituation { get; set; }
    public Sectors Sectors { get; set; }
    public GovernmentLevels Levels { get; set; }
    public NeedStatus Status { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Version { get; set; }

    public List<NeedOwner> Owners { get; set; } = [];

    public AuditRoot AuditRoot => new(nameof(Need), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum NeedStatus
{
    Draft = 1,
    Published = 2,
    Archived = 3,
}

[Flags]
public enum AffectedGroups
{
    None = 0,
    Citizens = 1,
    Businesses = 2,
    VoluntaryOrganizations = 4,
    PublicEmployees = 8,
}

[Flags]
public enum GovernmentLevels
{
    None = 0,
    State = 1,
    County = 2,
    Municipality = 4,
}

/// <summary>Sectors of society, after the main areas of public services.</summary>
[Flags]
public enum Sectors
{
    None = 0,
    Health = 1 << 0,
    Care = 1 << 1,
    Education = 1 << 2,
    Welfare = 1 << 3,
    Transport = 1 << 4,
    Environment = 1 << 5,
    Culture = 1 << 6,
    Justice = 1 << 7,
    Business = 1 << 8,
    Digitalisation = 1 << 9,
    Housing = 1 << 10,
    Emergency = 1 << 11,
}
