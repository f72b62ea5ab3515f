using Floke.Web.Core.Audit;
using Floke.Web.Core.Geography;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floke.Web.Core.Organizations;

/// <summary>/api/v1/organizations: the same handlers as the organisation pages.</summary>
public static class OrganizationsApi
{
    public sealed record OrganizationRequest(string? Name, string? OrganizationNumber, OrganizationKind? Kind, string? MunicipalityNumber,
        string? CountyNumber, string? Description, string? Website)
    {
        public OrganizationInput ToInput() => new(Name, OrganizationNumber, Kind, MunicipalityNumber, CountyNumber, Description, Website);
    }

    public sealed record OrganizationUpdate(int Version, string? Name, string? OrganizationNumber, OrganizationKind? Kind,
        string? MunicipalityNumber, string? CountyNumber, string? Description, string? Website)
    {
        public OrganizationInput ToInput() => new(Name, OrganizationNumber, Kind, MunicipalityNumber, CountyNumber, Description, Website);
    }

    public sealed record DecisionRequest(bool Approve, MemberRole? Role);

    public sealed record VerifyRequest(bool Verified);

    public static RouteGroupBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organizations").WithTags("Organizations");

        api.MapGet("/", List).WithName("ListOrganizations").WithSummary("Lists organisations, paged and filtered.");
        api.MapGet("/{id:int}", Get).WithName("GetOrganization").WithSummary("One organisation.");
        api.MapPost("/", Create).RequireAuthorization().WithName("CreateOrganization")
            .WithSummary("Registers an organisation; the caller becomes its administrator.");
        api.MapPut("/{id:int}", Update).RequireAuthorization().WithName("UpdateOrganization")
            .WithSummary("Edits an organisation (administrators); a stale version answers 409.");
        api.MapPost("/{id:int}/verification", Verify).RequireAuthorization().WithName("VerifyOrganization")
            .WithSummary("Marks an organisation verified (platform administrators).");
        api.MapGet("/{id:int}/memberships", Members).RequireAuthorization().WithName("ListMemberships")
            .WithSummary("Members and pending requests to join (administrators).");
        api.MapPost("/{id:int}/memberships", Join).RequireAuthorization().WithName("RequestMembership")
            .WithSummary("Asks to join the organisation.");
        api.MapPost("/{id:int}/memberships/{membershipId:int}/decision", Decide).RequireAuthorization().WithName("DecideMembership")
            .WithSummary("Approves a request with a role, changes a role, or declines (administrators).");
        api.MapGet("/{id:int}/history", History).WithName("OrganizationHistory").WithSummary("Every change to the organisation, newest first.");
        return api;
    }

    private static Task<Paged<OrganizationView>> List(OrganizationQueries queries, string? q, OrganizationKind? kind, CountyNumber? county,
        bool? verified, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        queries.ListAsync(new OrganizationFilter(q, kind, county?.Value, verified, page, pageSize), ct);

    private static async Task<Results<Ok<OrganizationView>, ProblemHttpResult>> Get(int id, OrganizationQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } org ? TypedResults.Ok(org) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<OrganizationView>, ValidationProblem, ProblemHttpResult>> Create(
        OrganizationRequest body, OrganizationCommands commands, OrganizationQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/organizations/{id}", _ => view!);
    }

    private static async Task<Results<Ok<OrganizationView>, ValidationProblem, ProblemHttpResult>> Update(
        int id, OrganizationUpdate body, OrganizationCommands commands, OrganizationQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(id, body.Version, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<OrganizationView>, ValidationProblem, ProblemHttpResult>> Verify(
        int id, VerifyRequest body, OrganizationCommands commands, OrganizationQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.SetVerifiedAsync(id, body.Verified, ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<IReadOnlyList<MemberView>>, ValidationProblem, ProblemHttpResult>> Members(
        int id, MembershipCommands commands, HttpContext ctx, CancellationToken ct) =>
        (await commands.ListAsync(id, ct)).ToApi(ctx, v => v);

    private static async Task<Results<Created<MembershipCreated>, ValidationProblem, ProblemHttpResult>> Join(
        int id, MembershipCommands commands, HttpContext ctx, CancellationToken ct) =>
        (await commands.RequestToJoinAsync(id, ct)).ToCreated(ctx, m => $"/api/v1/organizations/{id}/memberships", m => new MembershipCreated(m, MembershipStatus.Pending));

    private static async Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult>> Decide(
        int id, int membershipId, DecisionRequest body, MembershipCommands commands, HttpContext ctx, CancellationToken ct) =>
        (await commands.DecideAsync(id, membershipId, body.Approve, body.Role, ct)).ToApi(ctx, v => v);

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> History(
        int id, OrganizationQueries queries, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        if (await queries.GetAsync(id, ct) is null)
        {
            return ApiResults.NotFound(ctx);
        }
        return TypedResults.Ok(await queries.HistoryAsync(id, page, pageSize, ct));
    }

    public sealed record MembershipCreated(int Id, MembershipStatus Status);
}
