using Floke.Web.Core.Audit;
using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floke.Web.Features.OpenCalls;

/// <summary>/api/v1/calls and /api/v1/proposals: the same handlers as the pages, so the two cannot disagree on rules or rights.</summary>
public static class OpenCallsApi
{
    public sealed record OpenCallRequest(int OwnerOrganizationId, string? Title, string? Challenge, string? Requirements, decimal? BudgetNok,
        DateOnly? Deadline, int? NeedId, CriterionInput[]? Criteria)
    {
        public OpenCallInput ToInput() => new(Title, Challenge, Requirements, BudgetNok, Deadline, NeedId, Criteria ?? []);
    }

    public sealed record OpenCallUpdate(int Version, string? Title, string? Challenge, string? Requirements, decimal? BudgetNok,
        DateOnly? Deadline, int? NeedId, CriterionInput[]? Criteria)
    {
        public OpenCallInput ToInput() => new(Title, Challenge, Requirements, BudgetNok, Deadline, NeedId, Criteria ?? []);
    }

    public sealed record CancelRequest(string? Reason);

    public sealed record JuryRequest(string? Email);

    public sealed record AwardRequest(int ProposalId, string? Rationale);

    public sealed record ProposalRequest(int OrganizationId, string? Title, string? Solution, decimal? PriceNok)
    {
        public ProposalInput ToInput() => new(Title, Solution, PriceNok);
    }

    public sealed record ProposalUpdate(int Version, string? Title, string? Solution, decimal? PriceNok)
    {
        public ProposalInput ToInput() => new(Title, Solution, PriceNok);
    }

    public sealed record ScoresRequest(ScoreInput[]? Scores);

    public sealed record StatusAnswer(string Status);

    public static IEndpointRouteBuilder MapOpenCallsApi(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/api/v1/calls").WithTags("Open calls");
        calls.MapGet("/", List).WithName("ListOpenCalls")
            .WithSummary("Published open calls (phase=Open: open for proposals, soonest deadline first); with mine=true, the caller's organisations' calls, drafts too.");
        calls.MapGet("/{id:int}", Get).WithName("GetOpenCall").WithSummary("One open call; another organisation's draft answers 404.");
        calls.MapPost("/", Create).RequireAuthorization().WithName("CreateOpenCall").WithSummary("Writes an open call as a draft of a public body.");
        calls.MapPut("/{id:int}", Update).RequireAuthorization().WithName("UpdateOpenCall")
            .WithSummary("Edits a call; a stale version answers 409. Once published, criteria and budget stay and the deadline only moves later.");
        calls.MapPost("/{id:int}/publish", Publish).RequireAuthorization().WithName("PublishOpenCall").WithSummary("A leader of the owner publishes the call.");
        calls.MapPost("/{id:int}/cancel", Cancel).RequireAuthorization().WithName("CancelOpenCall").WithSummary("A leader of the owner cancels the call, with a reason.");
        calls.MapPost("/{id:int}/jury", AddJury).RequireAuthorization().WithName("AddJuryMember").WithSummary("A leader appoints a registered person, by e-mail, to the jury.");
        calls.MapDelete("/{id:int}/jury/{userId}", RemoveJury).RequireAuthorization().WithName("RemoveJuryMember")
            .WithSummary("A leader removes a jury member who has not scored.");
        calls.MapGet("/{id:int}/evaluation", Evaluate).RequireAuthorization().WithName("GetEvaluation")
            .WithSummary("Submitted proposals with mean scores per criterion and weighted totals, best first; for the jury and the owner's leaders.");
        calls.MapPost("/{id:int}/award", Award).RequireAuthorization().WithName("AwardOpenCall")
            .WithSummary("After the deadline a leader awards the call to a submitted proposal, with the rationale.");
        calls.MapPost("/{id:int}/proposals", CreateProposal).RequireAuthorization().WithName("CreateProposal")
            .WithSummary("Writes a proposal to an open call as a draft of one of the caller's organisations.");
        calls.MapGet("/{id:int}/history", History).WithName("OpenCallHistory").WithSummary("Every change to the call, newest first.");

        var proposals = app.MapGroup("/api/v1/proposals").WithTags("Open calls");
        proposals.MapGet("/", Mine).RequireAuthorization().WithName("ListMyProposals")
            .WithSummary("The proposals of the caller's organisations, latest change first.");
        proposals.MapGet("/{id:int}", GetProposal).WithName("GetProposal")
            .WithSummary("One proposal: for its organisation, and once submitted the call's jury and owner's leaders; the awarded one for everyone. Otherwise 404.");
        proposals.MapPut("/{id:int}", UpdateProposal).RequireAuthorization().WithName("UpdateProposal").WithSummary("Edits a proposal until the deadline; a stale version answers 409.");
        proposals.MapPost("/{id:int}/submit", Submit).RequireAuthorization().WithName("SubmitProposal").WithSummary("Submits the proposal before the deadline.");
        proposals.MapPost("/{id:int}/withdraw", Withdraw).RequireAuthorization().WithName("WithdrawProposal").WithSummary("Withdraws the proposal before the deadline.");
        proposals.MapPut("/{id:int}/scores", Score).RequireAuthorization().WithName("ScoreProposal")
            .WithSummary("A jury member scores the proposal on each criterion (0–10) after the deadline.");
        proposals.MapGet("/{id:int}/history", ProposalHistory).WithName("ProposalHistory").WithSummary("Every change to the proposal, newest first.");
        return app;
    }

