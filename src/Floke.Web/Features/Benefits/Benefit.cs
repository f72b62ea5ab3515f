using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Adoptions;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.Benefits;

/// <summary>A planned gain (gevinst) — or a disbenefit, a negative effect — of an initiative, measured over time against
/// its baseline and target. The core: <see cref="BeneficiaryOrganizationId"/> names where the gain lands, which is often
/// another organisation than the one that paid for the work.</summary>
public sealed class Benefit : IAudited, IVersioned, ICountedNationally
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    /// <summary>Set when the benefit is an adopter's own, measured in its take-up of the solution.</summary>
    public int? AdoptionId { get; set; }
    public Adoption? Adoption { get; set; }
    public required string Description { get; set; }
    public BenefitKind Kind { get; set; }
    /// <summary>"NOK" for money, "timer" for time; the named unit or scale otherwise; null for qualitative benefits.</summary>
    public string? Unit { get; set; }
    public BenefitDirection Direction { get; set; }
    public bool IsDisbenefit { get; set; }
    public decimal? BaselineValue { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public decimal? TargetValue { get; set; }
    public DateOnly? TargetDate { get; set; }
    public string? ResponsibleName { get; set; }
    /// <summary>The organisation where the gain lands; null when it lands with a group (<see cref="BeneficiaryGroup"/>).</summary>
    public int? BeneficiaryOrganizationId { get; set; }
    public Organization? BeneficiaryOrganization { get; set; }
    public BeneficiaryGroup? BeneficiaryGroup { get; set; }

    // Kept from the measurements on every change (derived; editing them does not count as an edit of the benefit).
    public decimal? LatestValue { get; set; }
    public DateOnly? LatestDate { get; set; }
    /// <summary>The improvement so far, in the benefit's unit: (latest − baseline), turned so that better is positive.</summary>
    public decimal? RealisedValue { get; set; }
    public int MeasurementCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public HashSet<Measurement> Measurements { get; set; } = [];

    /// <summary>The improvement planned, in the benefit's unit, better being positive.</summary>
    public decimal? PlannedValue => BenefitRules.Improvement(BaselineValue, TargetValue, Direction);

    public AuditRoot AuditRoot => new(nameof(Benefit), Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The order of a benefit's series, the one every reading of it follows: by date, then as recorded (the
/// index on BenefitId, Date, RecordedAt, Id serves it both ways).</summary>
public static class SeriesOrder
{
    public static IOrderedQueryable<Measurement> OldestFirst(this IQueryable<Measurement> m) =>
        m.OrderBy(x => x.Date).ThenBy(x => x.RecordedAt).ThenBy(x => x.Id);

    public static IOrderedQueryable<Measurement> NewestFirst(this IQueryable<Measurement> m) =>
        m.OrderByDescending(x => x.Date).ThenByDescending(x => x.RecordedAt).ThenByDescending(x => x.Id);

    public static IOrderedEnumerable<Measurement> OldestFirst(this IEnumerable<Measurement> m) =>
        m.OrderBy(x => x.Date).ThenBy(x => x.RecordedAt).ThenBy(x => x.Id);
}

/// <summary>One measurement of a benefit: the value on a date, where it comes from, and a note.</summary>
public sealed class Measurement : IAudited, ICountedNationally
{
    public int Id { get; set; }
    public int BenefitId { get; set; }
    public Benefit? Benefit { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The measured value; null only for a qualitative benefit, whose note says what was seen.</summary>
    public decimal? Value { get; set; }
    public string? Source { get; set; }
    public string? Note { get; set; }
    /// <summary>How much this measurement moved the realised gain since the one before (the first: since the baseline),
    /// so a period's realised gain is the sum over the measurements dated in it.</summary>
    public decimal? RealisedDelta { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public AuditRoot AuditRoot => new(nameof(Benefit), BenefitId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>An organisation's contribution to an initiative in one year: money and/or person-hours.</summary>
public sealed class Investment : IAudited, IVersioned, ICountedNationally
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public int Year { get; set; }
    public decimal? AmountNok { get; set; }
    public decimal? PersonHours { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; }

    public AuditRoot AuditRoot => new(nameof(Initiative), InitiativeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum BenefitKind
{
    BudgetSaving = 1,
    AvoidedCost = 2,
    TimeSaved = 3,
    Quality = 4,
    UserSatisfaction = 5,
    OtherQuantitative = 6,
    Qualitative = 7,
}

public enum BenefitDirection
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>Who gains when the gain does not land in one organisation.</summary>
public enum BeneficiaryGroup
{
    Citizens = 1,
    Businesses = 2,
    VoluntarySector = 3,
}

/// <summary>Not started, on track, behind, realised, exceeded — computed from baseline, target and the latest
/// measurement; a qualitative benefit is only ever not started or described.</summary>
public enum RealisationStatus
{
    NotStarted = 1,
    OnTrack = 2,
    Behind = 3,
    Realised = 4,
    Exceeded = 5,
    Described = 6,
}

/// <summary>Levels for the who-invests-who-gains views: the organisation kinds folded into government levels, plus the groups.</summary>
public enum GovernmentLevel
{
    State = 1,
    County = 2,
    Municipality = 3,
    Private = 4,
    CivilSociety = 5,
    Citizens = 6,
}
