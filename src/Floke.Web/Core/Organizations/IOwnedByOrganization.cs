namespace Floke.Web.Core.Organizations;

/// <summary>An item owned by one organisation that keeps its owner's kind and county on its own row (initiatives, open
/// calls), so that lists and insights filter by them without a join.</summary>
public interface IOwnedByOrganization
{
    int OwnerOrganizationId { get; }
    OrganizationKind OwnerKind { get; }
    string? OwnerCountyNumber { get; }
    DateTimeOffset CreatedAt { get; }
}
