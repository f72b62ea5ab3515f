using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Floke.Web.Features.Experiments;

/// <summary>Edits an experiment; once it runs, the metrics' results are entered here too.</summary>
[Authorize]
public sealed class EditModel(ExperimentCommands commands, ExperimentQueries queries) : EditPage, IExperimentFormPage
{
    public int Id { get; private set; }
    [BindProperty] public ExperimentForm Input { get; set; } = new();
    public bool ShowResults { get; private set; }

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
        (Id, Version, ShowResults) = (id, experiment.Version, experiment.Status != ExperimentStatus.Planned);
        Input = ExperimentForm.From(experiment).WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        var experiment = await queries.GetAsync(id, ct);
        ShowResults = experiment is { Status: not ExperimentStatus.Planned };
        var result = ModelState.IsValid ? await commands.UpdateAsync(id, Version, Input.ToInput(), ct) : null;
        var response = result is null ? Page() : await AfterSaveAsync(result, $"/experiments/{id}", async () => (await queries.GetAsync(id, ct))?.Version);
        Input.WithSpareRows();
        return response;
    }
}
