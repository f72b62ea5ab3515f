using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>One benefit: its status, the chart against the planned line with its data table, and — for those who may —
/// a measurement form and a CSV upload.</summary>
public sealed class DetailsModel(BenefitQueries queries, BenefitCommands commands, IStringLocalizer<SharedResource> l) : ActionPage
{
    public sealed class MeasurementForm
    {
        public DateOnly? Date { get; set; }
        public decimal? Value { get; set; }
        public string? Source { get; set; }
        public string? Note { get; set; }
    }

    public BenefitView Benefit { get; private set; } = null!;
    /// <summary>The page of the measurements table (newest first).</summary>
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public BenefitChart? Chart { get; private set; }
    [BindProperty] public MeasurementForm Measure { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnPostMeasureAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.AddMeasurementAsync(id, new MeasurementInput(Measure.Date, Measure.Value, Measure.Source, Measure.Note), ct),
            l["Measurement.AddedMessage"], ct, "Measure.");

    public async Task<IActionResult> OnPostImportAsync(int id, CancellationToken ct)
    {
        Result<int> result;
        if (Upload is null || Upload.Length == 0)
        {
            result = Result<int>.Invalid(MeasurementCsv.Field, l["Csv.NoFile"]);
        }
        else if (Upload.Length > MeasurementCsv.MaxBytes)
        {
            result = Result<int>.Invalid(MeasurementCsv.Field, l["Csv.TooLarge", MeasurementCsv.MaxBytes / 1024 / 1024]);
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            result = await commands.ImportMeasurementsAsync(id, stream, ct);
        }
        return await AfterActionAsync(id, result, l["Measurement.ImportedMessage", result.Value], ct);
    }

    public async Task<IActionResult> OnPostDeleteMeasurementAsync(int id, int measurement, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.DeleteMeasurementAsync(id, measurement, ct), l["Measurement.DeletedMessage"], ct);

    public string PageLink(int page) => $"/benefits/{Benefit.Benefit.Id}?p={page}#measurements-heading";

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var benefit = await queries.GetAsync(id, ct, P);
        Benefit = benefit!;
        Chart = benefit is not null && await queries.ChartSeriesAsync(benefit.Benefit, ct) is { } series ? BenefitChart.From(benefit.Benefit, series) : null;
        Measure.Date ??= queries.Today;
        return benefit is not null;
    }
}
