using Floke.Web.Core.Audit;
using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floke.Web.Features.Initiatives;

/// <summary>/api/v1/initiatives and /api/v1/lessons: the same handlers as the initiative pages.</summary>
public static class InitiativesApi
{
    public sealed record InitiativeRequest(int OwnerOrganizationId, string? Title, string? Summary, Measures[]? Measures,
        InnovationTypes[]? InnovationTypes, OecdFacet? OecdFacet, Novelty? Novelty, int? InspiredByInitiativeId, decimal? BudgetNok,
        DateOnly? StartDate, DateOnly? EndDate, string? ContactName, string? ContactEmail, int[]? NeedIds)
    {
        public InitiativeInput ToInput() => new(Title, Summary, Flags.Combine(Measures), Flags.Combine(InnovationTypes), OecdFacet,
            Novelty, InspiredByInitiativeId, BudgetNok, StartDate, EndDate, ContactName, ContactEmail, NeedIds ?? []);
    }

    public sealed record InitiativeUpdate(int Version, string? Title, string? Summary, Measures[]? Measures,
        InnovationTypes[]? InnovationTypes, OecdFacet? OecdFacet, Novelty? Novelty, int? InspiredByInitiativeId, decimal? BudgetNok,
        DateOnly? StartDate, DateOnly? EndDate, string? ContactName, string? ContactEmail, int[]? NeedIds)
    {
        public InitiativeInput ToInput() => new(Title, Summary, Flags.Combine(Measures), Flags.Combine(InnovationTypes), OecdFacet,
            Novelty, InspiredByInitiativeId, BudgetNok, StartDate, EndDate, ContactName, ContactEmail, NeedIds ?? []);
    }

    public sealed record VisibilityRequest(InitiativeVisibility Visibility);

    public sealed record PartnerRequest(int OrganizationId, PartnerRole Role);

    public sealed record PartnershipAnswer(bool Accept);

    public sealed record GateRequestBody(string? Note);

    public sealed record GateDecisionRequest(int Version, GateOutcome? Outcome, string? Rationale, DateOnly? DecidedOn, string? StopReason,
        string? WhatWorked, string? WhatDidNotWork, string? DoDifferently)
    {
        public GateInput ToInput() => new(Outcome, Rationale, DecidedOn, StopReason, WhatWorked, WhatDidNotWork, DoDifferently);
    }

    public sealed record LessonRequest(string? WhatWorked, string? WhatDidNotWork, string? DoDifferently);

    public sealed record MilestoneRequest(string? Title, DateOnly? DueDate);

    public sealed record MilestoneDone(bool Done);

    public sealed record Created(int Id);

    /// <summary>An initiative as the API gives it: flag sets as lists of names.</summary>
    public sealed record InitiativeDto(int Id, string Title, string Summary, int OwnerOrganizationId, string OwnerName, Measures[] Measures,
        InnovationTypes[] InnovationTypes, OecdFacet? OecdFacet, Novelty Novelty, int? InspiredByInitiativeId, decimal? BudgetNok,
        DateOnly? StartDate, DateOnly? EndDate, string? ContactName, string? ContactEmail, InitiativeVisibility Visibility,
        InitiativeStage Stage, string? StopReason, DateTimeOffset? GateRequestedAt, string? GateRequestNote, bool IsDemo,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<PartnerView> Partners, IReadOnlyList<ServedNeed> Needs,
        IReadOnlyList<GateDecisionView> GateDecisions, IReadOnlyList<LessonView> Lessons, IReadOnlyList<MilestoneView> Milestones, int? ProgressPercent)
    {
        public static InitiativeDto From(InitiativeView i) => new(i.Id, i.Title, i.Summary, i.OwnerOrganizationId, i.OwnerName,
            Flags.Split(i.Measures), Flags.Split(i.InnovationTypes), i.OecdFacet, i.Novelty, i.InspiredByInitiativeId, i.BudgetNok,
            i.StartDate, i.EndDate, i.ContactName, i.ContactEmail, i.Visibility, i.Stage, i.StopReason, i.GateRequestedAt, i.GateRequestNote,
            i.IsDemo, i.CreatedAt, i.UpdatedAt, i.Version, i.Partners, i.Needs, i.GateDecisions, i.Lessons, i.Milestones, i.ProgressPercent);
    }

