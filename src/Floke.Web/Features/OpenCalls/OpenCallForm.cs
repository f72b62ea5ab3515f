namespace Floke.Web.Features.OpenCalls;

/// <summary>The call form's fields as a browser posts them, with a fixed number of criterion rows (unused rows left blank).</summary>
public sealed class OpenCallForm
{
    public string? Title { get; set; }
    public string? Challenge { get; set; }
    public string? Requirements { get; set; }
    public decimal? BudgetNok { get; set; }
    public DateOnly? Deadline { get; set; }
    public int? NeedId { get; set; }
    public List<CriterionInputRow> Criteria { get; set; } = [];

    public OpenCallInput ToInput() => new(Title, Challenge, Requirements, BudgetNok, Deadline, NeedId,
        [.. Criteria.Select(c => new CriterionInput(c.Name, c.Description, c.Weight))]);

    /// <summary>Fills up to the rows the form shows, so there is always room for more criteria.</summary>
    public OpenCallForm WithRows()
    {
        while (Criteria.Count < Math.Max(OpenCallRules.CriterionRows, Criteria.Count(c => c.Name is not null) + 2) && Criteria.Count < OpenCallRules.MaxCriteria)
        {
            Criteria.Add(new CriterionInputRow());
        }
        return this;
    }

    public static OpenCallForm From(OpenCallView c) => new OpenCallForm
    {
        Title = c.Title,
        Challenge = c.Challenge,
        Requirements = c.Requirements,
        BudgetNok = c.BudgetNok,
        Deadline = OpenCallRules.DeadlineDay(c.Deadline),
        NeedId = c.NeedId,
        Criteria = [.. c.Criteria.Select(x => new CriterionInputRow { Name = x.Name, Description = x.Description, Weight = x.Weight })],
    }.WithRows();
}

public sealed class CriterionInputRow
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int? Weight { get; set; }
}

/// <summary>A page that shows the call form (create and edit), so that one partial renders the fields for both.</summary>
public interface IOpenCallFormPage
{
    OpenCallForm Input { get; }
    /// <summary>The title of the need the call answers, shown beside its hidden id.</summary>
    string? NeedTitle { get; }
    /// <summary>False once published: the criteria and budget are then shown but not editable.</summary>
    bool CriteriaEditable { get; }
}
