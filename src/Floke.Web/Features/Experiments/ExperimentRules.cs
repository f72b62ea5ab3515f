using Floke.Web.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Experiments;

public sealed record MetricInput(string? Name, string? Unit, decimal? Baseline, decimal? Target, decimal? Result);

/// <summary>What a person fills in about an experiment, on the page and in the API alike.</summary>
public sealed record ExperimentInput(
    string? Title,
    string? Hypothesis,
    ExperimentDesign? Design,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Participants,
    LegalBasis? LegalBasis,
    DateOnly? ActApprovedOn,
    string? ActMinistry,
    DateOnly? ActEndsOn,
    bool ActExtended,
    string? SandboxRegulator,
    DateOnly? SandboxAdmittedOn,
    string? SandboxExitReportUrl,
    string? ExemptionFromRule,
    IReadOnlyList<MetricInput> Metrics);

/// <summary>Moving an experiment on: start it, or conclude it with outcome, evidence and decision.</summary>
public sealed record StatusInput(ExperimentStatus? Status, ExperimentOutcome? Outcome, string? Evidence, ExperimentDecision? Decision);

public static class ExperimentRules
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MaxMetrics = 20;
    /// <summary>Forsøksloven § 7: an experiment runs at most four years, extendable once by at most two.</summary>
    public const int ActYears = 4;
    public const int ActExtensionYears = 2;
    /// <summary>How long before a forsøksloven end date the page warns.</summary>
    public const int ActWarningDays = 180;
}

public sealed class ExperimentInputValidator : AbstractValidator<ExperimentInput>
{
    public ExperimentInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(ExperimentRules.TitleMaxLength).WithName(_ => l["Experiment.Title"]);
        RuleFor(x => x.Hypothesis).NotEmpty().MaximumLength(ExperimentRules.TextMaxLength).WithName(_ => l["Experiment.Hypothesis"]);
        RuleFor(x => x.Design).NotNull().IsInEnum().WithName(_ => l["Experiment.Design"]);
        RuleFor(x => x.Participants).MaximumLength(ExperimentRules.TextMaxLength).WithName(_ => l["Experiment.Participants"]);
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).WithMessage(_ => l["Initiative.EndBeforeStart"])
            .When(x => x.StartDate is not null && x.EndDate is not null);
        RuleFor(x => x.LegalBasis).NotNull().IsInEnum().WithName(_ => l["Experiment.LegalBasis"]);
        When(x => x.LegalBasis == LegalBasis.ExperimentsAct, () =>
        {
            RuleFor(x => x.ActApprovedOn).NotNull().WithName(_ => l["Experiment.ActApprovedOn"]);
            RuleFor(x => x.ActMinistry).NotEmpty().MaximumLength(200).WithName(_ => l["Experiment.ActMinistry"]);
            RuleFor(x => x.ActEndsOn).NotNull().WithName(_ => l["Experiment.ActEndsOn"]);
            RuleFor(x => x.ActEndsOn)
                .Must((x, end) => end >= x.ActApprovedOn).WithMessage(_ => l["Experiment.ActEndsOn.BeforeApproval"])
                .Must((x, end) => end <= x.ActApprovedOn!.Value.AddYears(ExperimentRules.ActYears + (x.ActExtended ? ExperimentRules.ActExtensionYears : 0)))
                .WithMessage(x => x.ActExtended
                    ? l["Experiment.ActEndsOn.TooLate", ExperimentRules.ActYears + ExperimentRules.ActExtensionYears]
                    : l["Experiment.ActEndsOn.TooLateWithoutExtension", ExperimentRules.ActYears])
                .When(x => x.ActApprovedOn is not null && x.ActEndsOn is not null);
        });
        When(x => x.LegalBasis == LegalBasis.RegulatorySandbox, () =>
        {
            RuleFor(x => x.SandboxRegulator).NotEmpty().MaximumLength(200).WithName(_ => l["Experiment.SandboxRegulator"]);
            RuleFor(x => x.SandboxAdmittedOn).NotNull().WithName(_ => l["Experiment.SandboxAdmittedOn"]);
        });
        RuleFor(x => x.SandboxExitReportUrl)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage(_ => l["Org.Website.Invalid"])
            .When(x => !string.IsNullOrWhiteSpace(x.SandboxExitReportUrl));
        When(x => x.LegalBasis == LegalBasis.Exemption, () =>
            RuleFor(x => x.ExemptionFromRule).NotEmpty().MaximumLength(500).WithName(_ => l["Experiment.ExemptionFromRule"]));
        RuleFor(x => x.Metrics).Must(m => m.Count <= ExperimentRules.MaxMetrics).WithMessage(_ => l["Experiment.Metrics.TooMany", ExperimentRules.MaxMetrics]);
        RuleForEach(x => x.Metrics).ChildRules(m =>
        {
            m.RuleFor(x => x.Name).NotEmpty().MaximumLength(200).WithName(_ => l["Metric.Name"]);
            m.RuleFor(x => x.Unit).MaximumLength(50).WithName(_ => l["Metric.Unit"]);
            m.RuleFor(x => x.Unit).NotEmpty().WithMessage(_ => l["Metric.Unit.Required"])
                .When(x => x.Target is not null || x.Baseline is not null || x.Result is not null);
        });
    }
}
