using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Floke.Web.Infrastructure.Data;

/// <summary>A compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, IQueryable{TResult}}})"/>
/// and its kin), compiled once for each model it runs with. EF Core binds a compiled query to the first model that runs it
/// and refuses any other; the app runs one database's model, the tests run both in one process. A compiled query skips
/// building the query's expression and EF Core's looking it up in its cache by comparing that expression — for the short
/// queries of a page, most of what a query costs the app.</summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> _compiled = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _compiled.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