    public sealed record InitiativeListItem(int Id, string Title, InitiativeStage Stage, InitiativeVisibility Visibility, Measures[] Measures,
        InnovationTypes[] InnovationTypes, int OwnerOrganizationId, string OwnerName, DateTimeOffset UpdatedAt, bool IsDemo)
    {
        public static InitiativeListItem From(InitiativeSummary i) => new(i.Id, i.Title, i.Stage, i.Visibility, Flags.Split(i.Measures),
            Flags.Split(i.InnovationTypes), i.OwnerOrganizationId, i.OwnerName, i.UpdatedAt, i.IsDemo);
    }

    public static IEndpointRouteBuilder MapInitiativesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/initiatives").WithTags("Initiatives");
        api.MapGet("/", List).WithName("ListInitiatives")
            .WithSummary("The portfolio: published initiatives, filtered and paged; with mine=true, every initiative of the caller's organisations.");
        api.MapGet("/{id:int}", Get).WithName("GetInitiative").WithSummary("One initiative with partners, needs, gate decisions and lessons.");
        api.MapPost("/", Create).RequireAuthorization().WithName("CreateInitiative").WithSummary("Starts an initiative at the idea stage, as a draft.");
        api.MapPut("/{id:int}", Update).RequireAuthorization().WithName("UpdateInitiative").WithSummary("Edits an initiative; a stale version answers 409.");
        api.MapPost("/{id:int}/visibility", SetVisibility).RequireAuthorization().WithName("SetInitiativeVisibility")
            .WithSummary("Publishes an initiative or takes it back to draft.");
        api.MapPost("/{id:int}/partners", InvitePartner).RequireAuthorization().WithName("InviteInitiativePartner")
            .WithSummary("Invites an organisation to take part with a role.");
        api.MapPost("/{id:int}/partners/{organizationId:int}/answer", AnswerPartnership).RequireAuthorization().WithName("AnswerInitiativePartnership")
            .WithSummary("A leader of the invited organisation accepts or declines.");
        api.MapPost("/{id:int}/gate-requests", RequestGate).RequireAuthorization().WithName("RequestGateDecision")
            .WithSummary("A member asks the owner's leaders for a gate decision.");
        api.MapPost("/{id:int}/gate-decisions", DecideGate).RequireAuthorization().WithName("DecideGate")
            .WithSummary("A leader of the owner decides go, hold or stop, with a rationale; stop needs its reason and lessons.");
        api.MapPost("/{id:int}/lessons", AddLesson).RequireAuthorization().WithName("AddLesson")
            .WithSummary("Records a lesson (owner's and accepted partners' members).");
        api.MapPost("/{id:int}/milestones", AddMilestone).RequireAuthorization().WithName("AddMilestone")
            .WithSummary("Adds a milestone (the owner's members).");
        api.MapPost("/{id:int}/milestones/{milestoneId:int}/done", SetMilestoneDone).RequireAuthorization().WithName("SetMilestoneDone")
            .WithSummary("Marks a milestone done or not done.");
        api.MapDelete("/{id:int}/milestones/{milestoneId:int}", RemoveMilestone).RequireAuthorization().WithName("RemoveMilestone")
            .WithSummary("Removes a milestone.");
        api.MapGet("/{id:int}/history", History).WithName("InitiativeHistory").WithSummary("Every change to the initiative, newest first.");

