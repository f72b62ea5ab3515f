using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Insights;

/// <summary>/api/v1/insights: the dashboard's figures (the same handler as the page) and each table as CSV; an
/// organisation's own figures for its members.</summary>
public static class InsightsApi
{
    public static IServiceCollection AddInsights(this IServiceCollection services) => services.AddScoped<InsightsQueries>();

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Insights").AddEndpointFilter<ReversedPeriod.OnApi>();
        api.MapGet("/insights", National).WithName("Insights")
            .WithSummary("The national picture: published initiatives by stage, measure, innovation type, OECD facet, level and county; experiments, barriers, benefits, adoptions.");
        api.MapGet("/insights/{table}.csv", NationalCsv).WithName("InsightsCsv").WithSummary("One table of the national picture as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/organizations/{id:int}/insights", ForOrganization).RequireAuthorization().WithName("OrganizationInsights")
            .WithSummary("The same figures over everything one organisation owns, drafts included; its members only.");
        api.MapGet("/organizations/{id:int}/insights/{table}.csv", ForOrganizationCsv).RequireAuthorization().WithName("OrganizationInsightsCsv")
            .WithSummary("One table of an organisation's figures as CSV; its members only.")
            .Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static string Query(int? fromYear, int? toYear, string? county, OrganizationKind? kind) => QueryString.Create(new Dictionary<string, string?>
    {
        ["fromYear"] = fromYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["toYear"] = toYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["county"] = county, ["organizationKind"] = kind?.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    private static Task<InsightsReport> National(InsightsQueries queries, int? fromYear, int? toYear, CountyNumber? county, OrganizationKind? organizationKind,
        CancellationToken ct) => queries.DashboardAsync(new InsightsFilter(fromYear, toYear, county?.Value, organizationKind), null, ct).AsTask();

    private static async Task<IResult> NationalCsv(string table, InsightsQueries queries, int? fromYear, int? toYear, CountyNumber? county,
        OrganizationKind? organizationKind, IStringLocalizer<SharedResource> l, Core.Geography.Geography geo, HttpContext ctx, CancellationToken ct) =>
        Csv(table, await queries.DashboardAsync(new InsightsFilter(fromYear, toYear, county?.Value, organizationKind), null, ct), l, geo, "insights", ctx);

    private static async Task<IResult> ForOrganization(int id, int? fromYear, int? toYear, InsightsQueries queries, HttpContext ctx, CancellationToken ct) =>
        (await queries.ForOrganizationAsync(id, new InsightsFilter(fromYear, toYear), ct)).ToApi(ctx, o => o.Report);

    private static async Task<IResult> ForOrganizationCsv(int id, string table, int? fromYear, int? toYear, InsightsQueries queries, HttpContext ctx,
        IStringLocalizer<SharedResource> l, Core.Geography.Geography geo, CancellationToken ct)
    {
        var result = await queries.ForOrganizationAsync(id, new InsightsFilter(fromYear, toYear), ct);
        return result.IsOk ? Csv(table, result.Value!.Report, l, geo, $"organization-{id}-insights", ctx) : result.ToApi(ctx, o => o.Report);
    }

    private static IResult Csv(string table, InsightsReport report, IStringLocalizer<SharedResource> l, Core.Geography.Geography geo, string prefix,
        HttpContext ctx) =>
        report.Table(table) is not { } rows
            ? ApiResults.NotFound(ctx)
            : CsvFile.Result($"{prefix}-{table}.csv", [l["Insights.Key"], InsightsLabels.Heading(l, table), l["Insights.Count"]],
                rows.Select(r => (IReadOnlyList<object?>)[r.Key, InsightsLabels.Label(l, geo, table, r), r.Count]));
}
