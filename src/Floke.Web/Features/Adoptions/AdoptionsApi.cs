using Floke.Web.Core.Audit;
using Floke.Web.Core.Geography;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Adoptions;

/// <summary>/api/v1/adoptions: the same handlers as the adoption and spread pages.</summary>
public static class AdoptionsApi
{
    public sealed record AdoptionRequest(int InitiativeId, int AdopterOrganizationId, AdoptionStatus? Status, string? AbandonReason, string? Adaptations,
        string? ContactName, string? ContactEmail, int Version = 0)
    {
        public AdoptionInput ToInput() => new(Status, AbandonReason, Adaptations, ContactName, ContactEmail);
    }

    public sealed record VersionRequest(int Version);

    public static IEndpointRouteBuilder MapAdoptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/adoptions").WithTags("Adoptions");
        api.MapGet("/", List).WithName("ListAdoptions").WithSummary("Adoptions of the initiatives the caller may see, filtered and paged.");
        api.MapGet("/spread", Spread).WithName("Spread")
            .WithSummary("The spread of solutions: the most adopted, adoptions between levels and counties, the most inspiring initiatives.");
        api.MapGet("/spread/{table}.csv", SpreadCsv).WithName("SpreadCsv")
            .WithSummary("One table of the spread page (most-adopted, levels, counties, inspiring) as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType);
        app.MapGet("/api/v1/initiatives/{id:int}/adoptions.csv", AdoptersCsv).WithTags("Adoptions").WithName("AdoptersCsv")
            .WithSummary("Every adoption of an initiative's solution as CSV.").Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType);
        api.MapGet("/{id:int}", Get).WithName("GetAdoption").WithSummary("One adoption.");
        api.MapPost("/", Create).RequireAuthorization().WithName("CreateAdoption")
            .WithSummary("Records that the caller's organisation considers, pilots, uses or abandoned another's solution.");
        api.MapPut("/{id:int}", Update).RequireAuthorization().WithName("UpdateAdoption").WithSummary("The adopter changes its adoption from the version seen.");
        api.MapPost("/{id:int}/confirm", Confirm).RequireAuthorization().WithName("ConfirmAdoption").WithSummary("The solution's owner confirms the adoption.");
        api.MapGet("/{id:int}/history", History).WithName("AdoptionHistory").WithSummary("Every change to the adoption, newest first.");
        return app;
    }

    private static Task<Paged<AdoptionSummary>> List(AdoptionQueries queries, int? initiative, int? adopter, AdoptionStatus? status, CountyNumber? county,
        int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        queries.ListAsync(new AdoptionFilter(initiative, adopter, status, county?.Value, page, pageSize), ct);

    private static Task<SpreadReport> Spread(AdoptionQueries queries, CancellationToken ct) => queries.SpreadAsync(ct);

    private static async Task<IResult> SpreadCsv(string table, AdoptionQueries queries, Core.Geography.Geography geography,
        IStringLocalizer<SharedResource> l, HttpContext ctx, CancellationToken ct) =>
        AdoptionTables.Spread(await queries.SpreadAsync(ct), table, geography, l) ?? ApiResults.NotFound(ctx);

    private static async Task<IResult> AdoptersCsv(int id, AdoptionQueries queries, Initiatives.InitiativeQueries initiatives, Core.Geography.Geography geography,
        IStringLocalizer<SharedResource> l, HttpContext ctx, CancellationToken ct) =>
        await initiatives.GetAsync(id, ct) is null ? ApiResults.NotFound(ctx) : AdoptionTables.Adopters(await queries.AllForInitiativeAsync(id, ct), id, geography, l);

    private static async Task<Results<Ok<AdoptionView>, ProblemHttpResult>> Get(int id, AdoptionQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } a ? TypedResults.Ok(a) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<AdoptionView>, ValidationProblem, ProblemHttpResult>> Create(
        AdoptionRequest body, AdoptionCommands commands, AdoptionQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(body.InitiativeId, body.AdopterOrganizationId, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/adoptions/{id}", _ => view!);
    }

    private static async Task<Results<Ok<AdoptionView>, ValidationProblem, ProblemHttpResult>> Update(
        int id, AdoptionRequest body, AdoptionCommands commands, AdoptionQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(id, body.Version, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<AdoptionView>, ValidationProblem, ProblemHttpResult>> Confirm(
        int id, VersionRequest body, AdoptionCommands commands, AdoptionQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.ConfirmAsync(id, body.Version, ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> History(
        int id, AdoptionQueries queries, AuditQueries audit, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        if (await queries.GetAsync(id, ct) is null)
        {
            return ApiResults.NotFound(ctx);
        }
        return TypedResults.Ok(await audit.HistoryAsync(new AuditRoot(nameof(Adoption), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), page, pageSize, ct));
    }
}
