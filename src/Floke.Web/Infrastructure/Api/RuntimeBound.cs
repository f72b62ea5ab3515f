namespace Floke.Web.Infrastructure.Api;

/// <summary>Endpoints are bound at compile time by the request delegate generator, which spares building them from
/// expression trees at start. For a handler with an <c>[AsParameters]</c> type the generated code answers a value it cannot
/// read (<c>?kind=Nope</c>) with a bare 400 and never says which parameter, and it writes <c>typeof(string?)</c> for a
/// positional record, which does not compile. Such a handler is passed as a <see cref="Delegate"/>, which the generator
/// leaves to ASP.NET's runtime binding: that one throws naming the parameter, and the API answers with the field.</summary>
public static class RuntimeBound
{
    public static Delegate Handler(Delegate handler) => handler;
}
