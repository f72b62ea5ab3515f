using System.Collections.Concurrent;
using System.Linq.Expressions;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using LinqKit;
using Microsoft.EntityFrameworkCore;
using PublicPage = System.Func<Floke.Web.Infrastructure.Data.FlokeDbContext, string, Floke.Web.Features.Initiatives.InitiativeStage,
    Floke.Web.Features.Initiatives.Measures, Floke.Web.Features.Initiatives.InnovationTypes, Floke.Web.Features.Initiatives.OecdFacet,
    Floke.Web.Core.Organizations.OrganizationKind, string, int, int, int,
    System.Collections.Generic.IAsyncEnumerable<Floke.Web.Features.Initiatives.InitiativeSummary>>;

namespace Floke.Web.Features.Initiatives;

/// <summary>A page of the public portfolio (published initiatives, newest change first), compiled once for each combination
/// of filters a request uses — its <see cref="Shape"/> — and page size, with the filters' values as the compiled query's
/// parameters. Built as a LINQ query at every request, EF Core spent more of the app's CPU preparing a filtered page than
/// running it: walking the expression for its parameters, finding it in its cache and the building itself, 14 % of
/// <c>/initiatives?stage=…&amp;measure=…&amp;county=…</c> against 9 % for the statement (bench README, "Twenty-ninth
/// session"). One compiled query with every filter written as "<c>@p IS NULL OR …</c>" would be planned once for all
/// combinations, badly; here each combination has the SQL it would have had (<c>WHERE "Stage" = @stage AND …</c>),
/// compiled when first asked for (for the default page size, and at most <see cref="MaxShapes"/> of them). The rules are those of <see cref="InitiativeQueries.ListAsync"/>,
/// which still builds the same filters for the list's total (counted once and kept, <see cref="ListCounts"/>).</summary>
internal static class PublicInitiativeList
{
    [Flags]
    public enum Shape
    {
        None = 0,
        Text = 1 << 0,
        Stage = 1 << 1,
        Measure = 1 << 2,
        Type = 1 << 3,
        Facet = 1 << 4,
        Kind = 1 << 5,
        County = 1 << 6,
        MinAdoptions = 1 << 7,
        RealisedGains = 1 << 8,
        Organization = 1 << 9,
        /// <summary>A page after the first (an OFFSET).</summary>
        Offset = 1 << 10,
    }

    /// <summary>How many shapes are kept compiled at most. A request chooses its filters, so the shapes are bounded (2¹¹) but
    /// not few; past this many (far more than the portfolio's forms and links make) a new shape is read as an ordinary
    /// query, which EF Core's own, bounded, query cache holds.</summary>
    public const int MaxShapes = 256;

    private static readonly ConcurrentDictionary<Shape, PerModel<PublicPage>> Pages = new();

    /// <summary>The page's rows for <paramref name="f"/> (clamped <paramref name="page"/>), or null for a page size other
    /// than the default (an API client's choice: each size would be a query of its own) or a shape past <see cref="MaxShapes"/>.</summary>
    public static IAsyncEnumerable<InitiativeSummary>? Read(FlokeDbContext db, InitiativeFilter f, string? text, string? county, int page, int size)
    {
        if (size != Paging.DefaultPageSize)
        {
            return null;
        }
        var shape = (text is null ? 0 : Shape.Text)
            | (f.Stage is null ? 0 : Shape.Stage)
            | (f.Measure is null or Measures.None ? 0 : Shape.Measure)
            | (f.Type is null or InnovationTypes.None ? 0 : Shape.Type)
            | (f.Facet is null ? 0 : Shape.Facet)
            | (f.OrganizationKind is null ? 0 : Shape.Kind)
            | (county is null ? 0 : Shape.County)
            | (f.MinAdoptions is > 0 ? Shape.MinAdoptions : 0)
            | (f.RealisedGains ? Shape.RealisedGains : 0)
            | (f.Organization is null ? 0 : Shape.Organization)
            | (page > 1 ? Shape.Offset : 0);
        if (!Pages.TryGetValue(shape, out var compiled))
        {
            if (Pages.Count >= MaxShapes)
            {
                return null;
            }
            compiled = Pages.GetOrAdd(shape, static shape => new PerModel<PublicPage>(() => EF.CompileAsyncQuery(Build(shape, Paging.DefaultPageSize))));
        }
        return compiled.For(db)(db, text is null ? "" : $"%{text.ToLowerInvariant()}%", f.Stage ?? default, f.Measure ?? default,
            f.Type ?? default, f.Facet ?? default, f.OrganizationKind ?? default, county ?? "", f.MinAdoptions ?? 0,
            f.Organization ?? 0, Paging.Offset(page, size));
    }

