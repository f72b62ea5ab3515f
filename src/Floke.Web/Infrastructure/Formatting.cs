using System.Globalization;

namespace Floke.Web.Infrastructure;

/// <summary>Dates, numbers and money as Norwegians write them, whatever the language of the page.</summary>
public static class Formatting
{
    public static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static string Date(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Oslo).ToString("dd.MM.yyyy", Norwegian);

    public static string Date(DateOnly value) => value.ToString("dd.MM.yyyy", Norwegian);

    public static string DateTime(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Oslo).ToString("dd.MM.yyyy HH:mm", Norwegian);

    public static string Number(long value) => value.ToString("N0", Norwegian);

    public static string Nok(decimal value) => value.ToString("C0", Norwegian);
}
