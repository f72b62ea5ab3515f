namespace Floke.Web.Features.Experiments;

/// <summary>The experiment form's fields as a browser posts them. Metrics come as numbered rows; blank rows are ignored.</summary>
public sealed class ExperimentForm
{
    public sealed class MetricRow
    {
        public string? Name { get; set; }
        public string? Unit { get; set; }
        public decimal? Baseline { get; set; }
        public decimal? Target { get; set; }
        public decimal? Result { get; set; }
    }

    /// <summary>Blank metric rows offered after the existing ones, so a form without script can add metrics.</summary>
    public const int SpareRows = 2;

    public string? Title { get; set; }
    public string? Hypothesis { get; set; }
    public ExperimentDesign? Design { get; set; } = ExperimentDesign.Pilot;
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Participants { get; set; }
    public LegalBasis? LegalBasis { get; set; } = Experiments.LegalBasis.OrdinaryMandate;
    public DateOnly? ActApprovedOn { get; set; }
    public string? ActMinistry { get; set; }
    public DateOnly? ActEndsOn { get; set; }
    public bool ActExtended { get; set; }
    public string? SandboxRegulator { get; set; }
    public DateOnly? SandboxAdmittedOn { get; set; }
    public string? SandboxExitReportUrl { get; set; }
    public string? ExemptionFromRule { get; set; }
    public List<MetricRow> Metrics { get; set; } = [];

    public ExperimentInput ToInput() => new(Title, Hypothesis, Design, StartDate, EndDate, Participants, LegalBasis, ActApprovedOn, ActMinistry,
        ActEndsOn, ActExtended, SandboxRegulator, SandboxAdmittedOn, SandboxExitReportUrl, ExemptionFromRule,
        [.. Metrics.Select(m => new MetricInput(m.Name, m.Unit, m.Baseline, m.Target, m.Result))]);

    public static ExperimentForm From(ExperimentView e) => new()
    {
        Title = e.Title, Hypothesis = e.Hypothesis, Design = e.Design, StartDate = e.StartDate, EndDate = e.EndDate, Participants = e.Participants,
        LegalBasis = e.LegalBasis, ActApprovedOn = e.ActApprovedOn, ActMinistry = e.ActMinistry, ActEndsOn = e.ActEndsOn, ActExtended = e.ActExtended,
        SandboxRegulator = e.SandboxRegulator, SandboxAdmittedOn = e.SandboxAdmittedOn, SandboxExitReportUrl = e.SandboxExitReportUrl,
        ExemptionFromRule = e.ExemptionFromRule,
        Metrics = [.. e.Metrics.Select(m => new MetricRow { Name = m.Name, Unit = m.Unit, Baseline = m.Baseline, Target = m.Target, Result = m.Result })],
    };

    /// <summary>Adds the blank rows the form shows after the existing metrics.</summary>
    public ExperimentForm WithSpareRows()
    {
        while (Metrics.Count < Math.Min(ExperimentRules.MaxMetrics, Metrics.Count(m => m.Name is not null) + SpareRows))
        {
            Metrics.Add(new MetricRow());
        }
        return this;
    }
}

/// <summary>A page that shows the experiment form (create and edit), so one partial renders the fields for both.</summary>
public interface IExperimentFormPage
{
    ExperimentForm Input { get; }
    /// <summary>Whether results are asked for (once the experiment runs).</summary>
    bool ShowResults { get; }
}
