using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure.Api;

namespace Floke.Web.Features.Search;

/// <summary>/api/v1/search: the same handler as the search page.</summary>
public static class SearchApi
{
    public sealed record SearchParameters(string? Q, SearchKind? Kind, InitiativeStage? Stage, Measures? Measure, OrganizationKind? OrganizationKind,
        CountyNumber? County, int? Year, int Page = 1, int PageSize = 20)
    {
        public SearchFilter ToFilter() => new(Q, Kind, Stage, Measure, OrganizationKind, County?.Value, Year, Page, PageSize);
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
#pragma warning disable RDG002 // bound at run time on purpose: see RuntimeBound
        app.MapGet("/api/v1/search", RuntimeBound.Handler(Search)).WithTags("Search").WithName("Search")
            .WithSummary("Needs, initiatives, experiments, lessons, barriers and organisations matching every word of q (Norwegian forms, "
                + "with or without æ/ø/å, one-letter typos in long words), with facet counts; only what the caller may see.");
#pragma warning restore RDG002
        return app;
    }

    private static Task<SearchReport> Search(SearchQueries queries, [Microsoft.AspNetCore.Http.AsParameters] SearchParameters p, CancellationToken ct) =>
        queries.SearchAsync(p.ToFilter(), ct);
}
