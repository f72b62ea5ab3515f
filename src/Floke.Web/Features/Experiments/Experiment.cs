using Floke.Web.Core.Audit;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.Experiments;

/// <summary>A test inside an initiative (forsøk): a hypothesis, a design, metrics with baseline, target and result, the legal
/// basis it runs on, and — when concluded — the outcome, the evidence and the decision it leads to.</summary>
public sealed class Experiment : IAudited, IVersioned, Infrastructure.ICountedNationally
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public required string Title { get; set; }
    /// <summary>"We believe that … will lead to …, measured by …".</summary>
    public required string Hypothesis { get; set; }
    public ExperimentDesign Design { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Participants { get; set; }

    public LegalBasis LegalBasis { get; set; }
    /// <summary>Forsøksloven: when and by which ministry the experiment was approved, and when it must end.</summary>
    public DateOnly? ActApprovedOn { get; set; }
    public string? ActMinistry { get; set; }
    public DateOnly? ActEndsOn { get; set; }
    /// <summary>Forsøksloven allows one extension of at most two years beyond the first four.</summary>
    public bool ActExtended { get; set; }
    public string? SandboxRegulator { get; set; }
    public DateOnly? SandboxAdmittedOn { get; set; }
    public string? SandboxExitReportUrl { get; set; }
    public string? ExemptionFromRule { get; set; }

    public ExperimentStatus Status { get; set; }
    public ExperimentOutcome? Outcome { get; set; }
    public string? Evidence { get; set; }
    public ExperimentDecision? Decision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<ExperimentMetric> Metrics { get; set; } = [];

    public AuditRoot AuditRoot => new(nameof(Experiment), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>What is measured: its unit, the value before (baseline), the value aimed for (target) and the value reached.</summary>
public sealed class ExperimentMetric : IAudited
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public Experiment? Experiment { get; set; }
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public decimal? Result { get; set; }

    public AuditRoot AuditRoot => new(nameof(Experiment), ExperimentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum ExperimentDesign
{
    Pilot = 1,
    BeforeAfter = 2,
    AB = 3,
    Randomised = 4,
    Other = 5,
}

public enum LegalBasis
{
    OrdinaryMandate = 1,
    /// <summary>Lov om forsøk i offentlig forvaltning (forsøksloven).</summary>
    ExperimentsAct = 2,
    RegulatorySandbox = 3,
    Exemption = 4,
}

public enum ExperimentStatus
{
    Planned = 1,
    Running = 2,
    Concluded = 3,
}

public enum ExperimentOutcome
{
    Confirmed = 1,
    Refuted = 2,
    Inconclusive = 3,
}

public enum ExperimentDecision
{
    MakePermanent = 1,
    Iterate = 2,
    Stop = 3,
}
