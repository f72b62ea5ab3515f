using Floke.Web.Features.Initiatives;
using Floke.Web.Features.Needs;
using Floke.Web.Features.OpenCalls;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.OpenData;

/// <summary>One public collection offered as open data: what it is called and described as (nb and en texts by key), its
/// EU data theme, its columns and its rows. Only what is public on the site is included, and never people's names or
/// contact details (responsible persons, contacts, authors, who recorded what) or anything confidential.</summary>
public sealed record OpenDataset(string Key, string Theme, IReadOnlyList<string> Columns,
    Func<FlokeDbContext, IAsyncEnumerable<object?[]>> Rows, Func<FlokeDbContext, CancellationToken, Task<DateTimeOffset?>> Modified)
{
    public string TitleKey => $"OpenData.{Key}.Title";
    public string DescriptionKey => $"OpenData.{Key}.Description";

    /// <summary>A dataset whose columns are the members of <typeparamref name="T"/> (an anonymous type: the query's
    /// projection), named in snake_case in the order written, so a column cannot be listed without being filled.</summary>
    public static OpenDataset Of<T>(string key, string theme, Func<FlokeDbContext, IQueryable<T>> query,
        Func<FlokeDbContext, CancellationToken, Task<DateTimeOffset?>> modified)
    {
        var members = typeof(T).GetConstructors()[0].GetParameters().Select(p => typeof(T).GetProperty(p.Name!)!).ToArray();
        return new OpenDataset(key, theme, [.. members.Select(m => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Name))],
            db => ReadRows(query(db), members), modified);
    }

    private static async IAsyncEnumerable<object?[]> ReadRows<T>(IQueryable<T> query, System.Reflection.PropertyInfo[] members,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Array.ConvertAll(members, m => m.GetValue(row));
        }
    }
}

public static class OpenDatasets
{
    /// <summary>EU data themes (http://publications.europa.eu/resource/authority/data-theme/…).</summary>
    public const string Government = "GOVE";
    public const string Economy = "ECON";
    public const string Society = "SOCI";

    private static IQueryable<Initiative> Published(FlokeDbContext db) => db.Initiatives.Where(i => i.Visibility == InitiativeVisibility.Published);

