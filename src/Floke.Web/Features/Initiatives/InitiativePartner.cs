using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;

namespace Floke.Web.Features.Initiatives;

/// <summary>An organisation taking part in an initiative with a role; it takes part only once it accepts.</summary>
public sealed class InitiativePartner : IAudited
{
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public PartnerRole Role { get; set; }
    public ParticipationStatus Status { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    public AuditRoot AuditRoot => new(nameof(Initiative), InitiativeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum PartnerRole
{
    Lead = 1,
    Partner = 2,
    ResearchPartner = 3,
    Supplier = 4,
    UserRepresentative = 5,
}

public enum ParticipationStatus
{
    Invited = 1,
    Accepted = 2,
}

/// <summary>A need the initiative serves.</summary>
public sealed class InitiativeNeed : IAudited
{
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public int NeedId { get; set; }
    public Needs.Need? Need { get; set; }

    public AuditRoot AuditRoot => new(nameof(Initiative), InitiativeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
