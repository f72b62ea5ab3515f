using Floke.Web.Core.Organizations;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>What a person fills in about a benefit, on the page and in the API alike. Exactly one of the beneficiary
/// organisation and the beneficiary group is given.</summary>
public sealed record BenefitInput(
    string? Description,
    BenefitKind? Kind,
    string? Unit,
    BenefitDirection? Direction,
    bool IsDisbenefit,
    decimal? BaselineValue,
    DateOnly? BaselineDate,
    decimal? TargetValue,
    DateOnly? TargetDate,
    string? ResponsibleName,
    int? BeneficiaryOrganizationId,
    BeneficiaryGroup? BeneficiaryGroup);

public sealed record MeasurementInput(DateOnly? Date, decimal? Value, string? Source, string? Note);

public sealed record InvestmentInput(int? OrganizationId, int? Year, decimal? AmountNok, decimal? PersonHours, string? Note);

public static class BenefitRules
{
    public const int DescriptionMaxLength = 1000;
    public const int UnitMaxLength = 50;
    public const int SourceMaxLength = 300;
    public const int NoteMaxLength = 2000;
    public const string Nok = "NOK";
    public const string Hours = "timer";
    /// <summary>Values are stored with four decimals; a larger absolute value than this is refused as a typing error.</summary>
    public const decimal MaxValue = 1_000_000_000_000m;
    public const int FirstYear = 1990;
    public const int LastYear = 2100;

    /// <summary>Kinds whose numbers are kroner, and so can be added together across benefits.</summary>
    public static bool IsMoney(BenefitKind kind) => kind is BenefitKind.BudgetSaving or BenefitKind.AvoidedCost;

    /// <summary>The unit a kind fixes (kroner, hours), or null where the writer names it.</summary>
    public static string? FixedUnit(BenefitKind kind) => kind switch
    {
        BenefitKind.BudgetSaving or BenefitKind.AvoidedCost => Nok,
        BenefitKind.TimeSaved => Hours,
        _ => null,
    };

    /// <summary>The change from <paramref name="from"/> to <paramref name="to"/>, positive when it is for the better.</summary>
    public static decimal? Improvement(decimal? from, decimal? to, BenefitDirection direction) =>
        from is { } f && to is { } t ? (direction == BenefitDirection.HigherIsBetter ? t - f : f - t) : null;

    /// <summary>The realisation status from baseline, target and the latest measurement, on <paramref name="today"/>.
    /// A benefit is realised when the latest measurement reaches the target exactly and exceeded beyond it; before that it
    /// is on track when its share of the planned improvement is at least the share of the time from baseline to target
    /// that has passed at the measurement, and behind otherwise — or when the target date has passed unreached, measured
    /// or not. A disbenefit is on track while the harm stays within what was expected (its target) and behind beyond it.</summary>
    public static RealisationStatus Status(BenefitKind kind, bool isDisbenefit, BenefitDirection direction, decimal? baseline, DateOnly? baselineDate,
        decimal? target, DateOnly? targetDate, decimal? latest, DateOnly? latestDate, DateOnly today)
    {
        if (kind == BenefitKind.Qualitative)
        {
            return latestDate is null ? RealisationStatus.NotStarted : RealisationStatus.Described;
        }
        var planned = Improvement(baseline, target, direction);
        var realised = Improvement(baseline, latest, direction);
        if (isDisbenefit)
        {
            // Improvement is negative for harm; planned is the (negative) harm that was accepted.
            return realised is null || planned is null ? RealisationStatus.NotStarted
                : realised >= planned ? RealisationStatus.OnTrack : RealisationStatus.Behind;
        }
        if (realised is null || planned is null or <= 0)
        {
            return targetDate is { } due && due < today ? RealisationStatus.Behind : RealisationStatus.NotStarted;
        }
        if (realised > planned)
        {
            return RealisationStatus.Exceeded;
        }
        if (realised == planned)
        {
            return RealisationStatus.Realised;
        }
        if (targetDate is { } end && end < today)
        {
            return RealisationStatus.Behind;
        }
        var expected = 0m;
        if (baselineDate is { } start && targetDate is { } stop && stop > start && latestDate is { } at)
        {
            expected = Math.Clamp((decimal)(at.DayNumber - start.DayNumber) / (stop.DayNumber - start.DayNumber), 0m, 1m);
        }
        return realised / planned >= expected ? RealisationStatus.OnTrack : RealisationStatus.Behind;
    }

