namespace Floke.Web.Infrastructure;

/// <summary>One page of a list, with what a pager needs.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class Paging
{
    public const int DefaultPageSize = 20;

    /// <summary>Keeps page and size in range so that no request can ask for an unbounded list.</summary>
    public static (int Page, int PageSize) Clamp(int page, int pageSize, int max) =>
        (Math.Max(1, page), pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, max));

    /// <summary>The rows of one page of an ordered query, with the page size written into the SQL (<c>LIMIT 20</c>) and an
    /// offset only past the first page. EF Core sends <c>Take(n)</c> and <c>Skip(n)</c> as parameters, and PostgreSQL's
    /// plan for a prepared statement with an unknown LIMIT assumes a tenth of the rows (hash joins, whole-table scans), so it
    /// plans such a statement anew at every execution — more of a list's database time than running it. With the size
    /// written in and no offset, the first page — most of what is read — keeps one plan. Sizes are clamped
    /// (<see cref="Clamp"/>), so there are few of them. A page whose offset is beyond what an int holds is empty (computed
    /// in an int, it turned negative: PostgreSQL refused it, SQLite read it as 0 and showed the first page).</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> ordered, int page, int size) =>
        (page > 1 ? ordered.Skip(Offset(page, size)) : ordered).Limit(size);

    /// <summary>How many rows come before the page, at most <see cref="int.MaxValue"/> (past the end of any list).</summary>
    public static int Offset(int page, int size) => (int)Math.Min((long)Math.Max(page - 1, 0) * size, int.MaxValue);

    /// <summary><c>Take(count)</c> with the count written into the SQL (<c>LIMIT 50</c>), for the reason given at
    /// <see cref="Page"/>, and the SQL built once per count (<see cref="Data.ConstantLimits"/>). For a count the code fixes
    /// or clamps, not one a request chooses unbounded: each count is a query of its own in EF Core's cache. (A compiled
    /// query needs none of this: it writes a constant Take into the SQL as it is.)</summary>
    public static IQueryable<T> Limit<T>(this IQueryable<T> ordered, int count) => Data.ConstantLimits.Apply(ordered, count);
}
