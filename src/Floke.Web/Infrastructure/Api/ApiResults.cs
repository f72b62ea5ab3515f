using System.Text.Json;
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

    public static ProblemHttpResult NotFound(HttpContext ctx) => Problem(ctx, StatusCodes.Status404NotFound, "Problem.NotFound", null);

    private static IResult Failure<T>(Result<T> result, HttpContext ctx)
    {
        var l = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return result.Kind switch
        {
            ResultKind.Invalid => (IResult)TypedResults.ValidationProblem(
                result.Errors.ToDictionary(e => CamelCase(e.Key), e => e.Value),
                title: l["Problem.Invalid"]),
            ResultKind.NotFound => Problem(ctx, StatusCodes.Status404NotFound, "Problem.NotFound", null),
            ResultKind.Conflict => Problem(ctx, StatusCodes.Status409Conflict, "Problem.Conflict", result.Detail),
            _ => ctx.User.Identity?.IsAuthenticated == true
                ? Problem(ctx, StatusCodes.Status403Forbidden, "Problem.Forbidden", null)
                : Problem(ctx, StatusCodes.Status401Unauthorized, "Problem.Unauthorized", null),
        };
    }

    // "Metrics[0].Result" → "metrics[0].result", as the fields are named in the JSON body.
    private static string CamelCase(string field) => string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static ProblemHttpResult Problem(HttpContext ctx, int status, string titleKey, string? detail)
    {
        var l = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(detail: detail, statusCode: status, title: l[titleKey]);
    }
}
