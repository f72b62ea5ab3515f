using Floke.Web.Features.Benefits;
using Floke.Web.Infrastructure;

namespace Floke.Tests.Features.Benefits;

public class BenefitChartTests
{
    private static BenefitSummary Summary(DateOnly start, DateOnly end) => new(1, 1, null, "Spart tid", BenefitKind.TimeSaved, "timer",
        BenefitDirection.HigherIsBetter, false, 0, start, 100, end, null, null, BeneficiaryGroup.Citizens, null, null, null, 0, RealisationStatus.NotStarted);

    [Fact]
    public void AFewMeasurements_AreAllDrawn()
    {
        var readings = new[] { new BenefitChart.Reading(new(2026, 2, 1), 10), new(new(2026, 3, 1), 25), new(new(2026, 4, 1), 20) };
        var chart = BenefitChart.From(Summary(new(2026, 1, 1), new(2027, 1, 1)), BenefitChart.Series.Whole(readings))!;
        Assert.Equal(["01.02.2026: 10 timer", "01.03.2026: 25 timer", "01.04.2026: 20 timer"], chart.Points.Select(p => p.Label));
        Assert.Equal(4, chart.MeasuredLine.Split(' ').Length); // from the baseline through each measurement
        Assert.Equal(Formatting.Amount(100, "timer"), chart.MaxLabel); // the target is the highest
    }

    [Fact]
    public void AThinnedSeries_SetsTheAxesFromEveryValue_NotOnlyThoseDrawn()
    {
        var start = new DateOnly(2000, 1, 1);
        var drawn = new[] { new BenefitChart.Reading(new(2001, 1, 1), 40), new(new(2030, 6, 1), 60) };
        var chart = BenefitChart.From(Summary(start, new(2020, 1, 1)), new BenefitChart.Series(drawn, new(1999, 3, 1), new(2030, 6, 1), -20, 500))!;
        Assert.Equal(Formatting.Amount(500, "timer"), chart.MaxLabel); // a spike thinned away still sets the scale
        Assert.Equal(Formatting.Amount(-20, "timer"), chart.MinLabel);
        Assert.Equal(Formatting.Date(new DateOnly(1999, 3, 1)), chart.StartLabel); // the first value came before the baseline
        Assert.Equal(Formatting.Date(new DateOnly(2030, 6, 1)), chart.EndLabel); // and the last after the target
        Assert.Equal(BenefitChart.PlotRight.ToString(), chart.Points[^1].X);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 100)]
    [InlineData(0, 179)]
    [InlineData(0, 180)]
    [InlineData(730_000, 780_000)]
    public void StretchEnds_CutTheAxisIntoAtMostMaxPointsEqualStretches_TheLastEndingAfterTheLastDay(int firstDay, int lastDay)
    {
        var ends = BenefitChart.StretchEnds(firstDay, lastDay).Select(d => d.DayNumber).ToList();
        Assert.InRange(ends.Count, 1, BenefitChart.MaxPoints);
        Assert.Equal(lastDay + 1, ends[^1]);
        var lengths = ends.Zip(ends.Skip(1), (a, b) => b - a).Prepend(ends[0] - firstDay).ToList();
        Assert.All(lengths, l => Assert.True(l > 0));
        Assert.True(lengths.Max() - lengths.Min() <= 1, "stretches differ by at most a day");
        // Each day falls in the stretch a plain division gives it: the first end after it.
        var span = lastDay - firstDay + 1;
        for (var day = firstDay; day <= lastDay; day += Math.Max(1, span / 997))
        {
            var stretch = (long)(day - firstDay) * BenefitChart.MaxPoints / span;
            var end = ends.First(e => e > day);
            Assert.Equal(stretch, (long)(end - 1 - firstDay) * BenefitChart.MaxPoints / span);
        }
    }
}
