using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floke.Web.Features.Needs;

/// <summary>/api/v1/needs: the same handlers as the need pages, so the two cannot disagree on rules or rights.</summary>
public static class NeedsApi
{
    public sealed record NeedRequest(int OwnerOrganizationId, string? Title, AffectedGroups[]? AffectedGroups, string? UserExperience,
        string? CurrentSituation, Sectors[]? Sectors, GovernmentLevels[]? Levels)
    {
        public NeedInput ToInput() => new(Title, Flags.Combine(AffectedGroups), UserExperience, CurrentSituation, Flags.Combine(Sectors), Flags.Combine(Levels));
    }

    public sealed record NeedUpdate(int Version, string? Title, AffectedGroups[]? AffectedGroups, string? UserExperience,
        string? CurrentSituation, Sectors[]? Sectors, GovernmentLevels[]? Levels)
    {
        public NeedInput ToInput() => new(Title, Flags.Combine(AffectedGroups), UserExperience, CurrentSituation, Flags.Combine(Sectors), Flags.Combine(Levels));
    }

    public sealed record StatusRequest(NeedStatus Status);

    public sealed record OwnerRequest(int OrganizationId);

    public sealed record InvitationAnswer(bool Accept);

    /// <summary>A need as the API gives it: flag sets as lists of names.</summary>
    public sealed record NeedDto(int Id, string Title, NeedStatus Status, AffectedGroups[] AffectedGroups, string UserExperience,
        string? CurrentSituation, Sectors[] Sectors, GovernmentLevels[] Levels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        DateTimeOffset? PublishedAt, bool IsDemo, int Version, IReadOnlyList<NeedOwnerView> Owners)
    {
        public static NeedDto From(NeedView n) => new(n.Id, n.Title, n.Status, Flags.Split(n.AffectedGroups), n.UserExperience, n.CurrentSituation,
            Flags.Split(n.Sectors), Flags.Split(n.Levels), n.CreatedAt, n.UpdatedAt, n.PublishedAt, n.IsDemo, n.Version, n.Owners);
    }

    public sealed record NeedListItem(int Id, string Title, NeedStatus Status, AffectedGroups[] AffectedGroups, Sectors[] Sectors,
        GovernmentLevels[] Levels, DateTimeOffset? PublishedAt, bool IsDemo, IReadOnlyList<NeedOwnerView> Owners)
    {
        public static NeedListItem From(NeedSummary n) => new(n.Id, n.Title, n.Status, Flags.Split(n.AffectedGroups), Flags.Split(n.Sectors),
            Flags.Split(n.Levels), n.PublishedAt, n.IsDemo, n.Owners);
    }

    public static RouteGroupBuilder MapNeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/needs").WithTags("Needs");
        api.MapGet("/", List).WithName("ListNeeds")
            .WithSummary("Published needs, newest first; with mine=true, every need of the caller's organisations including drafts.");
        api.MapGet("/{id:int}", Get).WithName("GetNeed").WithSummary("One need; another organisation's draft answers 404.");
        api.MapPost("/", Create).RequireAuthorization().WithName("CreateNeed").WithSummary("Writes a need as a draft.");
        api.MapPut("/{id:int}", Update).RequireAuthorization().WithName("UpdateNeed").WithSummary("Edits a need; a stale version answers 409.");
        api.MapPost("/{id:int}/status", SetStatus).RequireAuthorization().WithName("SetNeedStatus")
            .WithSummary("Publishes, archives or republishes a need.");
        api.MapPost("/{id:int}/owners", Invite).RequireAuthorization().WithName("InviteNeedOwner")
            .WithSummary("Invites another organisation to co-own the need.");
        api.MapPost("/{id:int}/owners/{organizationId:int}/answer", Answer).RequireAuthorization().WithName("AnswerNeedOwnership")
            .WithSummary("A leader of the invited organisation accepts or declines co-ownership.");
        api.MapGet("/{id:int}/history", History).WithName("NeedHistory").WithSummary("Every change to the need, newest first.");
        return api;
    }

    private static async Task<Paged<NeedListItem>> List(NeedQueries queries, string? q, AffectedGroups? affected, Sectors? sector,
        GovernmentLevels? level, int? organization, NeedStatus? status, bool mine = false, int page = 1, int pageSize = Paging.DefaultPageSize,
        CancellationToken ct = default)
    {
        var result = await queries.ListAsync(new NeedFilter(q, affected, sector, level, organization, status, mine, page, pageSize), ct);
        return new Paged<NeedListItem>(result.Items.Select(NeedListItem.From).ToList(), result.Page, result.PageSize, result.Total);
    }

    private static async Task<Results<Ok<NeedDto>, ProblemHttpResult>> Get(int id, NeedQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } need ? TypedResults.Ok(NeedDto.From(need)) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<NeedDto>, ValidationProblem, ProblemHttpResult>> Create(
        NeedRequest body, NeedCommands commands, NeedQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(body.OwnerOrganizationId, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/needs/{id}", _ => NeedDto.From(view!));
    }

    private static async Task<Results<Ok<NeedDto>, ValidationProblem, ProblemHttpResult>> Update(
        int id, NeedUpdate body, NeedCommands commands, NeedQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(id, body.Version, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => NeedDto.From(view!));
    }

    private static async Task<Results<Ok<NeedDto>, ValidationProblem, ProblemHttpResult>> SetStatus(
        int id, StatusRequest body, NeedCommands commands, NeedQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.SetStatusAsync(id, body.Status, ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => NeedDto.From(view!));
    }

    private static async Task<Results<Ok<NeedDto>, ValidationProblem, ProblemHttpResult>> Invite(
        int id, OwnerRequest body, NeedCommands commands, NeedQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.InviteOwnerAsync(id, body.OrganizationId, ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => NeedDto.From(view!));
    }

    private static async Task<Results<Ok<InvitationAnswer>, ValidationProblem, ProblemHttpResult>> Answer(
        int id, int organizationId, InvitationAnswer body, NeedCommands commands, HttpContext ctx, CancellationToken ct) =>
        (await commands.AnswerInvitationAsync(id, organizationId, body.Accept, ct)).ToApi(ctx, accepted => new InvitationAnswer(accepted));

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> History(
        int id, NeedQueries queries, AuditQueries audit, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        if (await queries.GetAsync(id, ct) is null)
        {
            return ApiResults.NotFound(ctx);
        }
        return TypedResults.Ok(await audit.HistoryAsync(new AuditRoot(nameof(Need), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), page, pageSize, ct));
    }
}