        app.MapGet("/api/v1/lessons", Lessons).WithTags("Initiatives").WithName("ListLessons")
            .WithSummary("Lessons from published initiatives, newest first; stopped=true for those from stopped initiatives.");
        return app;
    }

    private static async Task<Paged<InitiativeListItem>> List(InitiativeQueries queries, string? q, InitiativeStage? stage, Measures? measure,
        InnovationTypes? type, OecdFacet? facet, OrganizationKind? organizationKind, CountyNumber? county, int? organization, bool mine = false,
        int page = 1, int pageSize = Paging.DefaultPageSize, int? minAdoptions = null, bool realisedGains = false, CancellationToken ct = default)
    {
        var result = await queries.ListAsync(new InitiativeFilter(q, stage, measure, type, facet, organizationKind, county?.Value, organization, mine, page, pageSize,
            minAdoptions, realisedGains), ct);
        return new Paged<InitiativeListItem>(result.Items.Select(InitiativeListItem.From).ToList(), result.Page, result.PageSize, result.Total);
    }

    private static async Task<Results<Ok<InitiativeDto>, ProblemHttpResult>> Get(int id, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } i ? TypedResults.Ok(InitiativeDto.From(i)) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<InitiativeDto>, ValidationProblem, ProblemHttpResult>> Create(
        InitiativeRequest body, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(body.OwnerOrganizationId, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/initiatives/{id}", _ => InitiativeDto.From(view!));
    }

    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> Update(
        int id, InitiativeUpdate body, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await Then(await commands.UpdateAsync(id, body.Version, body.ToInput(), ct), id, queries, ctx, ct);

    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> SetVisibility(
        int id, VisibilityRequest body, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await Then(await commands.SetVisibilityAsync(id, body.Visibility, ct), id, queries, ctx, ct);

    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> InvitePartner(
        int id, PartnerRequest body, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await Then(await commands.InvitePartnerAsync(id, body.OrganizationId, body.Role, ct), id, queries, ctx, ct);

    private static async Task<Results<Ok<PartnershipAnswer>, ValidationProblem, ProblemHttpResult>> AnswerPartnership(
        int id, int organizationId, PartnershipAnswer body, InitiativeCommands commands, HttpContext ctx, CancellationToken ct) =>
        (await commands.AnswerPartnershipAsync(id, organizationId, body.Accept, ct)).ToApi(ctx, a => new PartnershipAnswer(a));

    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> RequestGate(
        int id, GateRequestBody body, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await Then(await commands.RequestGateAsync(id, body.Note, ct), id, queries, ctx, ct);

    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> DecideGate(
        int id, GateDecisionRequest body, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await Then(await commands.DecideGateAsync(id, body.Version, body.ToInput(), ct), id, queries, ctx, ct);

    private static async Task<Results<Created<Created>, ValidationProblem, ProblemHttpResult>> AddLesson(
        int id, LessonRequest body, InitiativeCommands commands, HttpContext ctx, CancellationToken ct) =>
        (await commands.AddLessonAsync(id, new LessonInput(body.WhatWorked, body.WhatDidNotWork, body.DoDifferently), ct))
            .ToCreated(ctx, _ => $"/api/v1/initiatives/{id}", lessonId => new Created(lessonId));

    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> AddMilestone(
        int id, MilestoneRequest body, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await Then(await commands.AddMilestoneAsync(id, new MilestoneInput(body.Title, body.DueDate), ct), id, queries, ctx, ct);

    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> SetMilestoneDone(
        int id, int milestoneId, MilestoneDone body, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await Then(await commands.SetMilestoneDoneAsync(id, milestoneId, body.Done, ct), id, queries, ctx, ct);

    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> RemoveMilestone(
        int id, int milestoneId, InitiativeCommands commands, InitiativeQueries queries, HttpContext ctx, CancellationToken ct) =>
        await Then(await commands.RemoveMilestoneAsync(id, milestoneId, ct), id, queries, ctx, ct);

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> History(
        int id, InitiativeQueries queries, AuditQueries audit, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        if (await queries.GetAsync(id, ct) is null)
        {
            return ApiResults.NotFound(ctx);
        }
        return TypedResults.Ok(await audit.HistoryAsync(new AuditRoot(nameof(Initiative), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), page, pageSize, ct));
    }

    private static Task<Paged<LessonListItem>> Lessons(InitiativeQueries queries, string? q, bool stopped = false, int page = 1,
        int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        queries.LessonsAsync(q, stopped, page, pageSize, ct);

    // After a change, answer with the initiative as it now stands.
    private static async Task<Results<Ok<InitiativeDto>, ValidationProblem, ProblemHttpResult>> Then<T>(
        Result<T> result, int id, InitiativeQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => InitiativeDto.From(view!));
    }
}
