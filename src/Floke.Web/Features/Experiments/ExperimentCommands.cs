using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Experiments;

/// <summary>Planning, running and concluding experiments; shared by the pages and /api/v1/experiments.
/// Who may: the members of the initiative's owner and of its accepted partners (InitiativeAccess.CanContributeAsync).</summary>
public sealed class ExperimentCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<ExperimentInput> validator,
    VersionedSave save,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Plans a new experiment in an initiative.</summary>
    public async Task<Result<int>> CreateAsync(int initiativeId, ExperimentInput input, CancellationToken ct)
    {
        var target = await db.ForContributionAsync(user, initiativeId, l["Experiment.Initiative.Unknown"], ct);
        if (!target.IsOk)
        {
            return target.As<int>();
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var experiment = new Experiment { InitiativeId = initiativeId, Title = "", Hypothesis = "", Status = ExperimentStatus.Planned, CreatedAt = now };
        Apply(experiment, input, now);
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(ct);
        return Result.Ok(experiment.Id);
    }

    /// <summary>Edits an experiment from the version the writer saw. A concluded experiment's metrics keep their results.</summary>
    public async Task<Result<int>> UpdateAsync(int id, int version, ExperimentInput input, CancellationToken ct)
    {
        var (experiment, failure) = await LoadAsync(id, ct);
        if (experiment is null)
        {
            return failure!.As<int>();
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        if (experiment.Status == ExperimentStatus.Concluded && input.Metrics.Any(m => m.Result is null))
        {
            return Result<int>.Invalid(MissingResults(input.Metrics));
        }
        return await save.SaveAsync(experiment, version, e => Apply(e, input, clock.GetUtcNow()), ct);
    }

    /// <summary>Starts a planned experiment, or concludes a running one: outcome, evidence, decision and every metric's
    /// result are required. "Make permanent" asks the initiative's leaders for a gate decision towards Implement.</summary>
    public async Task<Result<int>> SetStatusAsync(int id, int version, StatusInput input, CancellationToken ct)
    {
        var (experiment, failure) = await LoadAsync(id, ct);
        if (experiment is null)
        {
            return failure!.As<int>();
        }
        var allowed = (experiment.Status, input.Status) switch
        {
            (ExperimentStatus.Planned, ExperimentStatus.Running) => true,
            (ExperimentStatus.Running, ExperimentStatus.Concluded) => true,
            _ => false,
        };
        if (!allowed)
        {
            return Result<int>.Invalid(nameof(StatusInput.Status), l["Experiment.Status.NotAllowed"]);
        }
        var evidence = Validation.Clean(input.Evidence);
        if (input.Status == ExperimentStatus.Concluded)
        {
            var errors = new Dictionary<string, string[]>();
            if (input.Outcome is null || !Enum.IsDefined(input.Outcome.Value))
            {
                errors[nameof(StatusInput.Outcome)] = [l["Experiment.Outcome.Required"]];
            }
            if (evidence is null || evidence.Length > ExperimentRules.TextMaxLength)
            {
                errors[nameof(StatusInput.Evidence)] = [l["Experiment.Evidence.Required", ExperimentRules.TextMaxLength]];
            }
            if (input.Decision is null || !Enum.IsDefined(input.Decision.Value))
            {
                errors[nameof(StatusInput.Decision)] = [l["Experiment.Decision.Required"]];
            }
            if (experiment.Metrics.Count == 0)
            {
                errors["Metrics"] = [l["Experiment.Metrics.RequiredToConclude"]];
            }
            foreach (var (field, messages) in MissingResults(experiment.Metrics.Select(ToInput).ToList()))
            {
                errors[field] = messages;
            }
            if (errors.Count > 0)
            {
                return Result<int>.Invalid(errors);
            }
        }
        var now = clock.GetUtcNow();
        var initiative = experiment.Initiative!;
        var name = AuditActor.From(user.Principal).Name;
        return await save.SaveAsync(experiment, version, e =>
        {
            e.Status = input.Status!.Value;
            e.UpdatedAt = now;
            if (e.Status == ExperimentStatus.Concluded)
            {
                e.Outcome = input.Outcome;
                e.Evidence = evidence;
                e.Decision = input.Decision;
                if (input.Decision == ExperimentDecision.MakePermanent && initiative.Stage != InitiativeStage.Stopped)
                {
                    initiative.GateRequestedAt = now;
                    initiative.GateRequestedBy = name;
                    initiative.GateRequestNote = l["Experiment.MakePermanent.GateNote", e.Title];
                }
            }
        }, ct);
    }

    private async Task<(Experiment? Experiment, Result<bool>? Failure)> LoadAsync(int id, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var visible = db.Initiatives.VisibleTo(orgIds);
        var experiment = await db.Experiments.Include(e => e.Metrics.OrderBy(m => m.Id)).Include(e => e.Initiative).ThenInclude(i => i!.Partners)
            .Where(e => visible.Any(i => i.Id == e.InitiativeId)).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        if (experiment is null)
        {
            return (null, Result<bool>.NotFound());
        }
        return await InitiativeAccess.CanContributeAsync(experiment.Initiative!, user, ct) ? (experiment, null) : (null, Result<bool>.Forbidden());
    }

    private Dictionary<string, string[]> MissingResults(IReadOnlyList<MetricInput> metrics) =>
        metrics.Select((m, i) => (m, i)).Where(x => x.m.Result is null)
            .ToDictionary(x => $"Metrics[{x.i}].Result", x => new[] { l["Experiment.Metric.ResultRequired", x.m.Name ?? ""].Value });

    private static MetricInput ToInput(ExperimentMetric m) => new(m.Name, m.Unit, m.Baseline, m.Target, m.Result);

    private static ExperimentInput Clean(ExperimentInput i) => i with
    {
        Title = Validation.Clean(i.Title),
        Hypothesis = Validation.Clean(i.Hypothesis),
        Participants = Validation.Clean(i.Participants),
        ActMinistry = Validation.Clean(i.ActMinistry),
        SandboxRegulator = Validation.Clean(i.SandboxRegulator),
        SandboxExitReportUrl = Validation.Clean(i.SandboxExitReportUrl),
        ExemptionFromRule = Validation.Clean(i.ExemptionFromRule),
        // A form's blank metric rows are not metrics.
        Metrics = [.. (i.Metrics ?? []).Select(m => m with { Name = Validation.Clean(m.Name), Unit = Validation.Clean(m.Unit) })
            .Where(m => m.Name is not null || m.Unit is not null || m.Baseline is not null || m.Target is not null || m.Result is not null)],
    };

    private static void Apply(Experiment e, ExperimentInput input, DateTimeOffset now)
    {
        e.Title = input.Title!;
        e.Hypothesis = input.Hypothesis!;
        e.Design = input.Design!.Value;
        e.StartDate = input.StartDate;
        e.EndDate = input.EndDate;
        e.Participants = input.Participants;
        e.LegalBasis = input.LegalBasis!.Value;
        // Keep only the fields of the chosen legal basis, so a switch leaves no stale approval behind.
        var act = e.LegalBasis == LegalBasis.ExperimentsAct;
        var sandbox = e.LegalBasis == LegalBasis.RegulatorySandbox;
        e.ActApprovedOn = act ? input.ActApprovedOn : null;
        e.ActMinistry = act ? input.ActMinistry : null;
        e.ActEndsOn = act ? input.ActEndsOn : null;
        e.ActExtended = act && input.ActExtended;
        e.SandboxRegulator = sandbox ? input.SandboxRegulator : null;
        e.SandboxAdmittedOn = sandbox ? input.SandboxAdmittedOn : null;
        e.SandboxExitReportUrl = sandbox ? input.SandboxExitReportUrl : null;
        e.ExemptionFromRule = e.LegalBasis == LegalBasis.Exemption ? input.ExemptionFromRule : null;
        e.UpdatedAt = now;
        // Metrics are matched by position: the form and the API send the whole list in order.
        for (var i = 0; i < input.Metrics.Count; i++)
        {
            var m = input.Metrics[i];
            var metric = i < e.Metrics.Count ? e.Metrics[i] : null;
            if (metric is null)
            {
                metric = new ExperimentMetric { Name = "" };
                e.Metrics.Add(metric);
            }
            (metric.Name, metric.Unit, metric.Baseline, metric.Target, metric.Result) = (m.Name!, m.Unit, m.Baseline, m.Target, m.Result);
        }
        e.Metrics.RemoveRange(input.Metrics.Count, e.Metrics.Count - input.Metrics.Count);
    }
}
