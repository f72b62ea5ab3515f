using System.Diagnostics.CodeAnalysis;

namespace Floke.Web.Core.Geography;

/// <summary>A county filter as written in an address or an API query: the county's number as SSB writes it, two digits
/// ("03" Oslo, "46" Vestland). Anything else cannot be read — "3", "Oslo", "abc" — so it is never a filter that silently
/// matches nothing: a page says it did not understand the value and shows the list without it, the API answers 400
/// naming the field. A well-formed number that is no county ("99") is read, and matches nothing.</summary>
public readonly record struct CountyNumber : IParsable<CountyNumber>
{
    private CountyNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CountyNumber result)
    {
        result = s is [>= '0' and <= '9', >= '0' and <= '9'] ? new CountyNumber(s) : default;
        return result.Value is not null;
    }

    public static CountyNumber Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var county) ? county : throw new FormatException($"\"{s}\" is not a county number (two digits)");

    public override string ToString() => Value ?? "";
}
