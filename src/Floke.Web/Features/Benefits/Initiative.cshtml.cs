using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>An initiative's benefits: the benefit map (needs → initiative → benefits → who gains), the benefits with their
/// status, and what each organisation invested — recorded here by the owner's and partners' members.</summary>
public sealed class InitiativeModel(BenefitQueries queries, InvestmentCommands investments, OrganizationQueries organizations,
    IStringLocalizer<SharedResource> l) : ActionPage
{
    public sealed class InvestmentForm
    {
        public string? OrganizationNumber { get; set; }
        public int? Year { get; set; }
        public decimal? AmountNok { get; set; }
        public decimal? PersonHours { get; set; }
        public string? Note { get; set; }
    }

    public BenefitMap Map { get; private set; } = null!;
    [BindProperty] public InvestmentForm Invest { get; set; } = new();

    public async Task<IActionResult> OnPostInvestAsync(int id, CancellationToken ct)
    {
        var organization = await organizations.IdByNumberAsync(Invest.OrganizationNumber, ct);
        var result = organization is null
            ? Result<int>.Invalid(nameof(InvestmentInput.OrganizationId), l["Need.Owner.UnknownOrganization"])
            : await investments.CreateAsync(id, new InvestmentInput(organization, Invest.Year, Invest.AmountNok, Invest.PersonHours, Invest.Note), ct);
        return await AfterActionAsync(id, result, l["Investment.AddedMessage"], ct, "Invest.",
            rename: (nameof(InvestmentInput.OrganizationId), "Invest.OrganizationNumber"));
    }

    public async Task<IActionResult> OnPostDeleteInvestmentAsync(int id, int investment, int version, CancellationToken ct) =>
        await AfterActionAsync(id, await investments.DeleteAsync(investment, version, ct), l["Investment.DeletedMessage"], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var map = await queries.MapAsync(id, ct);
        Map = map!;
        Invest.Year ??= queries.Today.Year;
        return map is not null;
    }
}
