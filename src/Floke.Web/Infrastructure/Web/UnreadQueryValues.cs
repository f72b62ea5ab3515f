using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Floke.Web.Infrastructure.Web;

/// <summary>
/// A value in a page's address that model binding could not read — an old link's <c>stage=Nope</c>, a typed
/// <c>year=abc</c> — leaves its filter unset, so the page shows more than the reader asked for. This keeps which
/// parameters and values were dropped on a GET, and the layout says so above the page (nb/en), naming each.
/// </summary>
public sealed class UnreadQueryValues : IPageFilter
{
    public sealed record Value(string Name, string Text);

    public static IReadOnlyList<Value> Of(HttpContext http) =>
        http.Items.TryGetValue(typeof(UnreadQueryValues), out var found) && found is IReadOnlyList<Value> values ? values : [];

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return;
        }
        var unread = new List<Value>();
        foreach (var (key, entry) in context.ModelState)
        {
            // The query collection compares names without case, as binding does: "stage" binds Stage.
            if (entry.ValidationState == ModelValidationState.Invalid && request.Query.TryGetValue(key, out var text))
            {
                unread.Add(new Value(request.Query.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)), text.ToString()));
            }
        }
        if (unread.Count > 0)
        {
            context.HttpContext.Items[typeof(UnreadQueryValues)] = unread;
        }
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
