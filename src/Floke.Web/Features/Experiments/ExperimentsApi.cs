using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floke.Web.Features.Experiments;

/// <summary>/api/v1/experiments: the same handlers as the experiment pages.</summary>
public static class ExperimentsApi
{
    public sealed record ExperimentRequest(int InitiativeId, string? Title, string? Hypothesis, ExperimentDesign? Design, DateOnly? StartDate,
        DateOnly? EndDate, string? Participants, LegalBasis? LegalBasis, DateOnly? ActApprovedOn, string? ActMinistry, DateOnly? ActEndsOn,
        bool ActExtended, string? SandboxRegulator, DateOnly? SandboxAdmittedOn, string? SandboxExitReportUrl, string? ExemptionFromRule,
        MetricInput[]? Metrics)
    {
        public ExperimentInput ToInput() => new(Title, Hypothesis, Design, StartDate, EndDate, Participants, LegalBasis, ActApprovedOn, ActMinistry,
            ActEndsOn, ActExtended, SandboxRegulator, SandboxAdmittedOn, SandboxExitReportUrl, ExemptionFromRule, Metrics ?? []);
    }

    public sealed record ExperimentUpdate(int Version, string? Title, string? Hypothesis, ExperimentDesign? Design, DateOnly? StartDate,
        DateOnly? EndDate, string? Participants, LegalBasis? LegalBasis, DateOnly? ActApprovedOn, string? ActMinistry, DateOnly? ActEndsOn,
        bool ActExtended, string? SandboxRegulator, DateOnly? SandboxAdmittedOn, string? SandboxExitReportUrl, string? ExemptionFromRule,
        MetricInput[]? Metrics)
    {
        public ExperimentInput ToInput() => new(Title, Hypothesis, Design, StartDate, EndDate, Participants, LegalBasis, ActApprovedOn, ActMinistry,
            ActEndsOn, ActExtended, SandboxRegulator, SandboxAdmittedOn, SandboxExitReportUrl, ExemptionFromRule, Metrics ?? []);
    }

    public sealed record StatusRequest(int Version, ExperimentStatus? Status, ExperimentOutcome? Outcome, string? Evidence, ExperimentDecision? Decision);

    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/experiments").WithTags("Experiments");
        api.MapGet("/", List).WithName("ListExperiments").WithSummary("Experiments of the initiatives the caller may see, filtered and paged.");
        api.MapGet("/{id:int}", Get).WithName("GetExperiment").WithSummary("One experiment with its metrics.");
        api.MapPost("/", Create).RequireAuthorization().WithName("CreateExperiment").WithSummary("Plans an experiment in an initiative.");
        api.MapPut("/{id:int}", Update).RequireAuthorization().WithName("UpdateExperiment").WithSummary("Edits an experiment; a stale version answers 409.");
        api.MapPost("/{id:int}/status", SetStatus).RequireAuthorization().WithName("SetExperimentStatus")
            .WithSummary("Starts an experiment, or concludes it with outcome, evidence, decision and every metric's result.");
        api.MapGet("/{id:int}/history", History).WithName("ExperimentHistory").WithSummary("Every change to the experiment, newest first.");
        return app;
    }

    private static Task<Paged<ExperimentSummary>> List(ExperimentQueries queries, ExperimentStatus? status, ExperimentOutcome? outcome,
        LegalBasis? legalBasis, int? initiative, string? q, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        queries.ListAsync(new ExperimentFilter(status, outcome, legalBasis, initiative, q, page, pageSize), ct);

    private static async Task<Results<Ok<ExperimentView>, ProblemHttpResult>> Get(int id, ExperimentQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } e ? TypedResults.Ok(e) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<ExperimentView>, ValidationProblem, ProblemHttpResult>> Create(
        ExperimentRequest body, ExperimentCommands commands, ExperimentQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(body.InitiativeId, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/experiments/{id}", _ => view!);
    }

    private static async Task<Results<Ok<ExperimentView>, ValidationProblem, ProblemHttpResult>> Update(
        int id, ExperimentUpdate body, ExperimentCommands commands, ExperimentQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(id, body.Version, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<ExperimentView>, ValidationProblem, ProblemHttpResult>> SetStatus(
        int id, StatusRequest body, ExperimentCommands commands, ExperimentQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.SetStatusAsync(id, body.Version, new StatusInput(body.Status, body.Outcome, body.Evidence, body.Decision), ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> History(
        int id, ExperimentQueries queries, AuditQueries audit, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        if (await queries.GetAsync(id, ct) is null)
        {
            return ApiResults.NotFound(ctx);
        }
        return TypedResults.Ok(await audit.HistoryAsync(new AuditRoot(nameof(Experiment), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), page, pageSize, ct));
    }
}
