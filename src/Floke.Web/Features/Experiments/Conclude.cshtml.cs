using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Floke.Web.Features.Experiments;

/// <summary>Concludes a running experiment: outcome, evidence and decision. Every metric must have its result first.</summary>
[Authorize]
public sealed class ConcludeModel(ExperimentCommands commands, ExperimentQueries queries) : EditPage
{
    public sealed class Form
    {
        public ExperimentOutcome? Outcome { get; set; }
        public string? Evidence { get; set; }
        public ExperimentDecision? Decision { get; set; }
    }

    public ExperimentView Experiment { get; private set; } = null!;
    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var experiment = await queries.GetAsync(id, ct);
        if (experiment is null)
        {
            return NotFound();
        }
        if (!experiment.CanEdit)
        {
            return this.Deny();
        }
        (Experiment, Version) = (experiment, experiment.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var experiment = await queries.GetAsync(id, ct);
        if (experiment is null)
        {
            return NotFound();
        }
        Experiment = experiment;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.SetStatusAsync(id, Version, new StatusInput(ExperimentStatus.Concluded, Input.Outcome, Input.Evidence, Input.Decision), ct);
        return await AfterSaveAsync(result, $"/experiments/{id}", async () => (await queries.GetAsync(id, ct))?.Version);
    }
}
