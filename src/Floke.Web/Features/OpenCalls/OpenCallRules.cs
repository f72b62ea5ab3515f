using Floke.Web.Infrastructure;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.OpenCalls;

/// <summary>What a public body writes about an open call, on the page and in the API alike. Blank criterion rows (an
/// empty row of the form) are dropped before validation.</summary>
public sealed record OpenCallInput(
    string? Title,
    string? Challenge,
    string? Requirements,
    decimal? BudgetNok,
    DateOnly? Deadline,
    int? NeedId,
    IReadOnlyList<CriterionInput> Criteria);

public sealed record CriterionInput(string? Name, string? Description, int? Weight);

/// <summary>What an organisation writes in a proposal.</summary>
public sealed record ProposalInput(string? Title, string? Solution, decimal? PriceNok);

/// <summary>A jury member's scores of one proposal, one per criterion.</summary>
public sealed record ScoreInput(int CriterionId, int? Score, string? Comment);

/// <summary>Where a published call is in its life, as readers see it.</summary>
public enum OpenCallPhase
{
    Draft = 1,
    Open = 2,
    Evaluating = 3,
    Awarded = 4,
    Cancelled = 5,
}

public static class OpenCallRules
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 2000;
    public const int CriterionNameMaxLength = 200;
    public const int CriterionDescriptionMaxLength = 1000;
    public const int CommentMaxLength = 1000;
    public const int MaxCriteria = 10;
    /// <summary>Rows the call form offers for criteria (it works without JavaScript, so the rows are there from the start).</summary>
    public const int CriterionRows = 6;
    public const int MaxScore = 10;
    public const decimal MaxAmount = 1_000_000_000_000m;
    /// <summary>The audit trail of a call's scoring, read only by those who evaluate it.</summary>
    public const string EvaluationAuditType = "OpenCallEvaluation";

    /// <summary>Proposals close at 12:00 Norwegian time on the deadline day, as is usual in Norwegian procurement.</summary>
    public static DateTimeOffset DeadlineOn(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(local, Formatting.Oslo.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly DeadlineDay(DateTimeOffset deadline) => Formatting.Day(deadline);

    public static OpenCallPhase Phase(OpenCallStatus status, DateTimeOffset deadline, DateTimeOffset now) => status switch
    {
        OpenCallStatus.Draft => OpenCallPhase.Draft,
        OpenCallStatus.Published => now < deadline ? OpenCallPhase.Open : OpenCallPhase.Evaluating,
        OpenCallStatus.Awarded => OpenCallPhase.Awarded,
        _ => OpenCallPhase.Cancelled,
    };

    /// <summary>The criterion rows someone filled in (an all-blank row is an unused row of the form).</summary>
    public static IReadOnlyList<CriterionInput> Filled(IEnumerable<CriterionInput>? criteria) => criteria?
        .Select(c => c with { Name = Validation.Clean(c.Name), Description = Validation.Clean(c.Description) })
        .Where(c => c.Name is not null || c.Description is not null || c.Weight is not null)
        .ToList() ?? [];

    /// <summary>A proposal's weighted score out of 100: each criterion's mean jury score (0–10) times its weight, summed and
    /// divided by 10. Null until every criterion has been scored by at least one jury member.</summary>
    public static decimal? WeightedScore(IEnumerable<(int CriterionId, int Weight)> criteria, IEnumerable<(int CriterionId, int Score)> scores)
    {
        var byCriterion = scores.GroupBy(s => s.CriterionId).ToDictionary(g => g.Key, g => (decimal)g.Average(s => s.Score));
        decimal total = 0;
        foreach (var (id, weight) in criteria)
        {
            if (!byCriterion.TryGetValue(id, out var mean))
            {
                return null;
            }
            total += weight * mean / MaxScore;
        }
        return decimal.Round(total, 1, MidpointRounding.AwayFromZero);
    }
}

public sealed class OpenCallInputValidator : AbstractValidator<OpenCallInput>
{
    public OpenCallInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().MinimumLength(5).MaximumLength(OpenCallRules.TitleMaxLength).WithName(_ => l["OpenCall.Title"]);
        RuleFor(x => x.Challenge).NotEmpty().MaximumLength(OpenCallRules.TextMaxLength).WithName(_ => l["OpenCall.Challenge"]);
        RuleFor(x => x.Requirements).MaximumLength(OpenCallRules.TextMaxLength).WithName(_ => l["OpenCall.Requirements"]);
        RuleFor(x => x.BudgetNok).GreaterThanOrEqualTo(0).LessThan(OpenCallRules.MaxAmount).WithName(_ => l["OpenCall.Budget"]);
        RuleFor(x => x.Deadline).NotNull().WithName(_ => l["OpenCall.Deadline"]);
        RuleFor(x => x.Criteria)
            .Must(c => c.Count > 0).WithMessage(_ => l["OpenCall.Criteria.Required"])
            .Must(c => c.Count <= OpenCallRules.MaxCriteria).WithMessage(_ => l["OpenCall.Criteria.TooMany", OpenCallRules.MaxCriteria])
            .Must(c => c.Sum(x => x.Weight ?? 0) == 100).When(c => c.Criteria.Count > 0 && c.Criteria.All(x => x.Weight is >= 1 and <= 100))
            .WithMessage(x => l["OpenCall.Criteria.WeightSum", x.Criteria.Sum(c => c.Weight ?? 0)])
            .Must(c => c.Select(x => x.Name?.ToLowerInvariant()).Distinct().Count() == c.Count).WithMessage(_ => l["OpenCall.Criteria.Duplicate"]);
        RuleForEach(x => x.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().MinimumLength(2).MaximumLength(OpenCallRules.CriterionNameMaxLength).WithName(_ => l["OpenCall.Criterion.Name"]);
            c.RuleFor(x => x.Description).MaximumLength(OpenCallRules.CriterionDescriptionMaxLength).WithName(_ => l["OpenCall.Criterion.Description"]);
            c.RuleFor(x => x.Weight).NotNull().InclusiveBetween(1, 100).WithName(_ => l["OpenCall.Criterion.Weight"]);
        });
    }
}

public sealed class ProposalInputValidator : AbstractValidator<ProposalInput>
{
    public ProposalInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().MinimumLength(5).MaximumLength(OpenCallRules.TitleMaxLength).WithName(_ => l["Proposal.Title"]);
        RuleFor(x => x.Solution).NotEmpty().MaximumLength(OpenCallRules.TextMaxLength).WithName(_ => l["Proposal.Solution"]);
        RuleFor(x => x.PriceNok).GreaterThanOrEqualTo(0).LessThan(OpenCallRules.MaxAmount).WithName(_ => l["Proposal.Price"]);
    }
}
