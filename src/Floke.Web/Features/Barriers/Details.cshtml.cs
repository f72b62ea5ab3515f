using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Barriers;

/// <summary>One barrier with its steps; the responsible body's members answer it here.</summary>
public sealed class DetailsModel(BarrierQueries queries, BarrierCommands commands, IStringLocalizer<SharedResource> l) : ActionPage
{
    public sealed class StepForm
    {
        public BarrierStatus? Status { get; set; }
        public BarrierResolution? Resolution { get; set; }
        public string? Note { get; set; }
        public DateOnly? Date { get; set; }
    }

    public BarrierView Barrier { get; private set; } = null!;
    [BindProperty] public StepForm Step { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.AddStepAsync(id, new StepInput(Step.Status, Step.Resolution, Step.Note, Step.Date), ct),
            l["Barrier.StepSaved"], ct, "Step.");

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var barrier = await queries.GetAsync(id, ct);
        Barrier = barrier!;
        return barrier is not null;
    }
}
