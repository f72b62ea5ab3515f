namespace Floke.Web.Features.Adoptions;

/// <summary>The adoption form's fields as a browser posts them.</summary>
public sealed class AdoptionForm
{
    public AdoptionStatus? Status { get; set; } = AdoptionStatus.Considering;
    public string? AbandonReason { get; set; }
    public string? Adaptations { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    public AdoptionInput ToInput() => new(Status, AbandonReason, Adaptations, ContactName, ContactEmail);

    public static AdoptionForm From(AdoptionView v) => new()
    {
        Status = v.Adoption.Status, AbandonReason = v.AbandonReason, Adaptations = v.Adaptations, ContactName = v.ContactName, ContactEmail = v.ContactEmail,
    };
}

/// <summary>A page that shows the adoption form, so one partial renders the fields.</summary>
public interface IAdoptionFormPage
{
    AdoptionForm Input { get; }
}
