using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Adoptions;

/// <summary>The tables the spread and adopter pages show, as CSV downloads with the same columns and the reader's language.</summary>
public static class AdoptionTables
{
    /// <summary>One table of the spread page: "most-adopted", "levels", "counties" or "inspiring"; null for another name.</summary>
    public static IResult? Spread(SpreadReport r, string table, Core.Geography.Geography geography, IStringLocalizer<SharedResource> l) => table switch
    {
        "most-adopted" => CsvFile.Result("mest-gjenbrukt.csv",
            [l["Adoption.Solution"], l["Benefit.Owner"], l["AdoptionStatus.Adopted"], l["AdoptionStatus.Piloting"], l["AdoptionStatus.Considering"],
                l["AdoptionStatus.Abandoned"], l["Spread.Counties"]],
            r.MostAdopted.Select(m => new object?[] { m.Title, m.OwnerName, m.Counts.Adopted, m.Counts.Piloting, m.Counts.Considering, m.Counts.Abandoned, m.Counties })),
        "levels" => CsvFile.Result("gjenbruk-per-niva.csv", [l["Spread.FromLevel"], l["Spread.ToLevel"], l["Spread.Adoptions"]],
            r.ByLevel.Select(f => new object?[] { l.Text(f.From), l.Text(f.To), f.Adoptions })),
        "counties" => CsvFile.Result("gjenbruk-per-fylke.csv", [l["Org.County"], l["Spread.Adoptions"], l["Spread.FromOtherCounties"]],
            r.ByCounty.Select(c => new object?[] { geography.FindCounty(c.CountyNumber)?.Name ?? l["Spread.NoCounty"], c.Adoptions, c.FromOtherCounties })),
        "inspiring" => CsvFile.Result("har-inspirert.csv", [l["Adoption.Solution"], l["Spread.Inspired"]],
            r.MostInspiring.Select(i => new object?[] { i.Title, i.InspiredInitiatives })),
        _ => null,
    };

    public static IResult Adopters(IReadOnlyList<AdoptionSummary> adoptions, int initiative, Core.Geography.Geography geography, IStringLocalizer<SharedResource> l) =>
        CsvFile.Result($"tiltak-{initiative}-gjenbruk.csv", [l["Adoption.Adopter"], l["Org.County"], l["Adoption.Status"], l["Adoption.Confirmed"]],
            adoptions.Select(a => new object?[] { a.AdopterName, geography.FindCounty(a.AdopterCountyNumber)?.Name, l.Text(a.Status), a.ConfirmedAt }));
}
