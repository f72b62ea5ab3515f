using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Infrastructure.Data;

/// <summary>A filter of a <see cref="FilteredList{TEntity, TRow}"/> without a value (a rule of the database and the item,
/// such as "published").</summary>
public class ListFilter<TEntity>
{
    internal ListFilter(int index, LambdaExpression rule) => (Index, Rule) = (index, rule);

    internal int Index { get; }

    /// <summary><c>(db, item) => bool</c>, or <c>(db, item, value) => bool</c> for a <see cref="ListFilter{TEntity, TValue}"/>.</summary>
    internal LambdaExpression Rule { get; }

    /// <summary>The value's type; null for a filter without one.</summary>
    internal virtual Type? ValueType => null;

    /// <summary>A closure holding <paramref name="value"/>, read by the query as EF Core reads a captured variable: as a
    /// parameter of the statement.</summary>
    internal virtual Expression? Captured(object? value) => null;
}

/// <summary>A filter of a <see cref="FilteredList{TEntity, TValue}"/> with a value: a rule of the database, the item and the value.</summary>
public sealed class ListFilter<TEntity, TValue> : ListFilter<TEntity>
{
    internal ListFilter(int index, Expression<Func<FlokeDbContext, TEntity, TValue, bool>> rule) : base(index, rule)
    {
    }

    internal override Type ValueType => typeof(TValue);

    internal override Expression Captured(object? value) =>
        Expression.Field(Expression.Constant(new StrongBox<TValue>((TValue)value!)), nameof(StrongBox<TValue>.Value));
}

/// <summary>An order a <see cref="FilteredList{TEntity, TRow}"/> can be read in.</summary>
public sealed class ListOrder<TEntity>
{
    internal ListOrder(int index, Expression<Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>>> order) => (Index, Order) = (index, order);

    internal int Index { get; }
    internal Expression<Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>>> Order { get; }
}

/// <summary>A list whose pages are filtered by a request's choice of filters: each filter a rule stated once, used both for
/// the query built at a request (the list's total, page sizes of an API client's own choosing) and for pages compiled once
/// for each combination of filters — each <em>shape</em>: which filters, which order, the page size, and whether the page
/// has an offset — with the filters' values as the compiled query's parameters.
/// <para>Why: built as a LINQ query at every request, EF Core spent more of the app's CPU preparing a filtered page than
/// running it — walking the expression for its parameters, finding it in its cache and the building itself, 14 % of
/// <c>/initiatives?stage=…&amp;measure=…&amp;county=…</c> against 9 % for the statement (bench README, "Twenty-ninth
/// session"). One compiled query with every filter written as "<c>@p IS NULL OR …</c>" would be planned once for all
/// combinations, badly; here each shape has the SQL it would have had built (<c>WHERE "Stage" = @stage AND …</c>),
/// compiled when first asked for.</para>
/// <para>Only the page sizes the list names are compiled, and at most <see cref="MaxShapes"/> shapes: a request chooses
/// its filters, so the shapes are bounded but not few; past that, a new shape is read as an ordinary query, which EF Core's
/// own, bounded, query cache holds.</para>
/// <para>Declare the filters and orders once (static), then for a request: <c>list.For(db).Where(…)…</c>.</para></summary>
public sealed class FilteredList<TEntity, TRow>(Expression<Func<TEntity, TRow>> select, params int[] compiledSizes) where TEntity : class
{
    /// <summary>How many shapes one list keeps compiled at most (256: far more than a list's forms and links make).</summary>
    public int MaxShapes { get; init; } = 256;

    private readonly List<ListFilter<TEntity>> _filters = [];
    private readonly List<ListOrder<TEntity>> _orders = [];
    private readonly ConcurrentDictionary<Shape, PerModel<Func<FlokeDbContext, object?[], IAsyncEnumerable<TRow>>>> _pages = new();

    /// <summary>How many shapes are compiled (for tests).</summary>
    internal int CompiledShapes => _pages.Count;

