using System.Globalization;
using Floke.Web.Infrastructure;

namespace Floke.Web.Features.Benefits;

/// <summary>The benefit chart, drawn on the server as SVG: the planned line from baseline to target, and the measurements
/// against it. The page gives it a text alternative and shows the same numbers in a table.</summary>
public sealed record BenefitChart(string PlannedLine, string MeasuredLine, IReadOnlyList<BenefitChart.Point> Points, string MinLabel, string MaxLabel,
    string StartLabel, string EndLabel)
{
    public const int Width = 640;
    public const int Height = 260;
    private const int Left = 90;
    private const int Right = 20;
    private const int Top = 16;
    private const int Bottom = 36;

    public sealed record Point(string X, string Y, string Label);

    /// <summary>Null where nothing can be drawn (a qualitative benefit, or no baseline and target).</summary>
    public static BenefitChart? From(BenefitView b)
    {
        var s = b.Benefit;
        if (s.BaselineValue is not { } baseline || s.TargetValue is not { } target || s.BaselineDate is not { } start || s.TargetDate is not { } end)
        {
            return null;
        }
        var measured = b.Measurements.Where(m => m.Value is not null).ToList();
        var firstDay = Math.Min(start.DayNumber, measured.Count > 0 ? measured.Min(m => m.Date.DayNumber) : start.DayNumber);
        var lastDay = Math.Max(end.DayNumber, measured.Count > 0 ? measured.Max(m => m.Date.DayNumber) : end.DayNumber);
        var values = measured.Select(m => m.Value!.Value).Append(baseline).Append(target).ToList();
        var (low, high) = (values.Min(), values.Max());
        if (low == high)
        {
            (low, high) = (low - 1, high + 1);
        }
        string X(int day) => F(Left + (double)(day - firstDay) / Math.Max(1, lastDay - firstDay) * (Width - Left - Right));
        string Y(decimal v) => F(Top + (double)((high - v) / (high - low)) * (Height - Top - Bottom));
        var points = measured.Select(m => new Point(X(m.Date.DayNumber), Y(m.Value!.Value),
            $"{Formatting.Date(m.Date)}: {Formatting.Amount(m.Value, s.Unit)}")).ToList();
        var line = string.Join(' ', new[] { $"{X(start.DayNumber)},{Y(baseline)}" }.Concat(points.Select(p => $"{p.X},{p.Y}")));
        return new BenefitChart($"{X(start.DayNumber)},{Y(baseline)} {X(end.DayNumber)},{Y(target)}", points.Count > 0 ? line : "", points,
            Formatting.Amount(low, s.Unit), Formatting.Amount(high, s.Unit), Formatting.Date(DateOnly.FromDayNumber(firstDay)),
            Formatting.Date(DateOnly.FromDayNumber(lastDay)));
    }

    public static int PlotLeft => Left;
    public static int PlotTop => Top;
    public static int PlotBottom => Height - Bottom;
    public static int PlotRight => Width - Right;

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
