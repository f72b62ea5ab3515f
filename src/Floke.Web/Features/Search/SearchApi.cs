using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;

namespace Floke.Web.Features.Search;

/// <summary>/api/v1/search: the same handler as the search page.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", Search).WithTags("Search").WithName("Search")
            .WithSummary("Needs, initiatives, experiments, lessons, barriers and organisations matching every word of q (Norwegian forms, "
                + "with or without æ/ø/å, one-letter typos in long words), with facet counts; only what the caller may see.");
        return app;
    }

    private static Task<SearchReport> Search(SearchQueries queries, string? q, SearchKind? kind, InitiativeStage? stage, Measures? measure,
        OrganizationKind? organizationKind, CountyNumber? county, int? year, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        queries.SearchAsync(new SearchFilter(q, kind, stage, measure, organizationKind, county, year, page, pageSize), ct);
}