    /// <summary>A filter with a value. Filters are declared once, before the list is first read.</summary>
    public ListFilter<TEntity, TValue> Filter<TValue>(Expression<Func<FlokeDbContext, TEntity, TValue, bool>> rule)
    {
        var filter = new ListFilter<TEntity, TValue>(_filters.Count, rule);
        Add(filter);
        return filter;
    }

    /// <summary>A filter without a value.</summary>
    public ListFilter<TEntity> Filter(Expression<Func<FlokeDbContext, TEntity, bool>> rule)
    {
        var filter = new ListFilter<TEntity>(_filters.Count, rule);
        Add(filter);
        return filter;
    }

    private void Add(ListFilter<TEntity> filter)
    {
        if (_filters.Count == 64)
        {
            throw new InvalidOperationException("A filtered list has at most 64 filters.");
        }
        _filters.Add(filter);
    }

    /// <summary>An order the list can be read in (for a stable page, ending with a unique key).</summary>
    public ListOrder<TEntity> Order(Expression<Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>>> order)
    {
        var o = new ListOrder<TEntity>(_orders.Count, order);
        _orders.Add(o);
        return o;
    }

    /// <summary>The list for one request, without filters yet: every <typeparamref name="TEntity"/>, untracked.</summary>
    public ListRequest<TEntity, TRow> For(FlokeDbContext db) => new(this, db, null, [], 0);

    /// <summary>The list for one request, starting from <paramref name="source"/> (a set of items no filter states, such as
    /// a reader's own): read as a built query, never compiled.</summary>
    public ListRequest<TEntity, TRow> For(FlokeDbContext db, IQueryable<TEntity> source) => new(this, db, source, [], 0);

    /// <summary>The rows of one page: compiled for the request's shape where it can be, else built.</summary>
    internal IAsyncEnumerable<TRow> Page(ListRequest<TEntity, TRow> request, ListOrder<TEntity> order, int page, int size)
    {
        var shape = new Shape(request.Mask, order.Index, size, page > 1);
        if (request.Source is null && Compiled(shape, request.Values) is { } compiled)
        {
            // The values of the filters that have one, in the filters' order, then the offset: the compiled query's parameters.
            var args = new object?[request.Values + (shape.Offset ? 1 : 0)];
            var k = 0;
            foreach (var (filter, value) in request.Applied)
            {
                if (filter.ValueType is not null)
                {
                    args[k++] = value;
                }
            }
            if (shape.Offset)
            {
                args[k] = Paging.Offset(page, size);
            }
            return compiled.For(request.Db)(request.Db, args);
        }
        var filtered = request.Query();
        var ordered = filtered.Provider.CreateQuery<TEntity>(Expression.Invoke(order.Order, filtered.Expression).Expand());
        return ordered.Page(page, size).Select(select).AsAsyncEnumerable();
    }

    private PerModel<Func<FlokeDbContext, object?[], IAsyncEnumerable<TRow>>>? Compiled(Shape shape, int values)
    {
        if (_pages.TryGetValue(shape, out var compiled))
        {
            return compiled;
        }
        if (!compiledSizes.Contains(shape.Size) || _pages.Count >= MaxShapes || values + (shape.Offset ? 1 : 0) > CompiledQueries.MaxParameters)
        {
            return null;
        }
        return _pages.GetOrAdd(shape, static (shape, list) => new(() => list.Compile(shape)), this);
    }

