using System.Globalization;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Infrastructure.Localization;
using Floke.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.OpenData;

/// <summary>Who publishes Floke's open data: <c>Floke:OpenData:PublisherOrganizationNumber</c> and <c>…:PublisherName</c>.</summary>
public sealed record OpenDataPublisher(string OrganizationNumber, string Name);

/// <summary>The DCAT-AP-NO 2 catalogue of Floke's open datasets: titles and descriptions in Norwegian and English, the
/// publisher by organisation number, EU data themes, NLOD 2.0, CSV and XLSX distributions and the JSON API, modification
/// dates, and the types and scheme memberships the official SHACL shapes look for (so it validates offline too).</summary>
public sealed class OpenDataCatalog(FlokeDbContext db, OpenDataPublisher publisher, IStringLocalizerFactory localizers)
{
    private const string Licence = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";
    private const string FileTypes = "http://publications.europa.eu/resource/authority/file-type";
    private const string Themes = "http://publications.europa.eu/resource/authority/data-theme";
    private const string Languages = "http://publications.europa.eu/resource/authority/language";
    private const string AccessRights = "http://publications.europa.eu/resource/authority/access-right";

    private static readonly Dictionary<string, string> Prefixes = new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#", ["dct"] = "http://purl.org/dc/terms/", ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#", ["vcard"] = "http://www.w3.org/2006/vcard/ns#", ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    };

    /// <summary>When each dataset last changed: an indexed MAX per dataset, all in one statement (UNION ALL).</summary>
    public async Task<Dictionary<string, DateTimeOffset?>> ModifiedAsync(CancellationToken ct)
    {
        IQueryable<DatasetChange>? all = null;
        for (var i = 0; i < OpenDatasets.All.Count; i++)
        {
            var index = i;
            var latest = OpenDatasets.All[i].Changes(db).GroupBy(_ => index).Select(g => new DatasetChange { Index = g.Key, At = g.Max() });
            all = all is null ? latest : all.Concat(latest);
        }
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(all!, ct);
        return OpenDatasets.All.Select((d, i) => (d.Key, rows.FirstOrDefault(r => r.Index == i)?.At)).ToDictionary(x => x.Key, x => x.At);
    }

    private sealed class DatasetChange
    {
        public int Index { get; init; }
        public DateTimeOffset? At { get; init; }
    }

