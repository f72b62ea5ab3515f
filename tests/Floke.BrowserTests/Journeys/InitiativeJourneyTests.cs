using Floke.BrowserTests.TestSupport;
using Floke.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Floke.BrowserTests.Journeys;

/// <summary>A member starts an initiative for a need, publishes it, a partner organisation's leader accepts taking part,
/// the owner's leader decides a gate and later stops it with lessons, which then appear on the public lessons page —
/// by role-based locators, with an axe scan of every page on the way.</summary>
[Collection("browser")]
public class InitiativeJourneyTests(Browser browser)
{
    [Theory]
    [InlineData("nb")]
    [InlineData("en")]
    public async Task StartPartnerDecideStop_LessonsArePublic(string language)
    {
        var t = new Texts(language);
        var token = Guid.NewGuid().ToString("N")[..8];
        var owner = await browser.SignUpWithOrganizationAsync(t, language, $"Eierkommune {token}");
        var partnerNumber = TestData.OrganizationNumber();
        var partner = await browser.SignUpWithOrganizationAsync(t, language, $"Forskningsinstitutt {token}", partnerNumber);

        // The owner starts an initiative.
        await owner.GotoAsync("/initiatives");
        await Browser.AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = t["Initiatives.New"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(owner);
        var title = $"Sensorer mot fall {token}";
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Title"], Exact = true }).FillAsync(title);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Summary"], Exact = true }).FillAsync("Vi prøver sensorer hos 30 hjemmeboende.");
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = t["Measures.Experiments"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = t["InnovationTypes.Technology"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.StartDate"], Exact = true }).FillAsync("2026-03-01");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.EndDate"], Exact = true }).FillAsync("2026-02-01");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.SaveDraft"] }).ClickAsync();
        await Expect(owner.GetByText(t["Initiative.EndBeforeStart"]).First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.EndDate"], Exact = true }).FillAsync("2027-02-01");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.SaveDraft"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Browser.AssertAccessibleAsync(owner);
        var url = new Uri(owner.Url).AbsolutePath;

        // Invite the partner organisation; its leader (its administrator) accepts.
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Partner.InviteLabel"] }).FillAsync(partnerNumber);
        await owner.GetByRole(AriaRole.Combobox, new() { Name = t["Initiative.Partner.Role"] }).SelectOptionAsync("ResearchPartner");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Initiative.Partner.Invite"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Need.Owner.InvitedMessage"]);
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.Publish"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Initiative.Visibility.Changed.Published"]);

        await partner.GotoAsync(url);
        await Browser.AssertAccessibleAsync(partner);
        await partner.GetByRole(AriaRole.Button, new() { Name = t["Initiative.Partner.Accept"] }).ClickAsync();
        await Expect(partner.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Initiative.Partner.AcceptedMessage"]);
        await Browser.AssertAccessibleAsync(partner);

        // The owner's leader decides: go on to Explore.
        await owner.GotoAsync(url);
        await owner.GetByRole(AriaRole.Link, new() { Name = t["Gate.Decide"] }).First.ClickAsync();
        await Browser.AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Radio, new() { Name = string.Format(t["Gate.GoTo"], t["InitiativeStage.Explore"]) }).CheckAsync();
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Gate.Rationale"], Exact = true }).FillAsync("Behovet er dokumentert hos tre kommuner.");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Gate.Save"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.List, new() { Name = t["Initiative.Stage"] })).ToContainTextAsync(t["InitiativeStage.Explore"]);
        await Expect(owner.GetByText("Behovet er dokumentert hos tre kommuner.")).ToBeVisibleAsync();

        // An experiment runs to a conclusion; "make permanent" asks the leaders for the next gate.
        await owner.GetByRole(AriaRole.Link, new() { Name = t["Experiment.CreateTitle"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Experiment.Title"], Exact = true }).FillAsync($"Sensor hos 30 brukere {token}");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Experiment.Hypothesis"], Exact = true }).FillAsync("Vi tror at sensorer gir raskere hjelp, målt ved minutter til hjelp.");
        var metric = owner.GetByRole(AriaRole.Group, new() { Name = string.Format(t["Metric.Legend"], 1) });
        await metric.GetByRole(AriaRole.Textbox, new() { Name = t["Metric.Name"], Exact = true }).FillAsync("Tid til hjelp");
        await metric.GetByRole(AriaRole.Textbox, new() { Name = t["Metric.Unit"], Exact = true }).FillAsync("minutter");
        await metric.GetByRole(AriaRole.Textbox, new() { Name = t["Metric.Baseline"], Exact = true }).FillAsync("240");
        await metric.GetByRole(AriaRole.Textbox, new() { Name = t["Metric.Target"], Exact = true }).FillAsync("30");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Experiment.Save"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Sensor hos 30 brukere {token}");
        await Browser.AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Experiment.Start"] }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = t["Experiment.EditResults"] }).ClickAsync();
        await owner.GetByRole(AriaRole.Group, new() { Name = string.Format(t["Metric.Legend"], 1) })
            .GetByRole(AriaRole.Textbox, new() { Name = t["Metric.Result"], Exact = true }).FillAsync("22,5");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Form.Save"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Table)).ToContainTextAsync("22,5");
        await owner.GetByRole(AriaRole.Link, new() { Name = t["Experiment.Conclude"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Radio, new() { Name = t["ExperimentOutcome.Confirmed"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Experiment.Evidence"], Exact = true }).FillAsync("Målt over seks måneder hos 30 brukere.");
        await owner.GetByRole(AriaRole.Radio, new() { Name = t["ExperimentDecision.MakePermanent"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Experiment.Conclude"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.List, new() { Name = t["Experiment.Status"] })).ToContainTextAsync(t["ExperimentStatus.Concluded"]);
        await Browser.AssertAccessibleAsync(owner);
        await owner.GotoAsync(url);
        await Expect(owner.GetByText(string.Format(t["Experiment.MakePermanent.GateNote"], $"Sensor hos 30 brukere {token}"), new() { Exact = false })).ToBeVisibleAsync();

        // A rule blocks the work: the owner reports it, the responsible body (here the partner) responds, and it shows on the register.
        await owner.GetByRole(AriaRole.Link, new() { Name = t["Barrier.ReportTitle"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(owner);
        var rule = $"helsepersonelloven {token}";
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Barrier.Rule"], Exact = true }).FillAsync(rule);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Barrier.Section"], Exact = true }).FillAsync("§ 21");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Barrier.Description"], Exact = true }).FillAsync("Taushetsplikten hindrer at sensordata deles med fastlegen.");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Barrier.ResponsibleNumber"], Exact = true }).FillAsync(partnerNumber);
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Barrier.Report"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{rule} § 21");
        await Browser.AssertAccessibleAsync(owner);
        var barrierUrl = new Uri(owner.Url).AbsolutePath;
        await partner.GotoAsync(barrierUrl);
        await partner.GetByRole(AriaRole.Combobox, new() { Name = t["Barrier.Status"], Exact = true }).SelectOptionAsync("UnderReview");
        await partner.GetByRole(AriaRole.Textbox, new() { Name = t["Barrier.Note"], Exact = true }).FillAsync("Vi vurderer en avklaring.");
        await partner.GetByRole(AriaRole.Button, new() { Name = t["Barrier.SaveStep"] }).ClickAsync();
        await Expect(partner.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Barrier.StepSaved"]);
        await Browser.AssertAccessibleAsync(partner);
        await partner.GotoAsync("/barriers");
        await Expect(partner.GetByRole(AriaRole.Table).First).ToContainTextAsync(rule);
        await Browser.AssertAccessibleAsync(partner);
        await owner.GotoAsync(url);

        // Later it is stopped, and what was learnt is kept.
        await owner.GetByRole(AriaRole.Link, new() { Name = t["Gate.Decide"] }).First.ClickAsync();
        await owner.GetByRole(AriaRole.Radio, new() { Name = t["Gate.StopHere"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Gate.Rationale"], Exact = true }).FillAsync("Sensorene ga for mange falske alarmer.");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Gate.Save"] }).ClickAsync();
        await Expect(owner.GetByText(t["Gate.Lessons.Required"]).First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Gate.StopReason"], Exact = true }).FillAsync("For mange falske alarmer");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Lesson.WhatDidNotWork"], Exact = true }).FillAsync($"Bevegelsessensorer alene skiller ikke fall fra å sette seg {token}");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Gate.Save"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.List, new() { Name = t["Initiative.Stage"] })).ToContainTextAsync(t["InitiativeStage.Stopped"]);
        await Browser.AssertAccessibleAsync(owner);

        // Anyone finds the lesson among those from stopped initiatives.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/lessons");
        await Browser.ChooseLanguageAsync(visitor, language);
        await visitor.GetByRole(AriaRole.Checkbox, new() { Name = t["Lessons.StoppedOnly"] }).CheckAsync();
        await visitor.GetByRole(AriaRole.Searchbox, new() { Name = t["Filter.Text"] }).FillAsync(token);
        await visitor.GetByRole(AriaRole.Button, new() { Name = t["Filter.Apply"] }).ClickAsync();
        await Expect(visitor.GetByText($"Bevegelsessensorer alene skiller ikke fall fra å sette seg {token}")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await visitor.GetByRole(AriaRole.Link, new() { Name = t["History.Link"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(visitor);

        foreach (var page in new[] { owner, partner, visitor })
        {
            await page.Context.CloseAsync();
        }
    }
}
