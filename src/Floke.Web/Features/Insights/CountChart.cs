using System.Globalization;

namespace Floke.Web.Features.Insights;

/// <summary>A horizontal bar chart drawn on the server as SVG (no script, no inline style): one bar per row, scaled to the
/// largest. The page shows the same numbers in a table beside it and offers them as CSV.</summary>
public sealed record CountChart(string Table, string Heading, IReadOnlyList<(string Label, int Count)> Rows, string CsvUrl)
{
    public const int Width = 640;
    public const int RowHeight = 26;
    public const int LabelWidth = 230;
    public const int BarWidth = 330;

    public int Height => Rows.Count * RowHeight + 8;

    public string BarLength(int count) =>
        (Rows.Count == 0 || Rows.Max(r => r.Count) == 0 ? 0 : (double)count / Rows.Max(r => r.Count) * BarWidth).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Short(string label) => label.Length <= 32 ? label : label[..31] + "…";
}