    public async Task<RdfGraph> BuildAsync(string baseUrl, CancellationToken ct)
    {
        var modified = await ModifiedAsync(ct);
        var texts = localizers.Create(typeof(SharedResource));
        var (nb, en) = (Localized(texts, "nb"), Localized(texts, "en"));
        var g = new RdfGraph(Prefixes);
        var catalog = $"{baseUrl}/open-data/catalog";
        var agent = $"https://data.brreg.no/enhetsregisteret/api/enheter/{publisher.OrganizationNumber}";
        var contact = $"{baseUrl}/open-data#contact";
        var licence = Licence;

        g.Add(catalog, Rdf.Type, "dcat:Catalog")
            .Add(catalog, "dct:title", RdfTerm.Text(nb("OpenData.Catalog.Title"), "nb")).Add(catalog, "dct:title", RdfTerm.Text(en("OpenData.Catalog.Title"), "en"))
            .Add(catalog, "dct:description", RdfTerm.Text(nb("OpenData.Catalog.Description"), "nb"))
            .Add(catalog, "dct:description", RdfTerm.Text(en("OpenData.Catalog.Description"), "en"))
            .Add(catalog, "dct:identifier", RdfTerm.Typed(catalog, "xsd:anyURI"))
            .Add(catalog, "dct:publisher", agent)
            .Add(catalog, "dct:language", $"{Languages}/NOB").Add(catalog, "dct:language", $"{Languages}/ENG")
            .Add(catalog, "dct:license", licence)
            .Add(catalog, "foaf:homepage", $"{baseUrl}/open-data");
        var latest = modified.Values.Max();
        if (latest is { } catalogModified)
        {
            g.Add(catalog, "dct:modified", RdfTerm.Typed(Date(catalogModified), "xsd:date"));
        }

        g.Add(agent, Rdf.Type, "foaf:Agent").Add(agent, "foaf:name", RdfTerm.Text(publisher.Name, "nb"))
            .Add(agent, "dct:identifier", RdfTerm.Text(publisher.OrganizationNumber, "nb"));
        g.Add(contact, Rdf.Type, "vcard:Organization").Add(contact, "vcard:hasURL", $"{baseUrl}/open-data")
            .Add(contact, "vcard:organization-name", RdfTerm.Text(publisher.Name, "nb"));
        g.Add(licence, Rdf.Type, "dct:LicenseDocument").Add(licence, Rdf.Type, "skos:Concept")
            .Add(licence, "skos:inScheme", "http://publications.europa.eu/resource/authority/licence")
            .Add(licence, "skos:prefLabel", RdfTerm.Text("Norsk lisens for offentlige data (NLOD) 2.0", "nb"));
        foreach (var (type, label) in new[] { ("CSV", "CSV"), ("XLSX", "XLSX"), ("JSON", "JSON") })
        {
            g.Add($"{FileTypes}/{type}", Rdf.Type, "skos:Concept").Add($"{FileTypes}/{type}", "skos:inScheme", FileTypes)
                .Add($"{FileTypes}/{type}", "skos:prefLabel", RdfTerm.Text(label, "en"));
        }
        foreach (var language in new[] { "NOB", "ENG" })
        {
            g.Add($"{Languages}/{language}", Rdf.Type, "dct:LinguisticSystem").Add($"{Languages}/{language}", Rdf.Type, "skos:Concept")
                .Add($"{Languages}/{language}", "skos:inScheme", Languages);
        }
        g.Add($"{AccessRights}/PUBLIC", Rdf.Type, "dct:RightsStatement").Add($"{AccessRights}/PUBLIC", Rdf.Type, "skos:Concept")
            .Add($"{AccessRights}/PUBLIC", "skos:inScheme", AccessRights);

        foreach (var d in OpenDatasets.All)
        {
            var dataset = $"{baseUrl}/open-data/datasets/{d.Key}";
            var theme = $"{Themes}/{d.Theme}";
            g.Add(catalog, "dcat:dataset", dataset);
            g.Add(dataset, Rdf.Type, "dcat:Dataset")
                .Add(dataset, "dct:title", RdfTerm.Text(nb(d.TitleKey), "nb")).Add(dataset, "dct:title", RdfTerm.Text(en(d.TitleKey), "en"))
                .Add(dataset, "dct:description", RdfTerm.Text(nb(d.DescriptionKey), "nb")).Add(dataset, "dct:description", RdfTerm.Text(en(d.DescriptionKey), "en"))
                .Add(dataset, "dct:identifier", RdfTerm.Typed(dataset, "xsd:anyURI"))
                .Add(dataset, "dct:publisher", agent)
                .Add(dataset, "dcat:contactPoint", contact)
                .Add(dataset, "dcat:theme", theme)
                .Add(dataset, "dct:accessRights", $"{AccessRights}/PUBLIC")
                .Add(dataset, "dct:language", $"{Languages}/NOB")
                .Add(dataset, "dcat:keyword", RdfTerm.Text("innovasjon", "nb")).Add(dataset, "dcat:keyword", RdfTerm.Text("innovation", "en"))
                .Add(dataset, "dcat:landingPage", $"{baseUrl}/open-data#{d.Key}");
            g.Add(theme, Rdf.Type, "skos:Concept").Add(theme, "skos:inScheme", Themes);
            if (modified.GetValueOrDefault(d.Key) is { } changed)
            {
                g.Add(dataset, "dct:modified", RdfTerm.Typed(Date(changed), "xsd:date"));
            }
            foreach (var (format, media, url) in new[]
            {
                ("CSV", "https://www.iana.org/assignments/media-types/text/csv", $"{baseUrl}/open-data/{d.Key}.csv"),
                ("XLSX", "https://www.iana.org/assignments/media-types/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{baseUrl}/open-data/{d.Key}.xlsx"),
            })
            {
                var distribution = $"{dataset}/{format.ToLowerInvariant()}";
                g.Add(dataset, "dcat:distribution", distribution);
                g.Add(distribution, Rdf.Type, "dcat:Distribution")
                    .Add(distribution, "dct:title", RdfTerm.Text($"{nb(d.TitleKey)} ({format})", "nb"))
                    .Add(distribution, "dct:description", RdfTerm.Text(nb("OpenData.Distribution." + format), "nb"))
                    .Add(distribution, "dct:description", RdfTerm.Text(en("OpenData.Distribution." + format), "en"))
                    .Add(distribution, "dcat:accessURL", url).Add(distribution, "dcat:downloadURL", url)
                    .Add(distribution, "dct:format", $"{FileTypes}/{format}")
                    .Add(distribution, "dcat:mediaType", media)
                    .Add(distribution, "dct:license", licence);
                g.Add(media, Rdf.Type, "dct:MediaType");
            }
        }
        return g;
    }

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Func<string, string> Localized(IStringLocalizer l, string culture) => key => l.In(CultureInfo.GetCultureInfo(culture), key);
}