    private static async Task<Paged<OpenCallSummary>> List(OpenCallQueries queries, string? q, OpenCallPhase? phase, OrganizationKind? ownerKind,
        CountyNumber? county, int? organization, bool mine = false, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        await queries.ListAsync(new OpenCallFilter(q, phase, ownerKind, county?.Value, organization, mine, page, pageSize), ct);

    private static async Task<Results<Ok<OpenCallView>, ProblemHttpResult>> Get(int id, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } call ? TypedResults.Ok(call) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<OpenCallView>, ValidationProblem, ProblemHttpResult>> Create(
        OpenCallRequest body, OpenCallCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(body.OwnerOrganizationId, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/calls/{id}", _ => view!);
    }

    private static async Task<Results<Ok<OpenCallView>, ValidationProblem, ProblemHttpResult>> Update(
        int id, OpenCallUpdate body, OpenCallCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGet(id, await commands.UpdateAsync(id, body.Version, body.ToInput(), ct), queries, ctx, ct);

    private static async Task<Results<Ok<OpenCallView>, ValidationProblem, ProblemHttpResult>> Publish(
        int id, OpenCallCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGet(id, await commands.PublishAsync(id, ct), queries, ctx, ct);

    private static async Task<Results<Ok<OpenCallView>, ValidationProblem, ProblemHttpResult>> Cancel(
        int id, CancelRequest body, OpenCallCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGet(id, await commands.CancelAsync(id, body.Reason, ct), queries, ctx, ct);

    private static async Task<Results<Ok<OpenCallView>, ValidationProblem, ProblemHttpResult>> AddJury(
        int id, JuryRequest body, OpenCallCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGet(id, await commands.AddJuryMemberAsync(id, body.Email, ct), queries, ctx, ct);

    private static async Task<Results<Ok<OpenCallView>, ValidationProblem, ProblemHttpResult>> RemoveJury(
        int id, string userId, OpenCallCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGet(id, await commands.RemoveJuryMemberAsync(id, userId, ct), queries, ctx, ct);

    private static async Task<Results<Ok<OpenCallView>, ValidationProblem, ProblemHttpResult>> Award(
        int id, AwardRequest body, OpenCallCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGet(id, await commands.AwardAsync(id, body.ProposalId, body.Rationale, ct), queries, ctx, ct);

    private static async Task<Results<Ok<OpenCallView>, ValidationProblem, ProblemHttpResult>> ThenGet<T>(
        int id, Result<T> result, OpenCallQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<Evaluation>, ProblemHttpResult>> Evaluate(int id, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.EvaluationAsync(id, ct) is { } evaluation ? TypedResults.Ok(evaluation) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<ProposalView>, ValidationProblem, ProblemHttpResult>> CreateProposal(
        int id, ProposalRequest body, ProposalCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(id, body.OrganizationId, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetProposalAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, p => $"/api/v1/proposals/{p}", _ => view!);
    }

    private static async Task<Paged<ProposalSummary>> Mine(OpenCallQueries queries, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        await queries.MyProposalsAsync(page, pageSize, ct);

    private static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> GetProposal(int id, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetProposalAsync(id, ct) is { } proposal ? TypedResults.Ok(proposal) : ApiResults.NotFound(ctx);

    private static async Task<Results<Ok<ProposalView>, ValidationProblem, ProblemHttpResult>> UpdateProposal(
        int id, ProposalUpdate body, ProposalCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGetProposal(id, await commands.UpdateAsync(id, body.Version, body.ToInput(), ct), queries, ctx, ct);

    private static async Task<Results<Ok<ProposalView>, ValidationProblem, ProblemHttpResult>> Submit(
        int id, ProposalCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGetProposal(id, await commands.SubmitAsync(id, ct), queries, ctx, ct);

    private static async Task<Results<Ok<ProposalView>, ValidationProblem, ProblemHttpResult>> Withdraw(
        int id, ProposalCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGetProposal(id, await commands.WithdrawAsync(id, ct), queries, ctx, ct);

    private static async Task<Results<Ok<ProposalView>, ValidationProblem, ProblemHttpResult>> Score(
        int id, ScoresRequest body, ProposalCommands commands, OpenCallQueries queries, HttpContext ctx, CancellationToken ct) =>
        await ThenGetProposal(id, await commands.ScoreAsync(id, body.Scores ?? [], ct), queries, ctx, ct);

    private static async Task<Results<Ok<ProposalView>, ValidationProblem, ProblemHttpResult>> ThenGetProposal<T>(
        int id, Result<T> result, OpenCallQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var view = result.IsOk ? await queries.GetProposalAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> History(
        int id, OpenCallQueries queries, AuditQueries audit, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        await queries.GetAsync(id, ct) is null
            ? ApiResults.NotFound(ctx)
            : TypedResults.Ok(await audit.HistoryAsync(new AuditRoot(nameof(OpenCall), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), page, pageSize, ct));

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> ProposalHistory(
        int id, OpenCallQueries queries, AuditQueries audit, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        await queries.GetProposalAsync(id, ct) is null
            ? ApiResults.NotFound(ctx)
            : TypedResults.Ok(await audit.HistoryAsync(new AuditRoot(nameof(Proposal), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), page, pageSize, ct));
}
