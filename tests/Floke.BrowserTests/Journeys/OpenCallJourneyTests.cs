using Floke.BrowserTests.TestSupport;
using Floke.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Floke.BrowserTests.Journeys;

/// <summary>A state agency asks the market for a solution and a research institution answers: the call is written (weights
/// that do not add up refused first, input kept), published with a jury; the proposal is written and submitted; after the
/// deadline the jury scores it and the leader awards it; the award is public. axe on every page, in Norwegian and English.</summary>
[Collection("browser")]
public class OpenCallJourneyTests(Browser browser)
{
    [Theory]
    [InlineData("nb")]
    [InlineData("en")]
    public async Task IssueACall_AnswerIt_ScoreAndAward(string language)
    {
        var t = new Texts(language);
        var token = Guid.NewGuid().ToString("N")[..8];
        var leaderEmail = TestData.Email("leader");
        var leader = await browser.SignUpWithOrganizationAsync(t, language, $"Utlysningsdirektoratet {token}", kind: "StateAgency", email: leaderEmail);
        await leader.GetByRole(AriaRole.Navigation, new() { Name = t["Layout.MainNav"] }).GetByRole(AriaRole.Link, new() { Name = t["Nav.OpenCalls"], Exact = true }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["OpenCalls.Title"]);
        await Browser.AssertAccessibleAsync(leader);
        await leader.GetByRole(AriaRole.Link, new() { Name = t["OpenCalls.New"] }).ClickAsync();

        var title = $"Varsling av fall {token}";
        await leader.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Title"], Exact = true }).FillAsync(title);
        await leader.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Challenge"], Exact = true }).FillAsync("Eldre som faller hjemme, blir liggende lenge.");
        await leader.GetByLabel(t["OpenCall.Deadline"]).FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"));
        var first = leader.GetByRole(AriaRole.Group, new() { Name = string.Format(t["OpenCall.Criterion.Number"], 1), Exact = true });
        await first.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Criterion.Name"], Exact = true }).FillAsync("Effekt");
        await first.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Criterion.Weight"], Exact = true }).FillAsync("60");
        var second = leader.GetByRole(AriaRole.Group, new() { Name = string.Format(t["OpenCall.Criterion.Number"], 2), Exact = true });
        await second.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Criterion.Name"], Exact = true }).FillAsync("Pris");
        await second.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Criterion.Weight"], Exact = true }).FillAsync("30");
        await leader.GetByRole(AriaRole.Button, new() { Name = t["OpenCall.SaveDraft"] }).ClickAsync();
        // 60 + 30 is refused, naming the sum; nothing typed is lost.
        await Expect(leader.Locator(".ds-error-summary")).ToContainTextAsync(string.Format(t["OpenCall.Criteria.WeightSum"], 90));
        await Expect(leader.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Challenge"], Exact = true })).ToHaveValueAsync("Eldre som faller hjemme, blir liggende lenge.");
        await Browser.AssertAccessibleAsync(leader);
        await second.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Criterion.Weight"], Exact = true }).FillAsync("40");
        await leader.GetByRole(AriaRole.Button, new() { Name = t["OpenCall.SaveDraft"] }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var callUrl = leader.Url;

        await leader.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Jury.Email"], Exact = true }).FillAsync(leaderEmail);
        await leader.GetByRole(AriaRole.Button, new() { Name = t["OpenCall.Jury.Add"] }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync(t["OpenCall.Jury.AddedMessage"]);
        await leader.GetByRole(AriaRole.Button, new() { Name = t["OpenCall.Publish"] }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync(t["OpenCall.PublishedMessage"]);
        await Browser.AssertAccessibleAsync(leader);
        await leader.GotoAsync(callUrl + "/edit");
        await Browser.AssertAccessibleAsync(leader);

        // A research institution finds the open call and answers it.
        var founder = await browser.SignUpWithOrganizationAsync(t, language, $"Fallforskning {token}");
        await founder.GotoAsync("/calls?phase=Open");
        await founder.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Browser.AssertAccessibleAsync(founder);
        await founder.GetByRole(AriaRole.Link, new() { Name = t["OpenCall.Answer"] }).ClickAsync();
        await founder.GetByRole(AriaRole.Textbox, new() { Name = t["Proposal.Title"], Exact = true }).FillAsync($"Radar i taket {token}");
        await founder.GetByRole(AriaRole.Textbox, new() { Name = t["Proposal.Solution"], Exact = true }).FillAsync("En radar ser fall uten kamera.");
        await Browser.AssertAccessibleAsync(founder);
        await founder.GetByRole(AriaRole.Button, new() { Name = t["Proposal.SaveDraft"] }).ClickAsync();
        await founder.GetByRole(AriaRole.Button, new() { Name = t["Proposal.Submit"], Exact = true }).ClickAsync();
        await Expect(founder.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Proposal.SubmittedMessage"]);
        await Browser.AssertAccessibleAsync(founder);
        await founder.Context.CloseAsync();

        // The deadline passes; the leader, on the jury, scores and awards.
        var callId = int.Parse(callUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using (var scope = browser.App.Scope())
        {
            var past = DateTimeOffset.UtcNow.AddMinutes(-1);
            await browser.App.Db(scope).OpenCalls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, past));
        }
        await leader.GotoAsync(callUrl);
        await leader.GetByRole(AriaRole.Link, new() { Name = t["OpenCall.EvaluationLink"] }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = $"Radar i taket {token}" }).ClickAsync();
        await leader.GetByRole(AriaRole.Group, new() { Name = "Effekt (60 %)" }).GetByRole(AriaRole.Combobox, new() { Name = t["Proposal.Score.Value"] }).SelectOptionAsync("8");
        await leader.GetByRole(AriaRole.Group, new() { Name = "Pris (40 %)" }).GetByRole(AriaRole.Combobox, new() { Name = t["Proposal.Score.Value"] }).SelectOptionAsync("5");
        await Browser.AssertAccessibleAsync(leader);
        await leader.GetByRole(AriaRole.Button, new() { Name = t["Proposal.Score.Save"] }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Proposal.ScoredMessage"]);
        await leader.GotoAsync(callUrl + "/evaluation");
        // 0.6·8 + 0.4·5 = 6.8 → 68 of 100.
        await Expect(leader.GetByRole(AriaRole.Table)).ToContainTextAsync("68");
        await Browser.AssertAccessibleAsync(leader);
        await leader.GetByRole(AriaRole.Combobox, new() { Name = t["OpenCall.Award.Proposal"] }).SelectOptionAsync(new SelectOptionValue { Label = $"Radar i taket {token} (Fallforskning {token})" });
        await leader.GetByRole(AriaRole.Textbox, new() { Name = t["OpenCall.Award.Rationale"], Exact = true }).FillAsync("Best på effekt.");
        await leader.GetByRole(AriaRole.Button, new() { Name = t["OpenCall.Award.Submit"] }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync(t["OpenCall.AwardedMessage"]);
        await leader.Context.CloseAsync();

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(callUrl);
        await Browser.ChooseLanguageAsync(visitor, language);
        await Expect(visitor.GetByRole(AriaRole.Region, new() { Name = t["OpenCall.Award"], Exact = true })).ToContainTextAsync("Best på effekt.");
        await Browser.AssertAccessibleAsync(visitor);
        await visitor.Context.CloseAsync();
    }
}
