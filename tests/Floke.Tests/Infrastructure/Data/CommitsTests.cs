using System.Net.Http.Json;
using Floke.Tests.Features.Benefits;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Infrastructure.Data;

/// <summary>A write whose client leaves once its changes are written is committed whole: not abandoned at the last step
/// (which EF Core logs as an error), and not half-saved.</summary>
[Collection("app")]
public class CommitsTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task AClientLeavingAtTheCommit_StillHasItsMeasurementRecorded_AndTheBenefitFollowing(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await BenefitsApiTests.InitiativeAsync(app);
        var benefit = (await BenefitsApiTests.CreateAsync(owner, BenefitsApiTests.Saving(initiative, null, group: "Citizens")))
            .GetProperty("benefit").GetProperty("id").GetInt32();

        using var leaving = new CancellationTokenSource();
        app.Commits.BeforeCommit = leaving.Cancel; // the client gives up just as the request commits
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => owner.Http.PostAsJsonAsync(
                $"/api/v1/benefits/{benefit}/measurements", new { date = "2026-01-01", value = 250_000m, source = "Regnskap" }, leaving.Token));
        }
        finally
        {
            app.Commits.BeforeCommit = null;
        }

        // The request goes on after the client has left: wait for it (a cancelled commit would never show the row).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var view = await (await owner.Http.GetAsync($"/api/v1/benefits/{benefit}")).ReadJsonAsync();
        while (view.GetProperty("measurements").GetProperty("total").GetInt32() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            view = await (await owner.Http.GetAsync($"/api/v1/benefits/{benefit}")).ReadJsonAsync();
        }
        Assert.Equal(1, view.GetProperty("measurements").GetProperty("total").GetInt32());
        Assert.Equal(250_000m, view.GetProperty("benefit").GetProperty("latestValue").GetDecimal());
    }
}
