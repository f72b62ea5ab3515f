using System.Collections.Concurrent;
using System.Linq.Expressions;
using LinqKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Floke.Web.Infrastructure.Data;

/// <summary>A compiled query (<see cref="EF"/>.CompileAsyncQuery), compiled once for each model it runs with. EF Core binds a
/// compiled query to the first model that runs it and refuses any other; the app runs one database's model, the tests run
/// both in one process. A compiled query skips building the query's expression and EF Core's looking it up in its cache by
/// comparing that expression — for the short queries of a page, most of what a query costs the app. Made by
/// <see cref="PerModel"/>, which also expands the rules a query takes as expressions (<c>IsVisibleTo.Invoke(…)</c>).</summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> _compiled = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _compiled.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}

/// <summary>Compiled queries of <see cref="FlokeDbContext"/>, per model. Rules a query takes as expressions, such as
/// <c>InitiativeAccess.IsVisibleTo.Invoke(i, orgIds)</c>, are written into it (LinqKit's <c>Expand</c>) before it is compiled.</summary>
public static class PerModel
{
    public static PerModel<Func<FlokeDbContext, IAsyncEnumerable<TResult>>> Sequence<TResult>(
        Expression<Func<FlokeDbContext, IQueryable<TResult>>> query) => new(() => EF.CompileAsyncQuery(query.Expand()));

    public static PerModel<Func<FlokeDbContext, T1, IAsyncEnumerable<TResult>>> Sequence<T1, TResult>(
        Expression<Func<FlokeDbContext, T1, IQueryable<TResult>>> query) => new(() => EF.CompileAsyncQuery(query.Expand()));

    public static PerModel<Func<FlokeDbContext, T1, T2, IAsyncEnumerable<TResult>>> Sequence<T1, T2, TResult>(
        Expression<Func<FlokeDbContext, T1, T2, IQueryable<TResult>>> query) => new(() => EF.CompileAsyncQuery(query.Expand()));

    public static PerModel<Func<FlokeDbContext, T1, T2, T3, IAsyncEnumerable<TResult>>> Sequence<T1, T2, T3, TResult>(
        Expression<Func<FlokeDbContext, T1, T2, T3, IQueryable<TResult>>> query) => new(() => EF.CompileAsyncQuery(query.Expand()));

    public static PerModel<Func<FlokeDbContext, T1, T2, T3, T4, IAsyncEnumerable<TResult>>> Sequence<T1, T2, T3, T4, TResult>(
        Expression<Func<FlokeDbContext, T1, T2, T3, T4, IQueryable<TResult>>> query) => new(() => EF.CompileAsyncQuery(query.Expand()));

    public static PerModel<Func<FlokeDbContext, T1, T2, T3, T4, T5, IAsyncEnumerable<TResult>>> Sequence<T1, T2, T3, T4, T5, TResult>(
        Expression<Func<FlokeDbContext, T1, T2, T3, T4, T5, IQueryable<TResult>>> query) => new(() => EF.CompileAsyncQuery(query.Expand()));

    public static PerModel<Func<FlokeDbContext, T1, T2, CancellationToken, Task<TResult>>> Single<T1, T2, TResult>(
        Expression<Func<FlokeDbContext, T1, T2, CancellationToken, TResult>> query) => new(() => EF.CompileAsyncQuery(query.Expand()));
}
