using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>Planning benefits and measuring them; shared by the pages and /api/v1/benefits.</summary>
public sealed class BenefitCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<BenefitInput> validator,
    IValidator<MeasurementInput> measurementValidator,
    VersionedSave save,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Adds a benefit to an initiative (its owner's members) or, with <paramref name="adoptionId"/>, to an
    /// adopter's take-up of it (the adopter's members).</summary>
    public async Task<Result<int>> CreateAsync(int? initiativeId, int? adoptionId, BenefitInput input, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        int initiative, editor;
        if (adoptionId is { } a)
        {
            var adoption = await db.Adoptions.Where(x => db.Initiatives.VisibleTo(orgIds).Any(i => i.Id == x.InitiativeId))
                .Where(x => x.Id == a).Select(x => new { x.InitiativeId, x.AdopterOrganizationId }).FirstOrDefaultAsync(ct);
            if (adoption is null)
            {
                return user.IsAuthenticated ? Result<int>.Invalid("AdoptionId", l["Benefit.Adoption.Unknown"]) : Result<int>.Forbidden();
            }
            (initiative, editor) = (adoption.InitiativeId, adoption.AdopterOrganizationId);
        }
        else
        {
            var owner = await db.Initiatives.VisibleTo(orgIds).Where(i => i.Id == initiativeId).Select(i => (int?)i.OwnerOrganizationId).FirstOrDefaultAsync(ct);
            if (owner is null)
            {
                return user.IsAuthenticated ? Result<int>.Invalid("InitiativeId", l["Experiment.Initiative.Unknown"]) : Result<int>.Forbidden();
            }
            (initiative, editor) = (initiativeId!.Value, owner.Value);
        }
        if (!await user.IsMemberOfAsync(editor, ct))
        {
            return Result<int>.Forbidden();
        }
        var checkedInput = await CheckAsync(input, ct);
        if (!checkedInput.IsOk)
        {
            return checkedInput.As<int>();
        }
        var now = clock.GetUtcNow();
        var benefit = new Benefit { InitiativeId = initiative, AdoptionId = adoptionId, Description = "", CreatedAt = now };
        Apply(benefit, checkedInput.Value!, now);
        db.Benefits.Add(benefit);
        await db.SaveChangesAsync(ct);
        return Result.Ok(benefit.Id);
    }

    /// <summary>Edits a benefit from the version the writer saw; the measurements are re-read against the new baseline.</summary>
    public async Task<Result<int>> UpdateAsync(int id, int version, BenefitInput input, CancellationToken ct)
    {
        await using var tx = await db.BeginLockedAsync<Benefit>(id, ct); // the derived figures are recomputed from the measurements read
        var (benefit, failure) = await LoadAsync(id, forEdit: true, ct);
        if (benefit is null)
        {
            return failure!.As<int>();
        }
        var checkedInput = await CheckAsync(input, ct);
        if (!checkedInput.IsOk)
        {
            return checkedInput.As<int>();
        }
        var saved = await save.SaveAsync(benefit, version, b => Apply(b, checkedInput.Value!, clock.GetUtcNow()), ct);
        if (saved.IsOk)
        {
            await tx.CommitWrittenAsync();
        }
        return saved;
    }

    /// <summary>Records one measurement (the benefit's editors and the receiving organisation's members).</summary>
    public async Task<Result<int>> AddMeasurementAsync(int id, MeasurementInput input, CancellationToken ct)
    {
        await using var tx = await db.BeginLockedAsync<Benefit>(id, ct);
        var (benefit, failure) = await LoadAsync(id, forEdit: false, ct, withMeasurements: false);
        if (benefit is null)
        {
            return failure!.As<int>();
        }
        input = Clean(benefit, input);
        if (MeasurementErrors(benefit, input, Today()) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var measurement = NewMeasurement(input, clock.GetUtcNow(), RecordedBy());
        if (benefit.LatestDate is null || input.Date >= benefit.LatestDate)
        {
            // The usual case, the newest measurement: the benefit moves on without reading its history.
            measurement.BenefitId = benefit.Id;
            BenefitRules.Append(benefit, measurement);
            db.Measurements.Add(measurement);
        }
        else
        {
            // Dated before the latest: every later measurement's share of the gain changes.
            await db.Entry(benefit).Collection(b => b.Measurements).LoadAsync(ct);
            benefit.Measurements.Add(measurement);
            BenefitRules.Recompute(benefit);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitWrittenAsync();
        return Result.Ok(measurement.Id);
    }

    /// <summary>Records every row of a CSV file, or — if any row is wrong — none, answering with each wrong row and field.
    /// The rows are written in bulk with their audit entries (<see cref="FlokeDbContext.InsertAuditedAsync{T}"/>): a file
    /// of years of daily figures is tens of thousands of rows. Each row is checked and made a measurement in one pass, and
    /// the rows as read are let go before the measurements are written: a file's rows are held once, not three times.</summary>
    public async Task<Result<int>> ImportMeasurementsAsync(int id, Stream csv, CancellationToken ct)
    {
        MeasurementCsv.Parsed? parsed = await MeasurementCsv.ReadAsync(csv, l, ct); // read before the lock: an upload can be slow
        await using var tx = await db.BeginLockedAsync<Benefit>(id, ct);
        var (benefit, failure) = await LoadAsync(id, forEdit: false, ct, withMeasurements: false);
        if (benefit is null)
        {
            return failure!.As<int>();
        }
        var errors = new List<string>(parsed.Errors);
        var added = new List<Measurement>(parsed.Rows.Count);
        // Once for the file: the clock and the time zone's rules per row were a tenth of an import, and the file's rows are
        // recorded at one moment by one person.
        var (today, now, recordedBy) = (Today(), clock.GetUtcNow(), RecordedBy());
        foreach (var (line, read) in parsed.Rows)
        {
            var input = Clean(benefit, read);
            if (MeasurementErrors(benefit, input, today) is { } rowErrors)
            {
                errors.AddRange(rowErrors.SelectMany(e => e.Value.Select(m => l["Csv.RowError", line, m].Value)));
            }
            else if (errors.Count == 0)
            {
                added.Add(NewMeasurement(input, now, recordedBy));
            }
        }
        parsed = null; // the state machine would hold the rows as read until the method ends
        if (errors.Count == 0 && added.Count == 0)
        {
            errors.Add(l["Csv.Empty"]);
        }
        if (errors.Count > 0)
        {
            return Result<int>.Invalid(new Dictionary<string, string[]> { [MeasurementCsv.Field] = [.. errors.Take(MeasurementCsv.MaxReportedErrors)] });
        }
        // Keys are given in this order, so ordering by date alone (a stable sort) is the order Recompute uses (date, time
        // recorded — the same for all — and key).
        added = [.. added.OrderBy(m => m.Date)];
        added.ForEach(m => m.BenefitId = benefit.Id);
        if (benefit.LatestDate is null || added[0].Date >= benefit.LatestDate)
        {
            // The usual file continues the series: the benefit moves on without reading its history.
            added.ForEach(m => BenefitRules.Append(benefit, m));
        }
        else
        {
            // Rows dated before the latest change the share of every later measurement, stored ones too.
            await db.Entry(benefit).Collection(b => b.Measurements).LoadAsync(ct);
            BenefitRules.Recompute(benefit, added);
        }
        await db.InsertAuditedAsync(added, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitWrittenAsync();
        return Result.Ok(added.Count);
    }

    /// <summary>Removes a measurement entered by mistake (the same people who may add one).</summary>
    public async Task<Result<bool>> DeleteMeasurementAsync(int id, int measurementId, CancellationToken ct)
    {
        await using var tx = await db.BeginLockedAsync<Benefit>(id, ct);
        var (benefit, failure) = await LoadAsync(id, forEdit: false, ct);
        if (benefit is null)
        {
            return failure!;
        }
        var measurement = benefit.Measurements.FirstOrDefault(m => m.Id == measurementId);
        if (measurement is null)
        {
            return Result<bool>.NotFound();
        }
        benefit.Measurements.Remove(measurement);
        db.Measurements.Remove(measurement);
        BenefitRules.Recompute(benefit);
        await db.SaveChangesAsync(ct);
        await tx.CommitWrittenAsync();
        return Result.Ok(true);
    }

    private async Task<(Benefit? Benefit, Result<bool>? Failure)> LoadAsync(int id, bool forEdit, CancellationToken ct, bool withMeasurements = true)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var benefits = db.Benefits.VisibleTo(db, orgIds);
        if (withMeasurements)
        {
            benefits = benefits.Include(b => b.Measurements);
        }
        var row = await benefits
            .Where(b => b.Id == id)
            .Select(b => new { Benefit = b, Owner = b.Initiative!.OwnerOrganizationId, Adopter = (int?)b.Adoption!.AdopterOrganizationId })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return (null, Result<bool>.NotFound());
        }
        var roles = await user.RolesAsync(ct);
        var allowed = forEdit
            ? BenefitAccess.CanEdit(roles, row.Owner, row.Adopter)
            : BenefitAccess.CanMeasure(roles, row.Owner, row.Adopter, row.Benefit.BeneficiaryOrganizationId);
        return allowed ? (row.Benefit, null) : (null, Result<bool>.Forbidden());
    }

    /// <summary>Validates the input, fixes the unit of money and time kinds, and checks that the receiving organisation exists.</summary>
    private async Task<Result<BenefitInput>> CheckAsync(BenefitInput input, CancellationToken ct)
    {
        input = input with { Description = Validation.Clean(input.Description), Unit = Validation.Clean(input.Unit), ResponsibleName = Validation.Clean(input.ResponsibleName) };
        if (input.Kind is { } kind && Enum.IsDefined(kind))
        {
            input = kind == BenefitKind.Qualitative
                ? input with { Unit = null, BaselineValue = null, TargetValue = null }
                : input with { Unit = BenefitRules.FixedUnit(kind) ?? input.Unit };
        }
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<BenefitInput>.Invalid(errors);
        }
        if (input.BeneficiaryOrganizationId is { } receiver && !await db.Organizations.AnyAsync(o => o.Id == receiver, ct))
        {
            return Result<BenefitInput>.Invalid(nameof(BenefitInput.BeneficiaryOrganizationId), l["Need.Owner.UnknownOrganization"]);
        }
        return Result.Ok(input);
    }

    private static void Apply(Benefit b, BenefitInput input, DateTimeOffset now)
    {
        b.Description = input.Description!;
        b.Kind = input.Kind!.Value;
        b.Unit = input.Unit;
        b.Direction = input.Direction!.Value;
        b.IsDisbenefit = input.IsDisbenefit;
        b.BaselineValue = input.BaselineValue;
        b.BaselineDate = input.BaselineDate;
        b.TargetValue = input.TargetValue;
        b.TargetDate = input.TargetDate;
        b.ResponsibleName = input.ResponsibleName;
        b.BeneficiaryOrganizationId = input.BeneficiaryOrganizationId;
        b.BeneficiaryGroup = input.BeneficiaryOrganizationId is null ? input.BeneficiaryGroup : null;
        b.UpdatedAt = now;
        BenefitRules.Recompute(b);
    }

    /// <summary>Trims the texts; a qualitative benefit's measurement keeps no number.</summary>
    private static MeasurementInput Clean(Benefit benefit, MeasurementInput input) => input with
    {
        Value = benefit.Kind == BenefitKind.Qualitative ? null : input.Value,
        Source = Validation.Clean(input.Source),
        Note = Validation.Clean(input.Note),
    };

    /// <summary>Today's date in Norway: a measurement may not be dated later.</summary>
    private DateOnly Today() => Formatting.Day(clock.GetUtcNow());

    private Dictionary<string, string[]>? MeasurementErrors(Benefit benefit, MeasurementInput input, DateOnly today)
    {
        var errors = measurementValidator.Errors(input)?.ToDictionary();
        if (benefit.Kind == BenefitKind.Qualitative)
        {
            if (input.Note is null)
            {
                (errors ??= []).TryAdd(nameof(MeasurementInput.Note), [l["Measurement.Note.RequiredQualitative"]]);
            }
        }
        else if (input.Value is null)
        {
            (errors ??= []).TryAdd(nameof(MeasurementInput.Value), [l["Measurement.Value.Required"]]);
        }
        if (input.Date is { } date && date > today)
        {
            (errors ??= []).TryAdd(nameof(MeasurementInput.Date), [l["Measurement.Date.Future"]]);
        }
        return errors;
    }

    private string RecordedBy() => AuditActor.From(user.Principal).Name ?? "";

    private static Measurement NewMeasurement(MeasurementInput input, DateTimeOffset now, string recordedBy) => new()
    {
        Date = input.Date!.Value, Value = input.Value, Source = input.Source, Note = input.Note, RecordedBy = recordedBy, RecordedAt = now,
    };
}
