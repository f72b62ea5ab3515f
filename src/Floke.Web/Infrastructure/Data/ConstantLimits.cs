using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace Floke.Web.Infrastructure.Data;

/// <summary>A query's row count written into its SQL (<c>LIMIT 20</c>) with the SQL still built once and kept.
/// <para>EF Core sends <c>Take(n)</c> as a parameter, even a constant one, and PostgreSQL cannot keep one plan for a statement
/// whose LIMIT it cannot see (<see cref="Paging.Page"/>). <c>EF.Constant(n)</c> writes it in, but EF Core does so when the
/// query runs, so it builds that query's SQL at every execution — under a lock per query (its RelationalCommandCache):
/// under load every request of a list queued behind one another for it (bench README, "Twenty-fourth session").</para>
/// <para>Here the count goes through <see cref="Take{T}"/>, whose count EF Core takes into the query's shape as a constant
/// (<see cref="NotParameterizedAttribute"/>), so each count has a query of its own, compiled once and cached with its SQL;
/// before the query is compiled, this interceptor puts the ordinary <c>Take</c> in its place.</para></summary>
public sealed class ConstantLimits : IQueryExpressionInterceptor
{
    public static readonly ConstantLimits Instance = new();

    /// <summary><c>Take(count)</c> with the count as part of the query. Only in a query given to EF Core: never runs itself.</summary>
    public static IQueryable<T> Take<T>(IQueryable<T> source, [NotParameterized] int count) =>
        throw new InvalidOperationException($"{nameof(ConstantLimits)}.{nameof(Take)} is only for queries run by EF Core with {nameof(ConstantLimits)} among its interceptors.");

    /// <summary>The call of <see cref="Take{T}"/> on <paramref name="source"/>'s query.</summary>
    public static IQueryable<T> Apply<T>(IQueryable<T> source, int count) =>
        source.Provider.CreateQuery<T>(Expression.Call(Marker<T>.Take, source.Expression, Expression.Constant(count)));

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        Rewriter.Instance.Visit(queryExpression);

    private sealed class Rewriter : ExpressionVisitor
    {
        public static readonly Rewriter Instance = new();
        private static readonly MethodInfo Marker = typeof(ConstantLimits).GetMethod(nameof(Take))!;
        private static readonly MethodInfo QueryableTake = new Func<IQueryable<object>, int, IQueryable<object>>(Queryable.Take).Method.GetGenericMethodDefinition();

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == Marker)
            {
                return Expression.Call(QueryableTake.MakeGenericMethod(node.Method.GetGenericArguments()), Visit(node.Arguments[0]), node.Arguments[1]);
            }
            return base.VisitMethodCall(node);
        }
    }

    private static class Marker<T>
    {
        public static readonly MethodInfo Take = new Func<IQueryable<T>, int, IQueryable<T>>(ConstantLimits.Take).Method;
    }
}