    public static readonly IReadOnlyList<OpenDataset> All =
    [
        OpenDataset.Of("needs", Society,
            db => db.Needs.AsNoTracking().Where(n => n.Status != NeedStatus.Draft).OrderBy(n => n.Id)
                .Select(n => new
                {
                    n.Id, n.Title, n.AffectedGroups, n.UserExperience, n.CurrentSituation, n.Sectors, n.Levels, n.Status,
                    OwnerOrganizationId = n.Owners.Where(o => o.Status == OwnerStatus.Accepted).OrderBy(o => o.InvitedAt).Select(o => (int?)o.OrganizationId).FirstOrDefault(),
                    n.PublishedAt, n.UpdatedAt
                }),
            async (db, ct) => await db.Needs.Where(n => n.Status != NeedStatus.Draft).MaxAsync(n => (DateTimeOffset?)n.UpdatedAt, ct)),
        OpenDataset.Of("initiatives", Government,
            db => Published(db).AsNoTracking().OrderBy(i => i.Id)
                .Select(i => new
                {
                    i.Id, i.Title, i.Summary, i.OwnerOrganizationId, i.OwnerKind, OwnerCounty = i.OwnerCountyNumber, i.Measures, i.InnovationTypes,
                    i.OecdFacet, i.Novelty, i.InspiredByInitiativeId, i.BudgetNok, i.StartDate, i.EndDate, i.Stage, i.StopReason, i.PublishedAt, i.UpdatedAt
                }),
            async (db, ct) => await Published(db).MaxAsync(i => (DateTimeOffset?)i.UpdatedAt, ct)),
        OpenDataset.Of("experiments", Government,
            db => db.Experiments.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new
                {
                    x.Id, x.InitiativeId, x.Title, x.Hypothesis, x.Design, x.StartDate, x.EndDate, x.LegalBasis, x.Status, x.Outcome, x.Evidence, x.Decision,
                    x.UpdatedAt
                }),
            async (db, ct) => await db.Experiments.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).MaxAsync(x => (DateTimeOffset?)x.UpdatedAt, ct)),
        OpenDataset.Of("lessons", Government,
            db => db.Lessons.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.InitiativeId, x.WhatWorked, x.WhatDidNotWork, x.DoDifferently, x.CreatedAt }),
            async (db, ct) => await db.Lessons.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).MaxAsync(x => (DateTimeOffset?)x.CreatedAt, ct)),
        OpenDataset.Of("barriers", Government,
            db => db.Barriers.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new
                {
                    x.Id, x.InitiativeId, x.Rule, x.Section, x.Kind, x.Description, x.ResponsibleOrganizationId, x.Status, x.Resolution, x.ReportedAt,
                    x.UpdatedAt
                }),
            async (db, ct) => await db.Barriers.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).MaxAsync(x => (DateTimeOffset?)x.UpdatedAt, ct)),
        OpenDataset.Of("organizations", Government,
            db => db.Organizations.AsNoTracking().OrderBy(o => o.Id)
                .Select(o => new
                {
                    o.Id, o.Name, o.OrganizationNumber, o.Kind, o.MunicipalityNumber, o.CountyNumber, o.Website, Verified = o.IsVerified, o.CreatedAt
                }),
            async (db, ct) => await db.Organizations.MaxAsync(o => (DateTimeOffset?)o.CreatedAt, ct)),
        OpenDataset.Of("benefits", Economy,
            db => db.Benefits.AsNoTracking().Where(b => b.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(b => b.Id)
                .Select(b => new
                {
                    b.Id, b.InitiativeId, b.AdoptionId, b.Description, b.Kind, b.Unit, b.Direction, b.IsDisbenefit, b.BaselineValue, b.BaselineDate,
                    b.TargetValue, b.TargetDate, b.BeneficiaryOrganizationId, b.BeneficiaryGroup, b.LatestValue, b.LatestDate, b.RealisedValue, b.UpdatedAt
                }),
            async (db, ct) => await db.Benefits.Where(b => b.Initiative!.Visibility == InitiativeVisibility.Published).MaxAsync(b => (DateTimeOffset?)b.UpdatedAt, ct)),
        OpenDataset.Of("measurements", Economy,
            db => db.Measurements.AsNoTracking().Where(m => m.Benefit!.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.BenefitId, m.Date, m.Value, m.Source, m.RealisedDelta, m.RecordedAt }),
            async (db, ct) => await db.Measurements.Where(m => m.Benefit!.Initiative!.Visibility == InitiativeVisibility.Published).MaxAsync(m => (DateTimeOffset?)m.RecordedAt, ct)),
        OpenDataset.Of("investments", Economy,
            db => db.Investments.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.InitiativeId, x.OrganizationId, x.Year, x.AmountNok, x.PersonHours, x.RecordedAt }),
            async (db, ct) => await db.Investments.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).MaxAsync(x => (DateTimeOffset?)x.RecordedAt, ct)),
        OpenDataset.Of("adoptions", Government,
            db => db.Adoptions.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.InitiativeId, x.AdopterOrganizationId, x.Status, x.AbandonReason, x.Adaptations, x.ConfirmedAt, x.UpdatedAt }),
            async (db, ct) => await db.Adoptions.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).MaxAsync(x => (DateTimeOffset?)x.UpdatedAt, ct)),
        OpenDataset.Of("calls", Economy,
            db => db.OpenCalls.AsNoTracking().Where(c => c.Status != OpenCallStatus.Draft).OrderBy(c => c.Id)
                .Select(c => new
                {
                    c.Id, c.Title, c.Challenge, c.Requirements, c.BudgetNok, c.Deadline, c.Status, c.OwnerOrganizationId, c.NeedId,
                    ProposalsSubmitted = c.Status == OpenCallStatus.Published ? (int?)null : db.Proposals.Count(p => p.OpenCallId == c.Id && p.Status == ProposalStatus.Submitted),
                    c.CancelReason, c.PublishedAt, c.UpdatedAt,
                }),
            async (db, ct) => await db.OpenCalls.Where(c => c.Status != OpenCallStatus.Draft).MaxAsync(c => (DateTimeOffset?)c.UpdatedAt, ct)),
        OpenDataset.Of("awards", Economy,
            db => db.OpenCalls.AsNoTracking().Where(c => c.Status == OpenCallStatus.Awarded).OrderBy(c => c.Id)
                .Join(db.Proposals, c => c.AwardedProposalId, p => p.Id, (c, p) => new
                {
                    OpenCallId = c.Id, ProposalId = p.Id, ProposalTitle = p.Title, p.OrganizationId, p.PriceNok, c.AwardRationale, c.AwardedAt,
                }),
            async (db, ct) => await db.OpenCalls.Where(c => c.Status == OpenCallStatus.Awarded).MaxAsync(c => c.AwardedAt, ct)),
    ];

    public static OpenDataset? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
