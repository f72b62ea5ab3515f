using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floke.Web.Features.Barriers;

/// <summary>/api/v1/barriers: the same handlers as the register pages.</summary>
public static class BarriersApi
{
    public sealed record BarrierRequest(int InitiativeId, string? Rule, string? Section, BarrierKind? Kind, string? Description, int? ResponsibleOrganizationId);

    public sealed record StepRequest(BarrierStatus? Status, BarrierResolution? Resolution, string? Note, DateOnly? Date);

    public static IEndpointRouteBuilder MapBarriersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/barriers").WithTags("Barriers");
        api.MapGet("/", List).WithName("ListBarriers").WithSummary("Barriers of the initiatives the caller may see, filtered and paged.");
        api.MapGet("/register", GetRegister).WithName("BarrierRegister").WithSummary("Barriers grouped by rule and by responsible body, with counts.");
        api.MapGet("/{id:int}", Get).WithName("GetBarrier").WithSummary("One barrier with its steps.");
        api.MapPost("/", Report).RequireAuthorization().WithName("ReportBarrier").WithSummary("Reports what blocks an initiative.");
        api.MapPost("/{id:int}/steps", AddStep).RequireAuthorization().WithName("AddBarrierStep")
            .WithSummary("The responsible body moves the barrier on: under review, resolved (how) or rejected, with a note.");
        api.MapGet("/{id:int}/history", History).WithName("BarrierHistory").WithSummary("Every change to the barrier, newest first.");
        return app;
    }

    private static Task<Paged<BarrierSummary>> List(BarrierQueries queries, BarrierStatus? status, BarrierKind? kind, string? rule, int? responsible,
        int? initiative, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        queries.ListAsync(new BarrierFilter(status, kind, rule, responsible, initiative, page, pageSize), ct);

    private static Task<Register> GetRegister(BarrierQueries queries, CancellationToken ct) => queries.RegisterAsync(ct);

    private static async Task<Results<Ok<BarrierView>, ProblemHttpResult>> Get(int id, BarrierQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } b ? TypedResults.Ok(b) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<BarrierView>, ValidationProblem, ProblemHttpResult>> Report(
        BarrierRequest body, BarrierCommands commands, BarrierQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.ReportAsync(body.InitiativeId, new BarrierInput(body.Rule, body.Section, body.Kind, body.Description, body.ResponsibleOrganizationId), ct);
        var view = result.IsOk ? await queries.GetAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/barriers/{id}", _ => view!);
    }

    private static async Task<Results<Ok<BarrierView>, ValidationProblem, ProblemHttpResult>> AddStep(
        int id, StepRequest body, BarrierCommands commands, BarrierQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.AddStepAsync(id, new StepInput(body.Status, body.Resolution, body.Note, body.Date), ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> History(
        int id, BarrierQueries queries, AuditQueries audit, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        if (await queries.GetAsync(id, ct) is null)
        {
            return ApiResults.NotFound(ctx);
        }
        return TypedResults.Ok(await audit.HistoryAsync(new AuditRoot(nameof(Barrier), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), page, pageSize, ct));
    }
}
