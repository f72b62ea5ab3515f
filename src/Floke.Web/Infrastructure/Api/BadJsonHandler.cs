using System.Text.Json;
using System.Text.RegularExpressions;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Infrastructure.Api;

/// <summary>A request body that is not valid JSON for the endpoint (a word where a number belongs, an unknown enum value),
/// or a query or route value that cannot be read as its parameter's type (<c>?kind=Nope</c>), answers 400 problem details
/// naming the field, like every other bad input — not a bare "bad request".</summary>
public sealed partial class BadJsonHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var field = bad.InnerException is JsonException { Path: { Length: > 1 } path } ? FieldOf(path)
            : Parameter().Match(bad.Message) is { Success: true } m ? JsonNamingPolicy.CamelCase.ConvertName(m.Groups[1].Value) : "body";
        return await WriteAsync(ctx, problems, l, [field]);
    }

    /// <summary>400 problem details saying that each field's value could not be read.</summary>
    public static ValueTask<bool> WriteAsync(HttpContext ctx, IProblemDetailsService problems, IStringLocalizer<SharedResource> l, IEnumerable<string> fields)
    {
        ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = new HttpValidationProblemDetails(fields.ToDictionary(f => f, _ => new[] { l["Validation.Unreadable"].Value }))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = l["Problem.Invalid"],
            },
        });
    }

    // "$.affectedGroups[0]" → "affectedGroups"; "$.owner.name" → "owner.name".
    private static string FieldOf(string jsonPath) => Index().Replace(jsonPath.TrimStart('$', '.'), "") is { Length: > 0 } f ? f : "body";

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    // ASP.NET's message for a value it cannot bind: Failed to bind parameter "SearchKind? Kind" from "Nope".
    [GeneratedRegex(@"^Failed to bind parameter ""(?:[^""]* )?(\w+)"" from")]
    private static partial Regex Parameter();
}
