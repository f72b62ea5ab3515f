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

    /// <summary>At most this many measurements are drawn (about one per three pixels); a longer series shows the latest of each stretch.</summary>
    public const int MaxPoints = 180;

    public sealed record Point(string X, string Y, string Label);

    /// <summary>A measured value on its date.</summary>
    public sealed record Reading(DateOnly Date, decimal Value);

    /// <summary>Null where nothing can be drawn (a qualitative benefit, or no baseline and target). <paramref name="readings"/>
    /// are the benefit's measured values, oldest first.</summary>
    public static BenefitChart? From(BenefitSummary s, IReadOnlyList<Reading> readings)
    {
        if (s.BaselineValue is not { } baseline || s.TargetValue is not { } target || s.BaselineDate is not { } start || s.TargetDate is not { } end)
        {
            return null;
        }
        var firstDay = Math.Min(start.DayNumber, readings.Count > 0 ? readings[0].Date.DayNumber : start.DayNumber);
        var lastDay = Math.Max(end.DayNumber, readings.Count > 0 ? readings[^1].Date.DayNumber : end.DayNumber);
        var measured = Thin(readings, firstDay, lastDay);
        var values = readings.Select(m => m.Value).Append(baseline).Append(target).ToList();
        var (low, high) = (values.Min(), values.Max());
        if (low == high)
        {
            (low, high) = (low - 1, high + 1);
        }
        string X(int day) => F(Left + (double)(day - firstDay) / Math.Max(1, lastDay - firstDay) * (Width - Left - Right));
        string Y(decimal v) => F(Top + (double)((high - v) / (high - low)) * (Height - Top - Bottom));
        var points = measured.Select(m => new Point(X(m.Date.DayNumber), Y(m.Value), $"{Formatting.Date(m.Date)}: {Formatting.Amount(m.Value, s.Unit)}")).ToList();
        var line = string.Join(' ', new[] { $"{X(start.DayNumber)},{Y(baseline)}" }.Concat(points.Select(p => $"{p.X},{p.Y}")));
        return new BenefitChart($"{X(start.DayNumber)},{Y(baseline)} {X(end.DayNumber)},{Y(target)}", points.Count > 0 ? line : "", points,
            Formatting.Amount(low, s.Unit), Formatting.Amount(high, s.Unit), Formatting.Date(DateOnly.FromDayNumber(firstDay)),
            Formatting.Date(DateOnly.FromDayNumber(lastDay)));
    }

    /// <summary>All readings when they are few; otherwise the time axis is cut into <see cref="MaxPoints"/> stretches and
    /// each keeps its latest reading — the standing at the end of the stretch, as the line shows it.</summary>
    private static List<Reading> Thin(IReadOnlyList<Reading> readings, int firstDay, int lastDay)
    {
        if (readings.Count <= MaxPoints)
        {
            return [.. readings];
        }
        var span = Math.Max(1, lastDay - firstDay + 1);
        var kept = new List<Reading>(MaxPoints);
        for (var i = 0; i < readings.Count; i++)
        {
            var stretch = (long)(readings[i].Date.DayNumber - firstDay) * MaxPoints / span;
            var next = i + 1 < readings.Count ? (long)(readings[i + 1].Date.DayNumber - firstDay) * MaxPoints / span : -1;
            if (next != stretch)
            {
                kept.Add(readings[i]);
            }
        }
        return kept;
    }

    public static int PlotLeft => Left;
    public static int PlotTop => Top;
    public static int PlotBottom => Height - Bottom;
    public static int PlotRight => Width - Right;

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
