using Floke.Web.Features.Benefits;

namespace Floke.Tests.Features.Benefits;

public class BenefitChartTests
{
    private static BenefitSummary Summary(DateOnly start, DateOnly end) => new(1, 1, null, "Spart tid", BenefitKind.TimeSaved, "timer",
        BenefitDirection.HigherIsBetter, false, 0, start, 100, end, null, null, BeneficiaryGroup.Citizens, null, null, null, 0, RealisationStatus.NotStarted);

    [Fact]
    public void AFewMeasurements_AreAllDrawn()
    {
        var readings = new[] { new BenefitChart.Reading(new(2026, 2, 1), 10), new(new(2026, 3, 1), 25), new(new(2026, 4, 1), 20) };
        var chart = BenefitChart.From(Summary(new(2026, 1, 1), new(2027, 1, 1)), readings)!;
        Assert.Equal(["01.02.2026: 10 timer", "01.03.2026: 25 timer", "01.04.2026: 20 timer"], chart.Points.Select(p => p.Label));
        Assert.Equal(4, chart.MeasuredLine.Split(' ').Length); // from the baseline through each measurement
    }

    [Fact]
    public void YearsOfDailyMeasurements_AreThinnedToTheLatestOfEachStretch_KeepingTheWholeSpanAndTheRange()
    {
        var start = new DateOnly(2000, 1, 1);
        var readings = Enumerable.Range(0, 9_000).Select(i => new BenefitChart.Reading(start.AddDays(i), i == 4_000 ? 500 : i % 90)).ToList();
        var chart = BenefitChart.From(Summary(start, new(2020, 1, 1)), readings)!;
        Assert.InRange(chart.Points.Count, 100, BenefitChart.MaxPoints);
        Assert.StartsWith(Floke.Web.Infrastructure.Formatting.Date(readings[^1].Date), chart.Points[^1].Label);
        Assert.Equal(Floke.Web.Infrastructure.Formatting.Amount(500, "timer"), chart.MaxLabel); // a spike thinned away still sets the scale
        var xs = chart.Points.Select(p => double.Parse(p.X, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.Order(), xs);
    }
}
