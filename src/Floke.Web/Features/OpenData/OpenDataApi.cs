using System.IO.Compression;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Api;
using Floke.Web.Infrastructure.Data;
using SpreadCheetah;

namespace Floke.Web.Features.OpenData;

/// <summary>Open data: every public collection as CSV and XLSX (streamed row by row, so national collections never sit in
/// memory), all of them in one ZIP, and the DCAT-AP-NO catalogue as Turtle or JSON-LD. The JSON of each collection is the
/// paged API (/api/v1/…).</summary>
public static class OpenDataApi
{
    public const string Turtle = "text/turtle";
    public const string JsonLd = "application/ld+json";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ZipName = "floke-open-data.zip";

    public static IServiceCollection AddOpenData(this IServiceCollection services, IConfiguration config) => services
        .AddSingleton(new OpenDataPublisher(config["Floke:OpenData:PublisherOrganizationNumber"] ?? "991825827",
            config["Floke:OpenData:PublisherName"] ?? "Digitaliseringsdirektoratet"))
        .AddScoped<OpenDataCatalog>();

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open-data").WithTags("Open data");
        group.MapGet("/catalog", Catalog).WithName("OpenDataCatalog")
            .WithSummary("The DCAT-AP-NO catalogue of Floke's open datasets: Turtle, or JSON-LD when asked for application/ld+json.")
            .Produces(StatusCodes.Status200OK, contentType: Turtle).Produces(StatusCodes.Status200OK, contentType: JsonLd);
        group.MapGet("/catalog.ttl", (OpenDataCatalog c, HttpContext h, CancellationToken ct) => CatalogAs(c, h, Turtle, ct)).WithName("OpenDataCatalogTurtle")
            .WithSummary("The catalogue as Turtle.").Produces(StatusCodes.Status200OK, contentType: Turtle);
        group.MapGet("/catalog.jsonld", (OpenDataCatalog c, HttpContext h, CancellationToken ct) => CatalogAs(c, h, JsonLd, ct)).WithName("OpenDataCatalogJsonLd")
            .WithSummary("The catalogue as JSON-LD.").Produces(StatusCodes.Status200OK, contentType: JsonLd);
        group.MapGet("/" + ZipName, Zip).WithName("OpenDataZip").WithSummary("Every open dataset as CSV, with the catalogue, in one ZIP file.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        group.MapGet("/{dataset}.csv", Csv).WithName("OpenDataCsv").WithSummary("One open dataset as CSV (semicolon, decimal comma, UTF-8 with BOM).")
            .Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{dataset}.xlsx", Xlsx).WithName("OpenDataXlsx").WithSummary("One open dataset as an Excel workbook.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static Task<IResult> Catalog(OpenDataCatalog catalog, HttpContext http, CancellationToken ct)
    {
        var accept = http.Request.GetTypedHeaders().Accept;
        var jsonLd = accept.Any(a => a.MediaType.Value is JsonLd or "application/json") && !accept.Any(a => a.MediaType.Value == Turtle);
        return CatalogAs(catalog, http, jsonLd ? JsonLd : Turtle, ct);
    }

    private static async Task<IResult> CatalogAs(OpenDataCatalog catalog, HttpContext http, string type, CancellationToken ct)
    {
        var graph = await catalog.BuildAsync(BaseUrl(http), ct);
        http.Response.Headers.Vary = "Accept";
        return TypedResults.Text(type == JsonLd ? graph.ToJsonLd() : graph.ToTurtle(), $"{type}; charset=utf-8");
    }

    private static IResult Csv(string dataset, FlokeDbContext db, HttpContext ctx) => OpenDatasets.Find(dataset) is not { } d
        ? ApiResults.NotFound(ctx)
        : TypedResults.Stream(stream => CsvFile.WriteAsync(stream, d.Columns, d.Rows(db), ctx.RequestAborted), CsvFile.ContentType, $"{d.Key}.csv");

    private static async Task<IResult> Xlsx(string dataset, FlokeDbContext db, HttpContext ctx, CancellationToken ct) => OpenDatasets.Find(dataset) is not { } d
        ? ApiResults.NotFound(ctx)
        : await TempFileAsync(stream => WriteXlsxAsync(stream, d, db, ct), XlsxType, $"{d.Key}.xlsx");

    /// <summary>Zip-based files (XLSX, ZIP) are written with seeks and synchronous writes that a response stream does not
    /// take: they are written to a temporary file first, which is sent and then deleted.</summary>
    private static async Task<IResult> TempFileAsync(Func<Stream, Task> write, string contentType, string fileName)
    {
        var path = Path.GetTempFileName();
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await write(file);
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return TypedResults.File(stream, contentType, fileName);
    }

    public static async Task WriteXlsxAsync(Stream output, OpenDataset d, FlokeDbContext db, CancellationToken ct)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        await sheet.StartWorksheetAsync(d.Key, token: ct);
        await sheet.AddHeaderRowAsync(d.Columns.ToArray(), token: ct);
        var cells = new DataCell[d.Columns.Count];
        await foreach (var row in d.Rows(db).WithCancellation(ct))
        {
            for (var i = 0; i < row.Length; i++)
            {
                cells[i] = row[i] switch
                {
                    null => new DataCell((string?)null),
                    int n => new DataCell(n),
                    long n => new DataCell(n),
                    decimal m => new DataCell(m),
                    bool b => new DataCell(b),
                    DateOnly date => new DataCell(date.ToDateTime(TimeOnly.MinValue)),
                    DateTimeOffset t => new DataCell(TimeZoneInfo.ConvertTime(t, Formatting.Oslo).DateTime),
                    var v => new DataCell(v.ToString()),
                };
            }
            await sheet.AddRowAsync(cells, ct);
        }
        await sheet.FinishAsync(ct);
    }

    /// <summary>Every dataset's CSV and the catalogue in one ZIP.</summary>
    private static Task<IResult> Zip(FlokeDbContext db, OpenDataCatalog catalog, HttpContext http, CancellationToken ct) => TempFileAsync(async file =>
    {
        await using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var d in OpenDatasets.All)
        {
            await using var entry = await zip.CreateEntry($"{d.Key}.csv", CompressionLevel.Fastest).OpenAsync(ct);
            await CsvFile.WriteAsync(entry, d.Columns, d.Rows(db), ct);
        }
        await using var catalogEntry = await zip.CreateEntry("catalog.ttl", CompressionLevel.Fastest).OpenAsync(ct);
        await using var writer = new StreamWriter(catalogEntry);
        await writer.WriteAsync((await catalog.BuildAsync(BaseUrl(http), ct)).ToTurtle());
    }, "application/zip", ZipName);
}
