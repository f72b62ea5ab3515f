using Floke.Web.Resources;
using Floke.Web.Infrastructure.Api;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Initiatives;

/// <summary>What a person fills in about an initiative, on the page and in the API alike.</summary>
public sealed record InitiativeInput(
    string? Title,
    string? Summary,
    Measures Measures,
    InnovationTypes InnovationTypes,
    OecdFacet? OecdFacet,
    Novelty? Novelty,
    int? InspiredByInitiativeId,
    decimal? BudgetNok,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? ContactName,
    string? ContactEmail,
    IReadOnlyList<int> NeedIds);

/// <summary>A leader's gate decision as submitted. A stop carries its reason and what was learnt.</summary>
public sealed record GateInput(
    GateOutcome? Outcome,
    string? Rationale,
    DateOnly? DecidedOn,
    string? StopReason,
    string? WhatWorked,
    string? WhatDidNotWork,
    string? DoDifferently);

public sealed record LessonInput(string? WhatWorked, string? WhatDidNotWork, string? DoDifferently);

public sealed record MilestoneInput(string? Title, DateOnly? DueDate);

public static class InitiativeRules
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int NoteMaxLength = 1000;
    public const int MaxNeeds = 20;

    /// <summary>The stage a "go" leads to, or null where there is none (Spread is the last; Stopped is final).</summary>
    public static InitiativeStage? NextStage(InitiativeStage stage) => stage switch
    {
        InitiativeStage.Idea => InitiativeStage.Explore,
        InitiativeStage.Explore => InitiativeStage.DevelopAndTest,
        InitiativeStage.DevelopAndTest => InitiativeStage.Implement,
        InitiativeStage.Implement => InitiativeStage.Spread,
        _ => null,
    };
}

public sealed class InitiativeInputValidator : AbstractValidator<InitiativeInput>
{
    public InitiativeInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().MinimumLength(5).MaximumLength(InitiativeRules.TitleMaxLength).WithName(_ => l["Initiative.Title"]);
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(InitiativeRules.TextMaxLength).WithName(_ => l["Initiative.Summary"]);
        RuleFor(x => x.Measures).Must(m => m != Measures.None).WithMessage(_ => l["Initiative.Measures.Required"])
            .Must(m => (m & ~Flags.All<Measures>()) == 0).WithMessage(_ => l["Validation.UnknownValue"]);
        RuleFor(x => x.InnovationTypes).Must(m => (m & ~Flags.All<InnovationTypes>()) == 0).WithMessage(_ => l["Validation.UnknownValue"]);
        RuleFor(x => x.OecdFacet).IsInEnum().WithMessage(_ => l["Validation.UnknownValue"]);
        RuleFor(x => x.Novelty).NotNull().IsInEnum().WithName(_ => l["Initiative.Novelty"]);
        RuleFor(x => x.InspiredByInitiativeId).Null().WithMessage(_ => l["Initiative.InspiredBy.OnlyWhenInspired"])
            .When(x => x.Novelty != Novelty.InspiredByOther);
        RuleFor(x => x.BudgetNok).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m).WithName(_ => l["Initiative.Budget"]);
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).WithMessage(_ => l["Initiative.EndBeforeStart"])
            .When(x => x.StartDate is not null && x.EndDate is not null);
        RuleFor(x => x.ContactName).MaximumLength(200).WithName(_ => l["Initiative.ContactName"]);
        RuleFor(x => x.ContactEmail).MaximumLength(256).EmailAddress().WithName(_ => l["Initiative.ContactEmail"])
            .When(x => !string.IsNullOrWhiteSpace(x.ContactEmail));
        RuleFor(x => x.NeedIds).Must(n => n.Count <= InitiativeRules.MaxNeeds).WithMessage(_ => l["Initiative.Needs.TooMany", InitiativeRules.MaxNeeds]);
    }
}

public sealed class GateInputValidator : AbstractValidator<GateInput>
{
    public GateInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Outcome).NotNull().IsInEnum().WithName(_ => l["Gate.Outcome"]);
        RuleFor(x => x.Rationale).NotEmpty().MaximumLength(InitiativeRules.TextMaxLength).WithName(_ => l["Gate.Rationale"]);
        RuleFor(x => x.DecidedOn)
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage(_ => l["Gate.DecidedOn.Future"]);
        When(x => x.Outcome == GateOutcome.Stop, () =>
        {
            RuleFor(x => x.StopReason).NotEmpty().MaximumLength(InitiativeRules.TextMaxLength).WithName(_ => l["Gate.StopReason"]);
            RuleFor(x => x.WhatDidNotWork).NotEmpty().WithMessage(_ => l["Gate.Lessons.Required"]);
        });
        RuleFor(x => x.WhatWorked).MaximumLength(InitiativeRules.TextMaxLength);
        RuleFor(x => x.WhatDidNotWork).MaximumLength(InitiativeRules.TextMaxLength);
        RuleFor(x => x.DoDifferently).MaximumLength(InitiativeRules.TextMaxLength);
    }
}

public sealed class LessonInputValidator : AbstractValidator<LessonInput>
{
    public LessonInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.WhatWorked) || !string.IsNullOrWhiteSpace(x.WhatDidNotWork) || !string.IsNullOrWhiteSpace(x.DoDifferently))
            .WithName("WhatWorked").OverridePropertyName("WhatWorked").WithMessage(_ => l["Lesson.Empty"]);
        RuleFor(x => x.WhatWorked).MaximumLength(InitiativeRules.TextMaxLength).WithName(_ => l["Lesson.WhatWorked"]);
        RuleFor(x => x.WhatDidNotWork).MaximumLength(InitiativeRules.TextMaxLength).WithName(_ => l["Lesson.WhatDidNotWork"]);
        RuleFor(x => x.DoDifferently).MaximumLength(InitiativeRules.TextMaxLength).WithName(_ => l["Lesson.DoDifferently"]);
    }
}

public sealed class MilestoneInputValidator : AbstractValidator<MilestoneInput>
{
    public MilestoneInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(InitiativeRules.TitleMaxLength).WithName(_ => l["Milestone.Title"]);
        RuleFor(x => x.DueDate).NotNull().WithName(_ => l["Milestone.DueDate"]);
    }
}
