using System.Globalization;

namespace Floke.Web.Infrastructure;

/// <summary>Dates, numbers and money as Norwegians write them, whatever the language of the page.</summary>
public static class Formatting
{
    public static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>Names and titles in Norwegian alphabetical order (æ, ø, å after z), the same whichever database they came from.</summary>
    public static readonly StringComparer NorwegianOrder = StringComparer.Create(Norwegian, ignoreCase: false);
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static string Date(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Oslo).ToString("dd.MM.yyyy", Norwegian);

    /// <summary>The day it is in Norway at <paramref name="moment"/>.</summary>
    public static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Oslo).DateTime);

    public static string Date(DateOnly value) => value.ToString("dd.MM.yyyy", Norwegian);

    public static string DateTime(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Oslo).ToString("dd.MM.yyyy HH:mm", Norwegian);

    public static string Number(long value) => value.ToString("N0", Norwegian);

    public static string Nok(decimal value) => value.ToString("C0", Norwegian);

    /// <summary>A measured value with up to four decimals, grouped by thousands: "1 234,5".</summary>
    public static string Decimal(decimal value) => value.ToString("#,0.####", Norwegian);

    /// <summary>A value in its unit: kroner as money, anything else as "12,5 timer"; "–" for none.</summary>
    public static string Amount(decimal? value, string? unit) => value switch
    {
        null => "–",
        { } v when unit == "NOK" => Nok(v),
        { } v => unit is null ? Decimal(v) : $"{Decimal(v)} {unit}",
    };
}
