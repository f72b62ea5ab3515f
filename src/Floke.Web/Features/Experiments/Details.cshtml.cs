using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Experiments;

/// <summary>One experiment: hypothesis, legal basis, metrics against baseline and target, and its conclusion.</summary>
public sealed class DetailsModel(ExperimentQueries queries, ExperimentCommands commands, IStringLocalizer<SharedResource> l) : ActionPage
{
    public ExperimentView Experiment { get; private set; } = null!;

    public async Task<IActionResult> OnPostStartAsync(int id, int version, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.SetStatusAsync(id, version, new StatusInput(ExperimentStatus.Running, null, null, null), ct),
            l["Experiment.StartedMessage"], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var experiment = await queries.GetAsync(id, ct);
        Experiment = experiment!;
        return experiment is not null;
    }
}