    public static RealisationStatus Status(Benefit b, DateOnly today) =>
        Status(b.Kind, b.IsDisbenefit, b.Direction, b.BaselineValue, b.BaselineDate, b.TargetValue, b.TargetDate, b.LatestValue, b.LatestDate, today);

    /// <summary>Recomputes what the benefit keeps from its measurements: the latest value, the realised improvement, and
    /// each measurement's share of it (so periods can be summed). Call after any change to measurements or baseline.</summary>
    public static void Recompute(Benefit benefit) => Recompute(benefit, []);

    /// <summary>Recomputes as if <paramref name="adding"/> (written outside the benefit's collection, in bulk) were in it.</summary>
    public static void Recompute(Benefit benefit, IReadOnlyCollection<Measurement> adding)
    {
        decimal? previous = 0m;
        Measurement? latest = null;
        foreach (var m in benefit.Measurements.Concat(adding).OldestFirst())
        {
            var realised = Improvement(benefit.BaselineValue, m.Value, benefit.Direction);
            m.RealisedDelta = realised - previous;
            previous = realised ?? previous;
            latest = m;
        }
        benefit.LatestValue = latest?.Value;
        benefit.LatestDate = latest?.Date;
        benefit.RealisedValue = latest is null ? null : Improvement(benefit.BaselineValue, latest.Value, benefit.Direction);
        benefit.MeasurementCount = benefit.Measurements.Count + adding.Count;
    }

    /// <summary>Adds a measurement dated on or after the latest one without reading the others: the same result as
    /// <see cref="Recompute"/> would give.</summary>
    public static void Append(Benefit benefit, Measurement measurement)
    {
        var realised = Improvement(benefit.BaselineValue, measurement.Value, benefit.Direction);
        measurement.RealisedDelta = realised - (benefit.RealisedValue ?? 0m);
        benefit.LatestValue = measurement.Value;
        benefit.LatestDate = measurement.Date;
        benefit.RealisedValue = realised;
        benefit.MeasurementCount++;
    }

    public static GovernmentLevel Level(OrganizationKind kind) => kind switch
    {
        OrganizationKind.StateAgency => GovernmentLevel.State,
        OrganizationKind.County => GovernmentLevel.County,
        OrganizationKind.Municipality => GovernmentLevel.Municipality,
        OrganizationKind.Company or OrganizationKind.StartUp => GovernmentLevel.Private,
        _ => GovernmentLevel.CivilSociety,
    };

    public static GovernmentLevel Level(BeneficiaryGroup group) => group switch
    {
        BeneficiaryGroup.Citizens => GovernmentLevel.Citizens,
        BeneficiaryGroup.Businesses => GovernmentLevel.Private,
        _ => GovernmentLevel.CivilSociety,
    };
}