    // The list's filters, each a rule of the database, the initiative and the filter's value: the compiled pages and the
    // built query (InitiativeQueries.ListAsync: the total, the reader's own list, other page sizes) use the same ones.
    internal static readonly Expression<Func<FlokeDbContext, Initiative, string, bool>> ByText = (d, i, pattern) =>
        EF.Functions.Like(i.Title.ToLower(), pattern) || EF.Functions.Like(i.Summary.ToLower(), pattern);
    internal static readonly Expression<Func<FlokeDbContext, Initiative, InitiativeStage, bool>> ByStage = (d, i, s) => i.Stage == s;
    internal static readonly Expression<Func<FlokeDbContext, Initiative, Measures, bool>> ByMeasure = (d, i, m) => (i.Measures & m) != 0;
    internal static readonly Expression<Func<FlokeDbContext, Initiative, InnovationTypes, bool>> ByType = (d, i, t) => (i.InnovationTypes & t) != 0;
    internal static readonly Expression<Func<FlokeDbContext, Initiative, OecdFacet, bool>> ByFacet = (d, i, f) => i.OecdFacet == f;
    internal static readonly Expression<Func<FlokeDbContext, Initiative, OrganizationKind, bool>> ByKind = (d, i, k) => i.OwnerKind == k;
    internal static readonly Expression<Func<FlokeDbContext, Initiative, string, bool>> ByCounty = (d, i, c) => i.OwnerCountyNumber == c;
    /// <summary>Counted as everywhere: organisations that use the solution (status Adopted).</summary>
    internal static readonly Expression<Func<FlokeDbContext, Initiative, int, bool>> ByMinAdoptions = (d, i, n) =>
        d.Adoptions.Count(a => a.InitiativeId == i.Id && a.Status == Adoptions.AdoptionStatus.Adopted) >= n;
    internal static readonly Expression<Func<FlokeDbContext, Initiative, int, bool>> ByRealisedGains = (d, i, _) =>
        d.Benefits.Any(b => b.InitiativeId == i.Id && !b.IsDisbenefit && b.RealisedValue > 0);
    internal static readonly Expression<Func<FlokeDbContext, Initiative, int, bool>> ByOrganization = (d, i, o) =>
        i.OwnerOrganizationId == o || i.Partners.Any(p => p.OrganizationId == o && p.Status == ParticipationStatus.Accepted);

    /// <summary>A rule with its value, for a query built at the request (the value a parameter of it, as a captured one is).</summary>
    internal static Expression<Func<Initiative, bool>> Rule<TValue>(Expression<Func<FlokeDbContext, Initiative, TValue, bool>> rule, FlokeDbContext db, TValue value) =>
        Linq.Expr((Initiative i) => rule.Invoke(db, i, value)).Expand();

    /// <summary>The query of one shape: the published initiatives, each filter of the shape (the value from its parameter),
    /// newest change first, the page.</summary>
    private static Expression<Func<FlokeDbContext, string, InitiativeStage, Measures, InnovationTypes, OecdFacet, OrganizationKind, string, int, int, int, IQueryable<InitiativeSummary>>> Build(Shape shape, int size)
    {
        var db = Expression.Parameter(typeof(FlokeDbContext), "db");
        var text = Expression.Parameter(typeof(string), "text");
        var stage = Expression.Parameter(typeof(InitiativeStage), "stage");
        var measure = Expression.Parameter(typeof(Measures), "measure");
        var type = Expression.Parameter(typeof(InnovationTypes), "type");
        var facet = Expression.Parameter(typeof(OecdFacet), "facet");
        var kind = Expression.Parameter(typeof(OrganizationKind), "kind");
        var county = Expression.Parameter(typeof(string), "county");
        var minimum = Expression.Parameter(typeof(int), "minimum");
        var organization = Expression.Parameter(typeof(int), "organization");
        var offset = Expression.Parameter(typeof(int), "offset");

        Expression<Func<FlokeDbContext, IQueryable<Initiative>>> published = d => d.Initiatives.AsNoTracking().Where(i => i.Visibility == InitiativeVisibility.Published);
        Expression query = Expression.Invoke(published, db);
        void Where<TValue>(Shape filter, ParameterExpression value, Expression<Func<FlokeDbContext, Initiative, TValue, bool>> rule)
        {
            if (shape.HasFlag(filter))
            {
                var i = Expression.Parameter(typeof(Initiative), "i");
                var predicate = Expression.Lambda<Func<Initiative, bool>>(Expression.Invoke(rule, db, i, value), i);
                query = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Initiative)], query, Expression.Quote(predicate));
            }
        }
        Where(Shape.Text, text, ByText);
        Where(Shape.Stage, stage, ByStage);
        Where(Shape.Measure, measure, ByMeasure);
        Where(Shape.Type, type, ByType);
        Where(Shape.Facet, facet, ByFacet);
        Where(Shape.Kind, kind, ByKind);
        Where(Shape.County, county, ByCounty);
        Where(Shape.MinAdoptions, minimum, ByMinAdoptions);
        Where(Shape.RealisedGains, minimum, ByRealisedGains);
        Where(Shape.Organization, organization, ByOrganization);

        // The size written into the SQL (ConstantLimits), the offset a parameter and only past the first page (Paging.Page).
        Expression<Func<IQueryable<Initiative>, int, IQueryable<InitiativeSummary>>> page = shape.HasFlag(Shape.Offset)
            ? (q, skip) => ConstantLimits.Take(q.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Skip(skip), size).Select(InitiativeQueries.Summary)
            : (q, _) => ConstantLimits.Take(q.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id), size).Select(InitiativeQueries.Summary);
        return Expression.Lambda<Func<FlokeDbContext, string, InitiativeStage, Measures, InnovationTypes, OecdFacet, OrganizationKind, string, int, int, int, IQueryable<InitiativeSummary>>>(
            Expression.Invoke(page, query, offset), db, text, stage, measure, type, facet, kind, county, minimum, organization, offset).Expand();
    }
}
