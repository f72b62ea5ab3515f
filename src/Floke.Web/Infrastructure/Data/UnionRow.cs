namespace Floke.Web.Infrastructure.Data;

/// <summary>A row of any of a page's short lists, so that all of them come in one statement (UNION ALL) instead of one round
/// trip each. Which list it belongs to is <see cref="Part"/>; the other fields hold that list's columns, as the query that
/// makes them says. Set with an initializer that names every member in every branch (0 or null where unused): EF Core makes a
/// UNION of the columns initializers name alike, not of a constructor's arguments. Two more rules, each learnt from a failing
/// test: a column is read as its first branch says (SQLite stores times as numbers, so a time column's first branch names a
/// time column, not NULL); and a branch cut with Take becomes a subquery, where PostgreSQL takes a bare NULL for text, so
/// such a branch puts a value, not NULL, in its number and time columns (InitiativeQueries' experiments).</summary>
public sealed class UnionRow<TPart> where TPart : struct, Enum
{
    public TPart Part { get; init; }
    public int Id { get; init; }
    public int A { get; init; }
    public int B { get; init; }
    public int C { get; init; }
    public int? D { get; init; }
    public string? Text1 { get; init; }
    public string? Text2 { get; init; }
    public string? Text3 { get; init; }
    public string? Text4 { get; init; }
    public DateTimeOffset? At { get; init; }
    public DateTimeOffset? At2 { get; init; }
    public DateOnly? Day { get; init; }
    public bool Flag { get; init; }
}
