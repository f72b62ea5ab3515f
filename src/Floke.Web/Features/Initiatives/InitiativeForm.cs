using Floke.Web.Infrastructure.Api;

namespace Floke.Web.Features.Initiatives;

/// <summary>The initiative form's fields as a browser posts them: flag sets and needs as lists of checked values.</summary>
public sealed class InitiativeForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public List<Measures> Measures { get; set; } = [];
    public List<InnovationTypes> InnovationTypes { get; set; } = [];
    public OecdFacet? OecdFacet { get; set; }
    public Novelty? Novelty { get; set; } = Initiatives.Novelty.NewToUs;
    public int? InspiredByInitiativeId { get; set; }
    public decimal? BudgetNok { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public List<int> NeedIds { get; set; } = [];

    public InitiativeInput ToInput() => new(Title, Summary, Flags.Combine(Measures), Flags.Combine(InnovationTypes), OecdFacet, Novelty,
        InspiredByInitiativeId, BudgetNok, StartDate, EndDate, ContactName, ContactEmail, NeedIds);

    public static InitiativeForm From(InitiativeView i) => new()
    {
        Title = i.Title, Summary = i.Summary, Measures = [.. Flags.Split(i.Measures)], InnovationTypes = [.. Flags.Split(i.InnovationTypes)],
        OecdFacet = i.OecdFacet, Novelty = i.Novelty, InspiredByInitiativeId = i.InspiredByInitiativeId, BudgetNok = i.BudgetNok,
        StartDate = i.StartDate, EndDate = i.EndDate, ContactName = i.ContactName, ContactEmail = i.ContactEmail,
        NeedIds = [.. i.Needs.Select(n => n.Id)],
    };
}

/// <summary>A page that shows the initiative form (create and edit), so one partial renders the fields for both.</summary>
public interface IInitiativeFormPage
{
    InitiativeForm Input { get; }
    /// <summary>Needs the writer may link: their organisations' needs and those already linked.</summary>
    IReadOnlyList<ServedNeed> NeedChoices { get; }
}
