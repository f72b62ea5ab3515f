using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;

namespace Floke.Web.Core.Organizations;

/// <summary>A person's role in an organisation. A request to join is a pending membership until an administrator decides.</summary>
public sealed class Membership : IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string UserId { get; set; }
    public User? User { get; set; }
    public MemberRole Role { get; set; }
    public MembershipStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public AuditRoot AuditRoot => new(nameof(Organization), OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum MemberRole
{
    Member = 1,
    Leader = 2,
    Administrator = 3,
}

public enum MembershipStatus
{
    Pending = 1,
    Active = 2,
    Declined = 3,
}
