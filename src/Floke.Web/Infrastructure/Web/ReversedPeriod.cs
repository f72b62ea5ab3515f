using System.Globalization;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Infrastructure.Web;

/// <summary>A page whose figures are filtered to a period of years, each end optional.</summary>
public interface IPeriodFiltered
{
    int? FromYear { get; }
    int? ToYear { get; }
}

/// <summary>A period whose last year is before its first (2030 to 2020, chosen in the filter's two lists or typed in an
/// address) holds nothing: the figures were empty and nothing said why. A page shows what was asked and says so above it
/// with the address values it could not read (<see cref="UnreadQueryValues"/>, nb/en); the API answers 400 problem details
/// naming <c>toYear</c>.</summary>
public static class ReversedPeriod
{
    public static bool Is(int? from, int? to) => from is { } f && to is { } t && t < f;

    public static string Message(IStringLocalizer l, int from, int to) => l["Period.Reversed", to, from];

    /// <summary>The reversed period of this page request, if it has one.</summary>
    public static (int From, int To)? Of(HttpContext http) =>
        http.Items.TryGetValue(typeof(ReversedPeriod), out var found) && found is (int from, int to) ? (from, to) : null;

    /// <summary>Notes a page's reversed period for the layout.</summary>
    public sealed class OnPages : IPageFilter
    {
        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HandlerInstance is IPeriodFiltered { FromYear: { } from, ToYear: { } to } && Is(from, to))
            {
                context.HttpContext.Items[typeof(ReversedPeriod)] = (from, to);
            }
        }

        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }

    /// <summary>Answers an API request with a reversed <c>fromYear</c>/<c>toYear</c> with 400 problem details. It runs after
    /// binding, so both are readable numbers when present.</summary>
    public sealed class OnApi : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var query = context.HttpContext.Request.Query;
            if (Year(query["fromYear"]) is { } from && Year(query["toYear"]) is { } to && Is(from, to))
            {
                var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["toYear"] = [Message(l, from, to)] }, title: l["Problem.Invalid"]));
            }
            return next(context);
        }

        private static int? Year(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) ? year : null;
    }
}
