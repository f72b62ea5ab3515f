using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Infrastructure.Api;

/// <summary>An endpoint bound at compile time answers a query value it cannot read as an optional parameter's type
/// (<c>?stage=Nope</c>, <c>?county=3</c>) with a bare 400: for optional parameters the request delegate generator neither
/// throws nor logs which parameter failed (it does for required ones). When such an answer comes back with nothing written,
/// this names the query values the endpoint could not read, as <see cref="BadJsonHandler"/> does for bodies and required
/// values. Every API endpoint is generated at compile time (cold start); an empty value (a form's "all") is no value.</summary>
public sealed class UnreadQueryProblems(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx, IProblemDetailsService problems, IStringLocalizer<SharedResource> l)
    {
        await next(ctx);
        if (ctx.Response.StatusCode != StatusCodes.Status400BadRequest || ctx.Response.HasStarted || ctx.GetEndpoint() is not { } endpoint)
        {
            return;
        }
        var unread = endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Where(p => p.HasTryParse && ctx.Request.Query.TryGetValue(p.Name, out var values) && values.Any(v => !string.IsNullOrEmpty(v) && !Readable(p.ParameterInfo.ParameterType, v)))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToList();
        if (unread.Count > 0)
        {
            await BadJsonHandler.WriteAsync(ctx, problems, l, unread);
        }
    }

    // As the generated code reads them: enums by name or number, case as written; other types by their TryParse.
    private static bool Readable(Type type, string? text)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            return Enum.TryParse(t, text, ignoreCase: false, out _);
        }
        var tryParse = t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), t.MakeByRefType()]);
        return tryParse is null || (bool)tryParse.Invoke(null, [text, CultureInfo.InvariantCulture, null])!;
    }
}
