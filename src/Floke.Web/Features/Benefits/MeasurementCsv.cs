using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Floke.Web.Infrastructure;
using Floke.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>Measurements as a CSV file: columns date/dato, value/verdi, source/kilde, note/merknad in any order, separated by
/// semicolons, commas or tabs — the file a benefit page downloads reads back in unchanged.</summary>
public static class MeasurementCsv
{
    /// <summary>The field a refused file's report is given under.</summary>
    public const string Field = "Upload";
    public const int MaxRows = 100_000;
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxReportedErrors = 100;

    public sealed record Row(int Line, MeasurementInput Input);

    public sealed record Parsed(IReadOnlyList<Row> Rows, IReadOnlyList<string> Errors);

    private static readonly string[][] Columns = [["date", "dato"], ["value", "verdi"], ["source", "kilde"], ["note", "merknad"]];

    public static async Task<Parsed> ReadAsync(Stream stream, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var rows = new List<Row>();
        var errors = new List<string>();
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            return new Parsed(rows, [l["Csv.Empty"]]);
        }
        var index = Columns.Select(names => Array.FindIndex(header, h => names.Contains(h.Trim().ToLowerInvariant()))).ToArray();
        if (index[0] < 0 || index[1] < 0)
        {
            return new Parsed(rows, [l["Csv.MissingColumns"]]);
        }
        var cells = new string?[Columns.Length];
        while (await csv.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var line = csv.Parser.Row;
            var blank = true;
            for (var c = 0; c < cells.Length; c++) // each cell read once: CsvHelper makes a new string at each read
            {
                cells[c] = index[c] >= 0 ? csv.GetField(index[c]) : null;
                blank &= string.IsNullOrWhiteSpace(cells[c]);
            }
            if (blank)
            {
                continue;
            }
            if (rows.Count >= MaxRows)
            {
                return new Parsed(rows, [l["Csv.TooManyRows", MaxRows]]);
            }
            DateOnly? date = null;
            decimal? value = null;
            var dateText = cells[0];
            if (CsvFile.TryParseDate(dateText, out var d))
            {
                date = d;
            }
            else if (!string.IsNullOrWhiteSpace(dateText))
            {
                errors.Add(l["Csv.RowError", line, l["Csv.BadDate", dateText]]);
                continue;
            }
            var valueText = cells[1];
            if (CsvFile.TryParseNumber(valueText, out var v))
            {
                value = v;
            }
            else if (!string.IsNullOrWhiteSpace(valueText))
            {
                errors.Add(l["Csv.RowError", line, l["Csv.BadNumber", valueText]]);
                continue;
            }
            rows.Add(new Row(line, new MeasurementInput(date, value, cells[2], cells[3])));
        }
        return new Parsed(rows, errors);
    }
}
