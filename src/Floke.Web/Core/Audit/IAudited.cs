namespace Floke.Web.Core.Audit;

/// <summary>An entity whose every change is written to the audit trail.</summary>
public interface IAudited
{
    /// <summary>The object whose history this change belongs to (a need's owner rows belong to the need).</summary>
    AuditRoot AuditRoot { get; }
}

/// <summary>Names the object a history page shows, e.g. ("Need", "12").</summary>
public readonly record struct AuditRoot(string Type, string Id);
