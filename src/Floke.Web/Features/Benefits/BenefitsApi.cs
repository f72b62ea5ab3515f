using Floke.Web.Core.Audit;
using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>/api/v1/benefits (with measurements), /api/v1/investments and /api/v1/insights/flows: the same handlers as the pages.</summary>
public static class BenefitsApi
{
    public sealed record BenefitRequest(int? InitiativeId, int? AdoptionId, string? Description, BenefitKind? Kind, string? Unit, BenefitDirection? Direction,
        bool IsDisbenefit, decimal? BaselineValue, DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate, string? ResponsibleName,
        int? BeneficiaryOrganizationId, BeneficiaryGroup? BeneficiaryGroup, int Version = 0)
    {
        public BenefitInput ToInput() => new(Description, Kind, Unit, Direction, IsDisbenefit, BaselineValue, BaselineDate, TargetValue, TargetDate,
            ResponsibleName, BeneficiaryOrganizationId, BeneficiaryGroup);
    }

    public sealed record InvestmentRequest(int InitiativeId, int? OrganizationId, int? Year, decimal? AmountNok, decimal? PersonHours, string? Note, int Version = 0)
    {
        public InvestmentInput ToInput() => new(OrganizationId, Year, AmountNok, PersonHours, Note);
    }

    /// <summary>How many rows were recorded, and where the benefit stands now (its measurements are at /api/v1/benefits/{id}/measurements:
    /// an import of 50,000 rows would otherwise send them all back).</summary>
    public sealed record ImportResult(int Imported, BenefitSummary Benefit);

