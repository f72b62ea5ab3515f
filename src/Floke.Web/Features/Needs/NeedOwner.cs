using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;

namespace Floke.Web.Features.Needs;

/// <summary>An organisation that owns a need. Co-owners are invited and own it only once they accept.</summary>
public sealed class NeedOwner : IAudited
{
    public int NeedId { get; set; }
    public Need? Need { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public OwnerStatus Status { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    public AuditRoot AuditRoot => new(nameof(Need), NeedId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum OwnerStatus
{
    Invited = 1,
    Accepted = 2,
}
