using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Tests.Infrastructure.Data;

/// <summary>A list compiled per combination of filters reads the same rows as the query built from the same filters: with
/// the filters given in any order, past the number of shapes it keeps compiled, at page sizes it does not compile, and
/// past the first page — on both databases.</summary>
[Collection("app")]
public class FilteredListTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static FilteredList<Organization, int> NewList(out ListFilter<Organization, string> name, out ListFilter<Organization, int> from,
        out ListFilter<Organization, int> to, out ListFilter<Organization> municipality, out ListOrder<Organization> byId)
    {
        var list = new FilteredList<Organization, int>(o => o.Id, 3) { MaxShapes = 2 };
        name = list.Filter<string>((d, o, prefix) => o.Name.StartsWith(prefix));
        from = list.Filter<int>((d, o, id) => o.Id >= id);
        to = list.Filter<int>((d, o, id) => o.Id <= id);
        municipality = list.Filter((d, o) => o.Kind == OrganizationKind.Municipality);
        byId = list.Order(q => q.OrderBy(o => o.Id));
        return list;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CompiledPages_ReadWhatTheBuiltQueryReads(string provider)
    {
        var app = apps[provider];
        var prefix = $"Filterliste {TestData.Token()}";
        await using var scope = app.Scope();
        var db = app.Db(scope);
        var rows = Enumerable.Range(0, 6).Select(k => TestData.OrganizationRow(prefix)).ToList();
        rows[4].Kind = OrganizationKind.StateAgency;
        db.Organizations.AddRange(rows);
        await db.SaveChangesAsync();
        var ids = rows.Select(r => r.Id).Order().ToArray();

        var list = NewList(out var name, out var from, out var to, out var municipality, out var byId);
        async Task<int[]> Page(ListRequest<Organization, int> request, int page, int size) => [.. await request.Page(byId, page, size).ToListAsync()];
        async Task<int[]> Built(ListRequest<Organization, int> request) => [.. await request.Query().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync()];

        // Two values of one type, given in the other order than declared: each goes to its own parameter.
        var range = list.For(db).Where(to, ids[3]).Where(name, prefix).Where(from, ids[1]);
        Assert.Equal(ids[1..4], await Page(range, 1, 3));
        Assert.Equal(ids[1..4], await Built(range));
        Assert.Equal(1, list.CompiledShapes);

        // A page after the first: its own shape (an offset).
        var all = list.For(db).Where(name, prefix);
        Assert.Equal(ids[3..6], await Page(all, 2, 3));
        Assert.Equal(2, list.CompiledShapes);

        // Past MaxShapes and at a size not compiled: built, the same rows.
        var municipalities = all.Where(true, municipality);
        Assert.Equal(ids.Where(id => id != rows[4].Id).Take(3), await Page(municipalities, 1, 3));
        Assert.Equal(ids[..4], await Page(all, 1, 4));
        Assert.Equal(2, list.CompiledShapes);

        // A filter used once: a request that names it twice is a mistake in the code, not a query.
        Assert.Throws<InvalidOperationException>(() => all.Where(name, prefix));

        // The same shape read again with other values uses the query compiled for it.
        Assert.Equal(ids[2..3], await Page(list.For(db).Where(to, ids[2]).Where(name, prefix).Where(from, ids[2]), 1, 3));
        Assert.Equal(2, list.CompiledShapes);
    }
}
