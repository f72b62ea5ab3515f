namespace Floke.Web.Core.Audit;

/// <summary>One recorded change: who, when, what, and each changed field's value before and after.
/// Written only by <see cref="AuditRecorder"/>; the app offers no way to edit or delete it.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string RootType { get; set; }
    public required string RootId { get; set; }
    /// <summary>JSON array of {field, before, after}.</summary>
    public required string Changes { get; set; }
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}
