using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Floke.Web.Features.Initiatives;

/// <summary>A leader of the owner decides at the gate: go to the next stage, hold, or stop with reason and lessons.</summary>
[Authorize]
public sealed class GateModel(InitiativeCommands commands, InitiativeQueries queries) : EditPage
{
    public sealed class Form
    {
        public GateOutcome? Outcome { get; set; }
        public string? Rationale { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public string? StopReason { get; set; }
        public string? WhatWorked { get; set; }
        public string? WhatDidNotWork { get; set; }
        public string? DoDifferently { get; set; }
    }

    public InitiativeView Initiative { get; private set; } = null!;
    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var initiative = await queries.GetAsync(id, ct);
        if (initiative is null)
        {
            return NotFound();
        }
        if (!initiative.CanDecide)
        {
            return this.Deny();
        }
        Initiative = initiative;
        Version = initiative.Version;
        Input.DecidedOn = Infrastructure.Formatting.Day(DateTimeOffset.UtcNow);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var initiative = await queries.GetAsync(id, ct);
        if (initiative is null)
        {
            return NotFound();
        }
        Initiative = initiative;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = new GateInput(Input.Outcome, Input.Rationale, Input.DecidedOn, Input.StopReason, Input.WhatWorked, Input.WhatDidNotWork, Input.DoDifferently);
        var result = await commands.DecideGateAsync(id, Version, input, ct);
        return await AfterSaveAsync(result, $"/initiatives/{id}", async () => (await queries.GetAsync(id, ct))?.Version);
    }
}
