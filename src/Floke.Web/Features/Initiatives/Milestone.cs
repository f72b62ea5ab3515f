using Floke.Web.Core.Audit;

namespace Floke.Web.Features.Initiatives;

/// <summary>A dated step of an initiative; the share of done milestones is its progress figure.</summary>
public sealed class Milestone : IAudited
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public required string Title { get; set; }
    public DateOnly DueDate { get; set; }
    public bool Done { get; set; }
    public DateTimeOffset? DoneAt { get; set; }

    public AuditRoot AuditRoot => new(nameof(Initiative), InitiativeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
