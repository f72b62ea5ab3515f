using Floke.Web.Features.Benefits;
using Floke.Web.Infrastructure;

namespace Floke.Tests.Features.Benefits;

/// <summary>The realisation status as a leader reads it, for each direction and edge.</summary>
public class BenefitRulesTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2027, 1, 1); // 365 days later
    private static readonly DateOnly Today = new(2026, 7, 1);

    private static RealisationStatus Higher(decimal? latest, DateOnly? at, DateOnly? today = null) =>
        BenefitRules.Status(BenefitKind.BudgetSaving, false, BenefitDirection.HigherIsBetter, 0m, Start, 1_000_000m, End, latest, at, today ?? Today);

    private static RealisationStatus Lower(decimal? latest, DateOnly? at, DateOnly? today = null) =>
        BenefitRules.Status(BenefitKind.TimeSaved, false, BenefitDirection.LowerIsBetter, 40m, Start, 20m, End, latest, at, today ?? Today);

    [Fact]
    public void NoMeasurement_IsNotStarted_UntilTheTargetDatePasses()
    {
        Assert.Equal(RealisationStatus.NotStarted, Higher(null, null));
        Assert.Equal(RealisationStatus.NotStarted, Lower(null, null));
        Assert.Equal(RealisationStatus.Behind, Higher(null, null, today: End.AddDays(1)));
    }

    [Fact]
    public void HigherIsBetter_OnTrackWhenProgressKeepsUpWithTime()
    {
        // Half a year in (181 of 365 days ≈ 49.6 %): 500,000 of 1,000,000 is on track, 400,000 behind.
        Assert.Equal(RealisationStatus.OnTrack, Higher(500_000m, Today));
        Assert.Equal(RealisationStatus.Behind, Higher(400_000m, Today));
        // Worse than the baseline is behind.
        Assert.Equal(RealisationStatus.Behind, Higher(-10m, Today));
    }

    [Fact]
    public void LowerIsBetter_MirrorsTheDirection()
    {
        // From 40 hours towards 20: 30 is half-way (on track at mid-year), 35 is a quarter (behind).
        Assert.Equal(RealisationStatus.OnTrack, Lower(30m, Today));
        Assert.Equal(RealisationStatus.Behind, Lower(35m, Today));
        Assert.Equal(RealisationStatus.Realised, Lower(20m, Today));
        Assert.Equal(RealisationStatus.Exceeded, Lower(19.5m, Today));
        Assert.Equal(RealisationStatus.Behind, Lower(45m, Today));
    }

    [Fact]
    public void ReachingTheTarget_IsRealised_AndBeyondIsExceeded_EvenAfterTheTargetDate()
    {
        Assert.Equal(RealisationStatus.Realised, Higher(1_000_000m, Today));
        Assert.Equal(RealisationStatus.Exceeded, Higher(1_000_000.01m, Today));
        Assert.Equal(RealisationStatus.Realised, Higher(1_000_000m, End, today: End.AddYears(1)));
    }

    [Fact]
    public void TargetDatePassedWithoutReachingIt_IsBehind_HoweverCloseItCame()
    {
        Assert.Equal(RealisationStatus.Behind, Higher(999_999m, End, today: End.AddDays(1)));
        // On the target date itself it is still judged against the line.
        Assert.Equal(RealisationStatus.Behind, Higher(999_999m, End, today: End));
        Assert.Equal(RealisationStatus.OnTrack, Higher(999_999m, Today.AddDays(-1), today: End));
    }

    [Fact]
    public void Disbenefit_OnTrackWithinTheExpectedHarm_BehindBeyondIt()
    {
        // Extra hours for nurses: from 0, at most 200 expected (lower is better, so 200 is worse).
        RealisationStatus Harm(decimal? latest) =>
            BenefitRules.Status(BenefitKind.TimeSaved, true, BenefitDirection.LowerIsBetter, 0m, Start, 200m, End, latest, Today, Today);
        Assert.Equal(RealisationStatus.NotStarted, Harm(null));
        Assert.Equal(RealisationStatus.OnTrack, Harm(150m));
        Assert.Equal(RealisationStatus.OnTrack, Harm(200m));
        Assert.Equal(RealisationStatus.Behind, Harm(250m));
    }

    [Fact]
    public void Qualitative_IsDescribedOnceMeasured()
    {
        Assert.Equal(RealisationStatus.NotStarted,
            BenefitRules.Status(BenefitKind.Qualitative, false, BenefitDirection.HigherIsBetter, null, null, null, null, null, null, Today));
        Assert.Equal(RealisationStatus.Described,
            BenefitRules.Status(BenefitKind.Qualitative, false, BenefitDirection.HigherIsBetter, null, null, null, null, null, Today, Today));
    }

    [Fact]
    public void Recompute_KeepsTheLatestByDate_AndDeltasThatSumToTheRealisedGain()
    {
        var b = new Benefit { Description = "x", Kind = BenefitKind.BudgetSaving, Direction = BenefitDirection.LowerIsBetter, BaselineValue = 100m };
        b.Measurements.Add(new Measurement { Id = 1, Date = new(2026, 3, 1), Value = 80m, RecordedBy = "a" });
        b.Measurements.Add(new Measurement { Id = 2, Date = new(2026, 1, 1), Value = 90m, RecordedBy = "a" }); // entered late, dated earlier
        b.Measurements.Add(new Measurement { Id = 3, Date = new(2026, 6, 1), Value = 85m, RecordedBy = "a" });
        BenefitRules.Recompute(b);
        Assert.Equal(new DateOnly(2026, 6, 1), b.LatestDate);
        Assert.Equal(85m, b.LatestValue);
        Assert.Equal(15m, b.RealisedValue);
        Assert.Equal(3, b.MeasurementCount);
        Assert.Equal(10m, b.Measurements.Single(m => m.Id == 2).RealisedDelta);
        Assert.Equal(10m, b.Measurements.Single(m => m.Id == 1).RealisedDelta);
        Assert.Equal(-5m, b.Measurements.Single(m => m.Id == 3).RealisedDelta);
        Assert.Equal(b.RealisedValue, b.Measurements.Sum(m => m.RealisedDelta));
    }

    [Fact]
    public void Append_GivesWhatRecomputeGives_ForMeasurementsInDateOrder()
    {
        Benefit New() => new() { Description = "x", Kind = BenefitKind.TimeSaved, Direction = BenefitDirection.HigherIsBetter, BaselineValue = 10m };
        var values = new[] { (new DateOnly(2026, 1, 1), 12m), (new DateOnly(2026, 2, 1), 11m), (new DateOnly(2026, 2, 1), 15.5m), (new DateOnly(2026, 5, 1), 30m) };
        var appended = New();
        var recomputed = New();
        var id = 0;
        foreach (var (date, value) in values)
        {
            var m = new Measurement { Id = ++id, Date = date, Value = value, RecordedBy = "a", RecordedAt = DateTimeOffset.UnixEpoch.AddDays(id) };
            BenefitRules.Append(appended, m);
            appended.Measurements.Add(m);
            recomputed.Measurements.Add(new Measurement { Id = id, Date = date, Value = value, RecordedBy = "a", RecordedAt = m.RecordedAt });
        }
        BenefitRules.Recompute(recomputed);
        Assert.Equal((recomputed.LatestValue, recomputed.LatestDate, recomputed.RealisedValue, recomputed.MeasurementCount),
            (appended.LatestValue, appended.LatestDate, appended.RealisedValue, appended.MeasurementCount));
        Assert.Equal(recomputed.Measurements.Select(m => m.RealisedDelta), appended.Measurements.Select(m => m.RealisedDelta));
    }

    [Theory]
    [InlineData("1234,5", 1234.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00A0234\u00A0567", 1234567)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("\u221212", -12)]
    [InlineData("-0,25", -0.25)]
    public void Numbers_AreReadAsPeopleTypeThem(string text, double expected)
    {
        Assert.True(CsvFile.TryParseNumber(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("tolv")]
    [InlineData("12x")]
    [InlineData("")]
    public void NotNumbers_AreRefused(string text) => Assert.False(CsvFile.TryParseNumber(text, out _));
}
