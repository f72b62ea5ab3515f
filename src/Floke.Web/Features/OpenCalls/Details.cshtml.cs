using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.OpenCalls;

/// <summary>One open call: what is asked and how answers are judged; the owner's leaders publish, cancel and appoint the
/// jury here; organisations answer from here.</summary>
public sealed class DetailsModel(OpenCallQueries queries, OpenCallCommands commands, IStringLocalizer<SharedResource> l) : ActionPage
{
    public OpenCallView Call { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.PublishAsync(id, ct), l["OpenCall.PublishedMessage"], ct);

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.CancelAsync(id, Reason, ct), l["OpenCall.CancelledMessage"], ct);

    public async Task<IActionResult> OnPostAddJuryAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.AddJuryMemberAsync(id, Email, ct), l["OpenCall.Jury.AddedMessage"], ct);

    public async Task<IActionResult> OnPostRemoveJuryAsync(int id, string userId, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.RemoveJuryMemberAsync(id, userId, ct), l["OpenCall.Jury.RemovedMessage"], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var call = await queries.GetAsync(id, ct);
        Call = call!;
        return call is not null;
    }
}