    /// <summary>The filters of <paramref name="applied"/> on <paramref name="source"/>, each with its value as an expression (a
    /// parameter of a compiled query, or a captured value; none for a filter without a value).</summary>
    internal static Expression Where(Expression source, Expression db, IEnumerable<(ListFilter<TEntity> Filter, Expression? Value)> applied)
    {
        foreach (var (filter, value) in applied)
        {
            var item = Expression.Parameter(typeof(TEntity), "item");
            var predicate = Expression.Lambda<Func<TEntity, bool>>(
                Expression.Invoke(filter.Rule, value is null ? [db, item] : [db, item, value]), item);
            source = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TEntity)], source, Expression.Quote(predicate));
        }
        return source;
    }

    /// <summary>The query of one shape: the filters of the shape (each value a parameter, in the filters' order), the order,
    /// the page (its size written in, the offset a parameter after the values), the rows — compiled.</summary>
    private Func<FlokeDbContext, object?[], IAsyncEnumerable<TRow>> Compile(Shape shape)
    {
        var db = Expression.Parameter(typeof(FlokeDbContext), "db");
        var used = _filters.Where(f => (shape.Mask & (1UL << f.Index)) != 0).ToList();
        var values = used.Select(f => f.ValueType is null ? null : Expression.Parameter(f.ValueType, $"value{f.Index}")).ToList();
        var parameters = new List<ParameterExpression> { db };
        parameters.AddRange(values.OfType<ParameterExpression>());

        Expression<Func<FlokeDbContext, IQueryable<TEntity>>> all = d => d.Set<TEntity>().AsNoTracking();
        var query = Expression.Invoke(_orders[shape.Order].Order,
            Where(Expression.Invoke(all, db), db, used.Select((f, k) => (f, (Expression?)values[k]))));
        Expression paged = query;
        if (shape.Offset)
        {
            var offset = Expression.Parameter(typeof(int), "offset");
            parameters.Add(offset);
            paged = Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(TEntity)], paged, offset);
        }
        // The size written into the SQL (ConstantLimits, as Paging.Page does), the rows.
        paged = Expression.Call(typeof(ConstantLimits).GetMethod(nameof(ConstantLimits.Take))!.MakeGenericMethod(typeof(TEntity)), paged, Expression.Constant(shape.Size));
        paged = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TEntity), typeof(TRow)], paged, Expression.Quote(select));
        var lambda = (LambdaExpression)Expression.Lambda(paged, parameters).Expand();
        var compiled = CompiledQueries.Sequence<TRow>(lambda);

        // (db, args) => compiled(db, (T1)args[0], …): the values as the compiled query's typed parameters.
        var dbArg = Expression.Parameter(typeof(FlokeDbContext), "db");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var call = Expression.Invoke(Expression.Constant(compiled), parameters.Skip(1)
            .Select((p, k) => (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(k)), p.Type)).Prepend(dbArg));
        return Expression.Lambda<Func<FlokeDbContext, object?[], IAsyncEnumerable<TRow>>>(call, dbArg, args).Compile();
    }

    private readonly record struct Shape(ulong Mask, int Order, int Size, bool Offset);
}

/// <summary>One request's reading of a <see cref="FilteredList{TEntity, TRow}"/>: the filters it uses, with their values.
/// Each <c>Where</c> gives a new request (the one before it is unchanged).</summary>
public sealed class ListRequest<TEntity, TRow> where TEntity : class
{
    private readonly FilteredList<TEntity, TRow> _list;
    private IQueryable<TEntity>? _query;

    internal ListRequest(FilteredList<TEntity, TRow> list, FlokeDbContext db, IQueryable<TEntity>? source,
        (ListFilter<TEntity> Filter, object? Value)[] applied, ulong mask) =>
        (_list, Db, Source, Applied, Mask, Values) = (list, db, source, applied, mask, applied.Count(a => a.Filter.ValueType is not null));

    internal FlokeDbContext Db { get; }

    /// <summary>The items to filter where not all (<see cref="FilteredList{TEntity, TRow}.For(FlokeDbContext, IQueryable{TEntity})"/>).</summary>
    internal IQueryable<TEntity>? Source { get; }

    /// <summary>The filters used, in the order they were declared.</summary>
    internal (ListFilter<TEntity> Filter, object? Value)[] Applied { get; }

    internal ulong Mask { get; }

    /// <summary>How many of the filters used have a value.</summary>
    internal int Values { get; }

    /// <summary>With <paramref name="filter"/>, where <paramref name="condition"/> holds.</summary>
    public ListRequest<TEntity, TRow> Where(bool condition, ListFilter<TEntity> filter) => condition ? With(filter, null) : this;

