using System.Text.Json;
using Floke.Web.Infrastructure.Localization;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Infrastructure.Api;

/// <summary>Turns a handler's <see cref="Result{T}"/> into the API's answer: the value, or RFC 9457 problem details
/// in the reader's language that name each wrong field (in the API's camelCase).</summary>
public static class ApiResults
{
    public static Results<Ok<TOut>, ValidationProblem, ProblemHttpResult> ToApi<T, TOut>(this Result<T> result, HttpContext ctx, Func<T, TOut> map)
    {
        if (result.IsOk)
        {
            return TypedResults.Ok(map(result.Value!));
        }
        var failure = Failure(result, ctx);
        return failure is ValidationProblem v ? v : (ProblemHttpResult)failure;
    }

    public static Results<Created<TOut>, ValidationProblem, ProblemHttpResult> ToCreated<T, TOut>(this Result<T> result, HttpContext ctx, Func<T, string> location, Func<T, TOut> map)
    {
        if (result.IsOk)
        {
            return TypedResults.Created(location(result.Value!), map(result.Value!));
        }
        var failure = Failure(result, ctx);
        return failure is ValidationProblem v ? v : (ProblemHttpResult)failure;
    }

    public static ProblemHttpResult NotFound(HttpContext ctx) => Problem(ctx, StatusCodes.Status404NotFound, null);

    private static IResult Failure<T>(Result<T> result, HttpContext ctx)
    {
        var l = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return result.Kind switch
        {
            ResultKind.Invalid => (IResult)TypedResults.ValidationProblem(
                result.Errors.ToDictionary(e => CamelCase(e.Key), e => e.Value),
                title: l["Problem.Invalid"]),
            ResultKind.NotFound => Problem(ctx, StatusCodes.Status404NotFound, null),
            ResultKind.Conflict => Problem(ctx, StatusCodes.Status409Conflict, result.Detail),
            _ => ctx.User.Identity?.IsAuthenticated == true
                ? Problem(ctx, StatusCodes.Status403Forbidden, null)
                : Problem(ctx, StatusCodes.Status401Unauthorized, null),
        };
    }

    // "Metrics[0].Result" → "metrics[0].result", as the fields are named in the JSON body.
    private static string CamelCase(string field) => string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>Titles the framework's own problem details in the reader's language, as the app's are: an address no route
    /// matches (<c>/api/v1/initiatives/abc</c> fails the route's <c>int</c>) or matches with another method, a missing or
    /// refused token — answered by the status-code pages with the status's English reason phrase ("Not Found"). The app's
    /// own carry a title from the resources, never one of those phrases, and are left as they are.</summary>
    public static void LocalizeTitle(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        if (context.ProblemDetails.Title != Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) || TitleKey(status) is not { } key)
        {
            return;
        }
        // The status-code pages run outside request localization, so the reader's culture is read from what it decided.
        var culture = context.HttpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture;
        context.ProblemDetails.Title = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()
            .In(culture ?? System.Globalization.CultureInfo.CurrentUICulture, key);
    }

    /// <summary>The title of each status the API answers with problem details, the app's own and the framework's alike.</summary>
    private static string? TitleKey(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Problem.Unauthorized",
        StatusCodes.Status403Forbidden => "Problem.Forbidden",
        StatusCodes.Status404NotFound => "Problem.NotFound",
        StatusCodes.Status405MethodNotAllowed => "Problem.MethodNotAllowed",
        StatusCodes.Status409Conflict => "Problem.Conflict",
        _ => null,
    };

    /// <summary>The app's own problem details, titled as <see cref="TitleKey"/> says for the status.</summary>
    private static ProblemHttpResult Problem(HttpContext ctx, int status, string? detail)
    {
        var l = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(detail: detail, statusCode: status, title: l[TitleKey(status)!]);
    }
}
