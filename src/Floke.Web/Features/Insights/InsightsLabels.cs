using Floke.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Insights;

/// <summary>The reader's words for a dashboard table's heading and rows (the page and the CSV say the same).</summary>
public static class InsightsLabels
{
    public static string Heading(IStringLocalizer<SharedResource> l, string table) => l[$"Insights.Table.{table}"];

    public static string Label(IStringLocalizer<SharedResource> l, Core.Geography.Geography geo, string table, CountRow row) => table switch
    {
        "stages" => l[$"InitiativeStage.{row.Key}"],
        "measures" => l[$"Measures.{row.Key}"],
        "innovation-types" => l[$"InnovationTypes.{row.Key}"],
        "oecd-facets" => l[$"OecdFacet.{row.Key}"],
        "levels" => l[$"GovernmentLevel.{row.Key}"],
        "counties" => geo.FindCounty(row.Key)?.Name ?? row.Key,
        "experiment-outcomes" => row.Key == "Open" ? l["Insights.NotConcluded"] : l[$"ExperimentOutcome.{row.Key}"],
        "legal-bases" => l[$"LegalBasis.{row.Key}"],
        "adoptions" => l[$"AdoptionStatus.{row.Key}"],
        "call-phases" => l[$"OpenCallPhase.{row.Key}"],
        "award-winners" => l[$"OrganizationKind.{row.Key}"],
        _ => row.Name ?? row.Key,
    };
}
