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
}
