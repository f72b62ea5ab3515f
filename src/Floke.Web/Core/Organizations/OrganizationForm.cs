namespace Floke.Web.Core.Organizations;

/// <summary>The organisation form's fields as a browser posts them.</summary>
public sealed class OrganizationForm
{
    public string? Name { get; set; }
    public string? OrganizationNumber { get; set; }
    public OrganizationKind? Kind { get; set; }
    public string? MunicipalityNumber { get; set; }
    public string? CountyNumber { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }

    public OrganizationInput ToInput() => new(Name, OrganizationNumber, Kind, MunicipalityNumber, CountyNumber, Description, Website);

    public static OrganizationForm From(OrganizationView o) => new()
    {
        Name = o.Name, OrganizationNumber = o.OrganizationNumber, Kind = o.Kind, MunicipalityNumber = o.MunicipalityNumber,
        CountyNumber = o.CountyNumber, Description = o.Description, Website = o.Website,
    };
}

/// <summary>A page that shows the organisation form, so that one partial renders the fields for create and edit.</summary>
public interface IOrganizationFormPage
{
    OrganizationForm Input { get; }
}