public sealed class BenefitInputValidator : AbstractValidator<BenefitInput>
{
    public BenefitInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Description).NotEmpty().MaximumLength(BenefitRules.DescriptionMaxLength).WithName(_ => l["Benefit.Description"]);
        RuleFor(x => x.Kind).NotNull().IsInEnum().WithName(_ => l["Benefit.Kind"]);
        RuleFor(x => x.Direction).NotNull().IsInEnum().WithName(_ => l["Benefit.Direction"]);
        RuleFor(x => x.ResponsibleName).MaximumLength(200).WithName(_ => l["Benefit.ResponsibleName"]);
        RuleFor(x => x.BeneficiaryGroup).IsInEnum().WithName(_ => l["Benefit.Beneficiary"]);
        RuleFor(x => x.BeneficiaryOrganizationId).NotNull().WithMessage(_ => l["Benefit.Beneficiary.Required"])
            .When(x => x.BeneficiaryGroup is null);
        RuleFor(x => x.BeneficiaryGroup).Null().WithMessage(_ => l["Benefit.Beneficiary.OneOnly"])
            .When(x => x.BeneficiaryOrganizationId is not null);
        When(x => x.Kind is { } k && k != BenefitKind.Qualitative, () =>
        {
            RuleFor(x => x.Unit).NotEmpty().MaximumLength(BenefitRules.UnitMaxLength).WithName(_ => l["Benefit.Unit"])
                .When(x => BenefitRules.FixedUnit(x.Kind!.Value) is null);
            RuleFor(x => x.BaselineValue).NotNull().InclusiveBetween(-BenefitRules.MaxValue, BenefitRules.MaxValue).WithName(_ => l["Benefit.BaselineValue"]);
            RuleFor(x => x.BaselineDate).NotNull().WithName(_ => l["Benefit.BaselineDate"]);
            RuleFor(x => x.TargetValue).NotNull().InclusiveBetween(-BenefitRules.MaxValue, BenefitRules.MaxValue).WithName(_ => l["Benefit.TargetValue"]);
            RuleFor(x => x.TargetDate).NotNull().WithName(_ => l["Benefit.TargetDate"]);
            RuleFor(x => x.TargetDate).GreaterThan(x => x.BaselineDate).WithMessage(_ => l["Benefit.TargetDate.BeforeBaseline"])
                .When(x => x.BaselineDate is not null && x.TargetDate is not null);
            RuleFor(x => x.TargetValue)
                .Must((x, t) => BenefitRules.Improvement(x.BaselineValue, t, x.Direction!.Value) is > 0)
                .WithMessage(x => x.Direction == BenefitDirection.HigherIsBetter ? l["Benefit.TargetValue.NotHigher"] : l["Benefit.TargetValue.NotLower"])
                .When(x => !x.IsDisbenefit && x.BaselineValue is not null && x.TargetValue is not null && x.Direction is not null);
            RuleFor(x => x.TargetValue)
                .Must((x, t) => BenefitRules.Improvement(x.BaselineValue, t, x.Direction!.Value) is < 0)
                .WithMessage(_ => l["Benefit.TargetValue.DisbenefitNotWorse"])
                .When(x => x.IsDisbenefit && x.BaselineValue is not null && x.TargetValue is not null && x.Direction is not null);
        });
    }
}

/// <summary>Checks one measurement's own fields; whether a value is required depends on the benefit (see the commands).</summary>
public sealed class MeasurementInputValidator : AbstractValidator<MeasurementInput>
{
    public MeasurementInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Date).NotNull().WithName(_ => l["Measurement.Date"]);
        RuleFor(x => x.Value).InclusiveBetween(-BenefitRules.MaxValue, BenefitRules.MaxValue).WithName(_ => l["Measurement.Value"]);
        RuleFor(x => x.Source).MaximumLength(BenefitRules.SourceMaxLength).WithName(_ => l["Measurement.Source"]);
        RuleFor(x => x.Note).MaximumLength(BenefitRules.NoteMaxLength).WithName(_ => l["Measurement.Note"]);
    }
}

public sealed class InvestmentInputValidator : AbstractValidator<InvestmentInput>
{
    public InvestmentInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.OrganizationId).NotNull().WithName(_ => l["Investment.Organization"]);
        RuleFor(x => x.Year).NotNull().InclusiveBetween(BenefitRules.FirstYear, BenefitRules.LastYear).WithName(_ => l["Investment.Year"]);
        RuleFor(x => x.AmountNok).InclusiveBetween(0, BenefitRules.MaxValue).WithName(_ => l["Investment.AmountNok"]);
        RuleFor(x => x.PersonHours).InclusiveBetween(0, BenefitRules.MaxValue).WithName(_ => l["Investment.PersonHours"]);
        RuleFor(x => x.AmountNok).NotNull().WithMessage(_ => l["Investment.AmountOrHours"]).When(x => x.PersonHours is null);
        RuleFor(x => x.Note).MaximumLength(BenefitRules.NoteMaxLength).WithName(_ => l["Investment.Note"]);
    }
}
