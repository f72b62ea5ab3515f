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

    /// <summary>The measured values as the chart needs them: those it draws, oldest first, and the dates and range of all
    /// of them (the axes cover every value, drawn or not).</summary>
    public sealed record Series(IReadOnlyList<Reading> Drawn, DateOnly? First, DateOnly? Last, decimal? Low, decimal? High)
    {
        /// <summary>A series drawn whole (at most <see cref="MaxPoints"/> values).</summary>
        public static Series Whole(IReadOnlyList<Reading> readings) => readings.Count == 0 ? new([], null, null, null, null)
            : new(readings, readings[0].Date, readings[^1].Date, readings.Min(r => r.Value), readings.Max(r => r.Value));
    }

    /// <summary>Whether <paramref name="s"/> has what a chart needs: baseline and target, each with a value and a date.</summary>
    public static bool CanDraw(BenefitSummary s) => s is { BaselineValue: not null, TargetValue: not null, BaselineDate: not null, TargetDate: not null };

    /// <summary>The time axis: from the baseline or the first value, whichever is earlier, to the target or the last.</summary>
    public static (int FirstDay, int LastDay) Axis(BenefitSummary s, DateOnly? first, DateOnly? last) =>
        (Math.Min(s.BaselineDate!.Value.DayNumber, (first ?? s.BaselineDate.Value).DayNumber),
         Math.Max(s.TargetDate!.Value.DayNumber, (last ?? s.TargetDate.Value).DayNumber));

    /// <summary>A longer series than <see cref="MaxPoints"/> is drawn thinned: the time axis is cut into that many equal
    /// stretches and each shows its latest value — the standing at the end of the stretch, as the line shows it. These are
    /// the (exclusive) ends of the stretches: the latest value before each end, once each, is what is drawn.</summary>
    public static DateOnly[] StretchEnds(int firstDay, int lastDay)
    {
        var span = lastDay - firstDay + 1;
        return Enumerable.Range(1, MaxPoints).Select(k => firstDay + (int)(((long)k * span + MaxPoints - 1) / MaxPoints)).Distinct()
            .Select(DateOnly.FromDayNumber).ToArray();
    }

    /// <summary>Null where nothing can be drawn (a qualitative benefit, or no baseline and target; see <see cref="CanDraw"/>).</summary>
    public static BenefitChart? From(BenefitSummary s, Series series)
    {
        if (!CanDraw(s))
        {
            return null;
        }
        var (baseline, target, start, end) = (s.BaselineValue!.Value, s.TargetValue!.Value, s.BaselineDate!.Value, s.TargetDate!.Value);
        var (firstDay, lastDay) = Axis(s, series.First, series.Last);
        var low = Math.Min(Math.Min(baseline, target), series.Low ?? baseline);
        var high = Math.Max(Math.Max(baseline, target), series.High ?? baseline);
        if (low == high)
        {
            (low, high) = (low - 1, high + 1);
        }
        string X(int day) => F(Left + (double)(day - firstDay) / Math.Max(1, lastDay - firstDay) * (Width - Left - Right));
        string Y(decimal v) => F(Top + (double)((high - v) / (high - low)) * (Height - Top - Bottom));
        var points = series.Drawn.Select(m => new Point(X(m.Date.DayNumber), Y(m.Value), $"{Formatting.Date(m.Date)}: {Formatting.Amount(m.Value, s.Unit)}")).ToList();
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
