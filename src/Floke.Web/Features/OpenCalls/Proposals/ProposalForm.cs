namespace Floke.Web.Features.OpenCalls.Proposals;

/// <summary>The proposal form's fields as a browser posts them.</summary>
public sealed class ProposalForm
{
    public string? Title { get; set; }
    public string? Solution { get; set; }
    public decimal? PriceNok { get; set; }

    public ProposalInput ToInput() => new(Title, Solution, PriceNok);

    public static ProposalForm From(ProposalView p) => new() { Title = p.Title, Solution = p.Solution, PriceNok = p.PriceNok };
}

/// <summary>A page that shows the proposal form (create and edit).</summary>
public interface IProposalFormPage
{
    ProposalForm Input { get; }
}