    public static IEndpointRouteBuilder MapBenefitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/benefits").WithTags("Benefits");
        api.MapGet("/", List).WithName("ListBenefits").WithSummary("Benefits of the initiatives the caller may see, filtered and paged.");
        api.MapGet("/{id:int}", Get).WithName("GetBenefit")
            .WithSummary("One benefit with its status and a page of its measurements, newest first (measurementPage, measurementPageSize).");
        api.MapPost("/", Create).RequireAuthorization().WithName("CreateBenefit")
            .WithSummary("Adds a benefit (or disbenefit) to an initiative, or with adoptionId to an adopter's take-up of it.");
        api.MapPut("/{id:int}", Update).RequireAuthorization().WithName("UpdateBenefit").WithSummary("Edits a benefit from the version the caller saw.");
        api.MapPost("/{id:int}/measurements", AddMeasurement).RequireAuthorization().WithName("AddMeasurement")
            .WithSummary("Records one measurement; answers with it and where the benefit stands now.");
        api.MapPost("/{id:int}/measurements/import", Import).RequireAuthorization().DisableAntiforgery().WithName("ImportMeasurements")
            .Accepts<IFormFile>("multipart/form-data", "text/csv")
            .WithSummary("Records every row of a CSV file (columns date, value, source, note), or none if any row is wrong.");
        api.MapDelete("/{id:int}/measurements/{measurementId:int}", DeleteMeasurement).RequireAuthorization().WithName("DeleteMeasurement")
            .WithSummary("Removes a measurement entered by mistake.");
        api.MapGet("/{id:int}/measurements", Measurements).WithName("ListMeasurements").WithSummary("The benefit's measurements, newest first, paged.");
        api.MapGet("/{id:int}/measurements.csv", MeasurementsCsv).WithName("MeasurementsCsv").WithSummary("The measurements as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType);
        api.MapGet("/{id:int}/history", History).WithName("BenefitHistory").WithSummary("Every change to the benefit and its measurements, newest first.");
        app.MapGet("/api/v1/initiatives/{id:int}/benefits", Map).WithTags("Benefits").WithName("BenefitMap")
            .WithSummary("An initiative's benefit map: needs, benefits and who gains, and the investments.");
        app.MapGet("/api/v1/initiatives/{id:int}/benefits.csv", MapCsv).WithTags("Benefits").WithName("BenefitMapCsv")
            .WithSummary("An initiative's benefits (table=benefits) or investments (table=investments) as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType);

        app.MapGet("/api/v1/organizations/{id:int}/gains", Gains).WithTags("Benefits").WithName("OrganizationGains")
            .WithSummary("What an organisation invested in published initiatives, and the gains it realised from its own work and from others'.");

        app.MapGet("/api/v1/organizations/{id:int}/gains.csv", GainsCsv).WithTags("Benefits").WithName("OrganizationGainsCsv")
            .WithSummary("The organisation's investments and gains as CSV.").Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType);

        var investments = app.MapGroup("/api/v1/investments").WithTags("Investments");
        investments.MapGet("/", ListInvestments).WithName("ListInvestments").WithSummary("Investments in the initiatives the caller may see, paged.");
        investments.MapGet("/{id:int}", GetInvestment).WithName("GetInvestment").WithSummary("One investment.");
        investments.MapPost("/", CreateInvestment).RequireAuthorization().WithName("CreateInvestment")
            .WithSummary("Records an organisation's money and/or person-hours for one year of an initiative.");
        investments.MapPut("/{id:int}", UpdateInvestment).RequireAuthorization().WithName("UpdateInvestment").WithSummary("Changes an investment from the version seen.");
        investments.MapDelete("/{id:int}", DeleteInvestment).RequireAuthorization().WithName("DeleteInvestment").WithSummary("Removes an investment (give the version seen).");

        var insights = app.MapGroup("/api/v1/insights").WithTags("Insights").AddEndpointFilter<ReversedPeriod.OnApi>();
        insights.MapGet("/flows", Flows).WithName("Flows")
            .WithSummary("Who invests, who gains: investments by investor, realised gains by receiver, and the flows between them.");
        insights.MapGet("/flows/{table}.csv", FlowsCsv).WithName("FlowsCsv").WithSummary("One table of the flows (investors, receivers, flows) as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType);
        return app;
    }

    private static Task<Paged<BenefitSummary>> List(BenefitQueries queries, int? initiative, int? beneficiary, BeneficiaryGroup? group, BenefitKind? kind,
        int? adoption, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        queries.ListAsync(new BenefitFilter(initiative, beneficiary, group, kind, page, pageSize, adoption), ct);

    private static async Task<Results<Ok<BenefitView>, ProblemHttpResult>> Get(int id, BenefitQueries queries, HttpContext ctx, int measurementPage = 1,
        int measurementPageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        await queries.GetAsync(id, ct, measurementPage, measurementPageSize) is { } b ? TypedResults.Ok(b) : ApiResults.NotFound(ctx);

    private static async Task<Results<Ok<Paged<MeasurementView>>, ProblemHttpResult>> Measurements(int id, BenefitQueries queries, HttpContext ctx,
        int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        await queries.MeasurementsAsync(id, page, pageSize, ct) is { } p ? TypedResults.Ok(p) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<BenefitView>, ValidationProblem, ProblemHttpResult>> Create(
        BenefitRequest body, BenefitCommands commands, BenefitQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(body.InitiativeId, body.AdoptionId, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/benefits/{id}", _ => view!);
    }

    private static async Task<Results<Ok<BenefitView>, ValidationProblem, ProblemHttpResult>> Update(
        int id, BenefitRequest body, BenefitCommands commands, BenefitQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(id, body.Version, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<Created<MeasurementRecorded>, ValidationProblem, ProblemHttpResult>> AddMeasurement(
        int id, MeasurementInput body, BenefitCommands commands, BenefitQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.AddMeasurementAsync(id, body, ct);
        var recorded = result.IsOk ? await queries.RecordedAsync(id, result.Value, ct) : null;
        return result.ToCreated(ctx, _ => $"/api/v1/benefits/{id}", _ => recorded!);
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        int id, HttpRequest request, BenefitCommands commands, BenefitQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        Stream body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.FirstOrDefault() is not { } file)
            {
                return Result<int>.Invalid(MeasurementCsv.Field, l["Csv.NoFile"]).ToApi(request.HttpContext, _ => (ImportResult)null!);
            }
            body = file.OpenReadStream();
        }
        else
        {
            body = request.Body;
        }
        await using (body)
        {
            var result = await commands.ImportMeasurementsAsync(id, body, ct);
            var summary = result.IsOk ? await queries.SummaryAsync(id, ct) : null;
            return result.ToApi(request.HttpContext, n => new ImportResult(n, summary!));
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMeasurement(int id, int measurementId, BenefitCommands commands, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.DeleteMeasurementAsync(id, measurementId, ct);
        return result.IsOk ? TypedResults.NoContent() : (ProblemHttpResult)result.ToApi(ctx, _ => true).Result;
    }

    private static async Task<IResult> MeasurementsCsv(int id, BenefitQueries queries, IStringLocalizer<SharedResource> l, HttpContext ctx, CancellationToken ct) =>
        await queries.AllMeasurementsAsync(id, ct) is { } all ? BenefitTables.Measurements(id, all, l) : ApiResults.NotFound(ctx);

    private static async Task<Results<Ok<Paged<HistoryItem>>, ProblemHttpResult>> History(
        int id, BenefitQueries queries, AuditQueries audit, HttpContext ctx, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        if (await queries.SummaryAsync(id, ct) is null)
        {
            return ApiResults.NotFound(ctx);
        }
        return TypedResults.Ok(await audit.HistoryAsync(new AuditRoot(nameof(Benefit), id.ToString(System.Globalization.CultureInfo.InvariantCulture)), page, pageSize, ct));
    }

    private static async Task<Results<Ok<BenefitMap>, ProblemHttpResult>> Map(int id, BenefitQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.MapAsync(id, ct) is { } map ? TypedResults.Ok(map) : ApiResults.NotFound(ctx);

    private static async Task<IResult> MapCsv(int id, BenefitQueries queries, IStringLocalizer<SharedResource> l, HttpContext ctx, string table = "benefits",
        CancellationToken ct = default) =>
        await queries.MapAsync(id, ct) is { } map
            ? table == "investments" ? BenefitTables.Investments(map, l) : BenefitTables.Benefits(map, l)
            : ApiResults.NotFound(ctx);

    private static async Task<Results<Ok<OrganizationGains>, ProblemHttpResult>> Gains(int id, BenefitQueries queries, OrganizationQueries organizations,
        HttpContext ctx, CancellationToken ct) =>
        await organizations.GetAsync(id, ct) is null ? ApiResults.NotFound(ctx) : TypedResults.Ok(await queries.ForOrganizationAsync(id, ct));

    private static async Task<IResult> GainsCsv(int id, BenefitQueries queries, OrganizationQueries organizations, IStringLocalizer<SharedResource> l,
        HttpContext ctx, CancellationToken ct) =>
        await organizations.GetAsync(id, ct) is null ? ApiResults.NotFound(ctx) : BenefitTables.Gains(id, await queries.ForOrganizationAsync(id, ct), l);

    private static Task<Paged<InvestmentView>> ListInvestments(BenefitQueries queries, int? initiative, int? organization, int page = 1,
        int pageSize = Paging.DefaultPageSize, CancellationToken ct = default) =>
        queries.InvestmentsAsync(initiative, organization, page, pageSize, ct);

    private static async Task<Results<Ok<InvestmentView>, ProblemHttpResult>> GetInvestment(int id, BenefitQueries queries, HttpContext ctx, CancellationToken ct) =>
        await queries.GetInvestmentAsync(id, ct) is { } i ? TypedResults.Ok(i) : ApiResults.NotFound(ctx);

    private static async Task<Results<Created<InvestmentView>, ValidationProblem, ProblemHttpResult>> CreateInvestment(
        InvestmentRequest body, InvestmentCommands commands, BenefitQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.CreateAsync(body.InitiativeId, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetInvestmentAsync(result.Value, ct) : null;
        return result.ToCreated(ctx, id => $"/api/v1/investments/{id}", _ => view!);
    }

    private static async Task<Results<Ok<InvestmentView>, ValidationProblem, ProblemHttpResult>> UpdateInvestment(
        int id, InvestmentRequest body, InvestmentCommands commands, BenefitQueries queries, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(id, body.Version, body.ToInput(), ct);
        var view = result.IsOk ? await queries.GetInvestmentAsync(id, ct) : null;
        return result.ToApi(ctx, _ => view!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteInvestment(int id, int version, InvestmentCommands commands, HttpContext ctx, CancellationToken ct)
    {
        var result = await commands.DeleteAsync(id, version, ct);
        return result.IsOk ? TypedResults.NoContent() : (ProblemHttpResult)result.ToApi(ctx, _ => true).Result;
    }

    private static async Task<FlowReport> Flows(FlowQueries queries, int? fromYear, int? toYear, Measures? measure, GovernmentLevel? sector,
        CountyNumber? county, OrganizationKind? kind, FlowView? view, CancellationToken ct) =>
        await queries.FlowsAsync(FlowFilterOf(fromYear, toYear, measure, sector, county, kind, view), ct);

    private static async Task<IResult> FlowsCsv(string table, FlowQueries queries, int? fromYear, int? toYear, Measures? measure, GovernmentLevel? sector,
        CountyNumber? county, OrganizationKind? kind, FlowView? view, IStringLocalizer<SharedResource> l, HttpContext ctx, CancellationToken ct) =>
        BenefitTables.Flows(await queries.FlowsAsync(FlowFilterOf(fromYear, toYear, measure, sector, county, kind, view), ct), table, l) ?? ApiResults.NotFound(ctx);

    // The flows filter as query parameters, named as on the page.
    private static FlowFilter FlowFilterOf(int? fromYear, int? toYear, Measures? measure, GovernmentLevel? sector, CountyNumber? county,
        OrganizationKind? kind, FlowView? view) => new(fromYear, toYear, measure, sector, county?.Value, kind, view ?? FlowView.Organization);
}
