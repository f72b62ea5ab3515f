using Floke.Web.Core.Audit;

namespace Floke.Web.Features.Initiatives;

/// <summary>A leader's decision at a stage gate, kept on record with its rationale: go to the next stage, hold, or stop.</summary>
public sealed class GateDecision : IAudited
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public InitiativeStage FromStage { get; set; }
    public InitiativeStage ToStage { get; set; }
    public GateOutcome Outcome { get; set; }
    public required string Rationale { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string DecidedByUserId { get; set; }
    public required string DecidedByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public AuditRoot AuditRoot => new(nameof(Initiative), InitiativeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum GateOutcome
{
    Go = 1,
    Hold = 2,
    Stop = 3,
}

/// <summary>What was learnt: what worked, what did not, what we would do differently. Stopped initiatives keep theirs,
/// and lessons from failures are as findable as those from successes.</summary>
public sealed class Lesson : IAudited
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public string? WhatWorked { get; set; }
    public string? WhatDidNotWork { get; set; }
    public string? DoDifferently { get; set; }
    public required string AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public AuditRoot AuditRoot => new(nameof(Initiative), InitiativeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