    /// <summary>With <paramref name="filter"/> for <paramref name="value"/>, if there is one.</summary>
    public ListRequest<TEntity, TRow> Where<TValue>(ListFilter<TEntity, TValue> filter, TValue? value) where TValue : struct =>
        value is { } v ? With(filter, v) : this;

    /// <summary>With <paramref name="filter"/> for <paramref name="value"/>, if there is one.</summary>
    public ListRequest<TEntity, TRow> Where<TValue>(ListFilter<TEntity, TValue> filter, TValue? value) where TValue : class =>
        value is not null ? With(filter, value) : this;

    private ListRequest<TEntity, TRow> With(ListFilter<TEntity> filter, object? value)
    {
        var bit = 1UL << filter.Index;
        if ((Mask & bit) != 0)
        {
            throw new InvalidOperationException("A filter is used once in a request.");
        }
        // Kept in the filters' declared order, which is the order of the compiled query's parameters.
        var applied = new (ListFilter<TEntity>, object?)[Applied.Length + 1];
        var at = Applied.Count(a => a.Filter.Index < filter.Index);
        Applied.AsSpan(0, at).CopyTo(applied);
        applied[at] = (filter, value);
        Applied.AsSpan(at).CopyTo(applied.AsSpan(at + 1));
        return new(_list, Db, Source, applied, Mask | bit);
    }

    /// <summary>The filtered items as a query built at the request, each value a parameter as a captured variable is (for
    /// the list's total, or anything else a page does not answer). Built when first asked for.</summary>
    public IQueryable<TEntity> Query()
    {
        if (_query is null)
        {
            var all = Source ?? Db.Set<TEntity>().AsNoTracking();
            var db = Expression.Field(Expression.Constant(new StrongBox<FlokeDbContext>(Db)), nameof(StrongBox<FlokeDbContext>.Value));
            _query = all.Provider.CreateQuery<TEntity>(
                FilteredList<TEntity, TRow>.Where(all.Expression, db, Applied.Select(a => (a.Filter, a.Filter.Captured(a.Value)))).Expand());
        }
        return _query;
    }

    /// <summary>The rows of page <paramref name="page"/> (of <paramref name="size"/> rows) in <paramref name="order"/>.</summary>
    public IAsyncEnumerable<TRow> Page(ListOrder<TEntity> order, int page, int size) => _list.Page(this, order, page, size);
}

/// <summary>EF Core's compiled queries for an expression whose parameters are known only when it is built.</summary>
internal static class CompiledQueries
{
    private static readonly MethodInfo[] SequenceByArity = typeof(EF).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name == nameof(EF.CompileAsyncQuery) && m.IsGenericMethodDefinition && m.GetParameters().Length == 1)
        .Where(m => m.GetParameters()[0].ParameterType.GetGenericArguments()[0] is var func
            && func.GetGenericArguments()[^1] is { IsGenericType: true } result && result.GetGenericTypeDefinition() == typeof(IQueryable<>))
        .OrderBy(m => m.GetGenericArguments().Length)
        .ToArray();

    /// <summary>How many parameters besides the context a compiled query can have.</summary>
    public static int MaxParameters => SequenceByArity[^1].GetGenericArguments().Length - 2;

    /// <summary><c>EF.CompileAsyncQuery</c> of <paramref name="query"/> (<c>(db, p1, …) => IQueryable&lt;TRow&gt;</c>): a
    /// <c>Func&lt;FlokeDbContext, P1, …, IAsyncEnumerable&lt;TRow&gt;&gt;</c>.</summary>
    public static Delegate Sequence<TRow>(LambdaExpression query)
    {
        var types = query.Parameters.Select(p => p.Type).Append(typeof(TRow)).ToArray();
        var method = SequenceByArity.Single(m => m.GetGenericArguments().Length == types.Length).MakeGenericMethod(types);
        // The lambda's type as CompileAsyncQuery takes it: Func<…, IQueryable<TRow>>, whatever IQueryable the body is.
        var typed = Expression.Lambda(method.GetParameters()[0].ParameterType.GetGenericArguments()[0], query.Body, query.Parameters);
        return (Delegate)method.Invoke(null, [typed])!;
    }
}
