using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>The tables the benefit pages show, as CSV downloads with the same columns and the reader's language.</summary>
public static class BenefitTables
{
    public static IResult Measurements(int benefitId, IEnumerable<MeasurementView> measurements, IStringLocalizer<SharedResource> l) =>
        CsvFile.Result($"gevinst-{benefitId}-malinger.csv",
        [l["Measurement.Date"], l["Measurement.Value"], l["Measurement.Source"], l["Measurement.Note"]],
        measurements.Select(m => new object?[] { m.Date, m.Value, m.Source, m.Note }));

    public static IResult Benefits(BenefitMap map, IStringLocalizer<SharedResource> l) => CsvFile.Result($"tiltak-{map.InitiativeId}-gevinster.csv",
        [l["Benefit.Description"], l["Benefit.Kind"], l["Benefit.Unit"], l["Benefit.Disbenefit"], l["Benefit.Beneficiary"], l["Benefit.BaselineValue"],
            l["Benefit.BaselineDate"], l["Benefit.TargetValue"], l["Benefit.TargetDate"], l["Benefit.LatestValue"], l["Benefit.LatestDate"],
            l["Benefit.Realised"], l["Benefit.Status"]],
        map.Benefits.Select(b => new object?[] { b.Description, l.Text(b.Kind), b.Unit, b.IsDisbenefit, Beneficiary(b, l), b.BaselineValue, b.BaselineDate,
            b.TargetValue, b.TargetDate, b.LatestValue, b.LatestDate, b.RealisedValue, l.Text(b.Status) }));

    public static IResult Investments(BenefitMap map, IStringLocalizer<SharedResource> l) => CsvFile.Result($"tiltak-{map.InitiativeId}-investeringer.csv",
        [l["Investment.Organization"], l["Investment.Year"], l["Investment.AmountNok"], l["Investment.PersonHours"], l["Investment.Note"]],
        map.Investments.Select(i => new object?[] { i.OrganizationName, i.Year, i.AmountNok, i.PersonHours, i.Note }));

    /// <summary>An organisation's investments and gains, as its page shows them.</summary>
    public static IResult Gains(int organizationId, OrganizationGains g, IStringLocalizer<SharedResource> l) => CsvFile.Result($"virksomhet-{organizationId}-gevinster.csv",
        [l["Org.Gains.What"], l["Org.Gains.Nok"], l["Org.Gains.Hours"]],
        [
            [l["Org.Gains.Invested"].Value, g.InvestedNok, g.InvestedHours],
            [l["Org.Gains.Own"].Value, g.OwnGainsNok, g.OwnGainsHours],
            [l["Org.Gains.FromOthers"].Value, g.GainsFromOthersNok, g.GainsFromOthersHours],
        ]);

    /// <summary>The tag colour of a status: red behind, green realised, blue on track, grey otherwise.</summary>
    public static string StatusColor(RealisationStatus s) => s switch
    {
        RealisationStatus.Behind => "danger",
        RealisationStatus.Realised or RealisationStatus.Exceeded => "success",
        RealisationStatus.OnTrack => "info",
        _ => "neutral",
    };

    public static string Beneficiary(BenefitSummary b, IStringLocalizer l) =>
        b.BeneficiaryName ?? (b.BeneficiaryGroup is { } g ? l.Text(g) : "");

    /// <summary>A party's name on screen: the organisation's name, or the text of its kind, level or group.</summary>
    public static string Name(FlowParty p, IStringLocalizer l) =>
        p.Name ?? (p.Group is { } g ? l.Text(g) : p.Kind is { } k ? l.Text(k) : p.Level is { } v ? l.Text(v) : p.Key);

    /// <summary>The three tables of who-invests-who-gains: "investors", "receivers" or "flows"; null for another name.</summary>
    public static IResult? Flows(FlowReport r, string table, IStringLocalizer<SharedResource> l) => table switch
    {
        "investors" => CsvFile.Result("investeringer.csv", [l["Flows.Investor"], l["Investment.AmountNok"], l["Investment.PersonHours"]],
            r.Investors.Select(i => new object?[] { Name(i.Party, l), i.Nok, i.Hours })),
        "receivers" => CsvFile.Result("gevinster.csv",
            [l["Flows.Receiver"], l["Flows.GainsNok"], l["Flows.GainsHours"], l["Flows.DisbenefitsNok"], l["Flows.DisbenefitsHours"]],
            r.Receivers.Select(g => new object?[] { Name(g.Party, l), g.GainsNok, g.GainsHours, g.DisbenefitsNok, g.DisbenefitsHours })),
        "flows" => CsvFile.Result("strommer.csv", [l["Flows.Investor"], l["Flows.Receiver"], l["Flows.GainsNok"], l["Flows.GainsHours"]],
            r.Flows.Select(f => new object?[] { Name(f.From, l), Name(f.To, l), f.GainsNok, f.GainsHours })),
        _ => null,
    };
}
