namespace Floke.Web.Infrastructure.Data;

/// <summary>Tags (<c>TagWith</c>, a comment at the head of the SQL) that say what a query is for, to whoever reads the SQL:
/// the logs, and the test that checks every page's queries are served by indexes (QueryBudgetTests).</summary>
public static class Tags
{
    /// <summary>Reads every row the reader may see, by design: a national figure or register, kept in a cache.</summary>
    public const string Aggregate = "Aggregate: reads every visible row by design";
}
