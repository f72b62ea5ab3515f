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
    Func<FlokeDbContext, IAsyncEnumerable<object?[]>> Rows, Func<FlokeDbContext, IQueryable<DateTimeOffset?>> Changes)
{
    public string TitleKey => $"OpenData.{Key}.Title";
    public string DescriptionKey => $"OpenData.{Key}.Description";

    /// <summary>A dataset whose columns are the members of <typeparamref name="T"/> (an anonymous type: the query's
    /// projection), named in snake_case in the order written, so a column cannot be listed without being filled.</summary>
    public static OpenDataset Of<T>(string key, string theme, Func<FlokeDbContext, IQueryable<T>> query,
        Func<FlokeDbContext, IQueryable<DateTimeOffset?>> changes)
    {
        var members = typeof(T).GetConstructors()[0].GetParameters().Select(p => typeof(T).GetProperty(p.Name!)!).ToArray();
        return new OpenDataset(key, theme, [.. members.Select(m => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Name))],
            db => ReadRows(query(db), members), changes);
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
            db => db.Needs.Where(n => n.Status != NeedStatus.Draft).Select(n => (DateTimeOffset?)n.UpdatedAt)),
        OpenDataset.Of("initiatives", Government,
            db => Published(db).AsNoTracking().OrderBy(i => i.Id)
                .Select(i => new
                {
                    i.Id, i.Title, i.Summary, i.OwnerOrganizationId, i.OwnerKind, OwnerCounty = i.OwnerCountyNumber, i.Measures, i.InnovationTypes,
                    i.OecdFacet, i.Novelty, i.InspiredByInitiativeId, i.BudgetNok, i.StartDate, i.EndDate, i.Stage, i.StopReason, i.PublishedAt, i.UpdatedAt
                }),
            db => Published(db).Select(i => (DateTimeOffset?)i.UpdatedAt)),
        OpenDataset.Of("experiments", Government,
            db => db.Experiments.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new
                {
                    x.Id, x.InitiativeId, x.Title, x.Hypothesis, x.Design, x.StartDate, x.EndDate, x.LegalBasis, x.Status, x.Outcome, x.Evidence, x.Decision,
                    x.UpdatedAt
                }),
            db => db.Experiments.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).Select(x => (DateTimeOffset?)x.UpdatedAt)),
        OpenDataset.Of("lessons", Government,
            db => db.Lessons.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.InitiativeId, x.WhatWorked, x.WhatDidNotWork, x.DoDifferently, x.CreatedAt }),
            db => db.Lessons.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).Select(x => (DateTimeOffset?)x.CreatedAt)),
        OpenDataset.Of("barriers", Government,
            db => db.Barriers.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new
                {
                    x.Id, x.InitiativeId, x.Rule, x.Section, x.Kind, x.Description, x.ResponsibleOrganizationId, x.Status, x.Resolution, x.ReportedAt,
                    x.UpdatedAt
                }),
            db => db.Barriers.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).Select(x => (DateTimeOffset?)x.UpdatedAt)),
        OpenDataset.Of("organizations", Government,
            db => db.Organizations.AsNoTracking().OrderBy(o => o.Id)
                .Select(o => new
                {
                    o.Id, o.Name, o.OrganizationNumber, o.Kind, o.MunicipalityNumber, o.CountyNumber, o.Website, Verified = o.IsVerified, o.CreatedAt
                }),
            db => db.Organizations.Select(o => (DateTimeOffset?)o.CreatedAt)),
        OpenDataset.Of("benefits", Economy,
            db => db.Benefits.AsNoTracking().Where(b => b.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(b => b.Id)
                .Select(b => new
                {
                    b.Id, b.InitiativeId, b.AdoptionId, b.Description, b.Kind, b.Unit, b.Direction, b.IsDisbenefit, b.BaselineValue, b.BaselineDate,
                    b.TargetValue, b.TargetDate, b.BeneficiaryOrganizationId, b.BeneficiaryGroup, b.LatestValue, b.LatestDate, b.RealisedValue, b.UpdatedAt
                }),
            db => db.Benefits.Where(b => b.Initiative!.Visibility == InitiativeVisibility.Published).Select(b => (DateTimeOffset?)b.UpdatedAt)),
        OpenDataset.Of("measurements", Economy,
            db => db.Measurements.AsNoTracking().Where(m => m.Benefit!.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.BenefitId, m.Date, m.Value, m.Source, m.RealisedDelta, m.RecordedAt }),
            db => db.Measurements.Where(m => m.Benefit!.Initiative!.Visibility == InitiativeVisibility.Published).Select(m => (DateTimeOffset?)m.RecordedAt)),
        OpenDataset.Of("investments", Economy,
            db => db.Investments.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.InitiativeId, x.OrganizationId, x.Year, x.AmountNok, x.PersonHours, x.RecordedAt }),
            db => db.Investments.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).Select(x => (DateTimeOffset?)x.RecordedAt)),
        OpenDataset.Of("adoptions", Government,
            db => db.Adoptions.AsNoTracking().Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.InitiativeId, x.AdopterOrganizationId, x.Status, x.AbandonReason, x.Adaptations, x.ConfirmedAt, x.UpdatedAt }),
            db => db.Adoptions.Where(x => x.Initiative!.Visibility == InitiativeVisibility.Published).Select(x => (DateTimeOffset?)x.UpdatedAt)),
        OpenDataset.Of("calls", Economy,
            db => db.OpenCalls.AsNoTracking().Where(OpenCallAccess.IsPublic).OrderBy(c => c.Id)
                .Select(c => new
                {
                    c.Id, c.Title, c.Challenge, c.Requirements, c.BudgetNok, c.Deadline, c.Status, c.OwnerOrganizationId, c.NeedId,
                    ProposalsSubmitted = c.Status == OpenCallStatus.Published ? (int?)null : db.Proposals.Count(p => p.OpenCallId == c.Id && p.Status == ProposalStatus.Submitted),
                    c.CancelReason, c.PublishedAt, c.UpdatedAt,
                }),
            db => db.OpenCalls.Where(OpenCallAccess.IsPublic).Select(c => (DateTimeOffset?)c.UpdatedAt)),
        OpenDataset.Of("awards", Economy,
            db => db.OpenCalls.AsNoTracking().Where(c => c.Status == OpenCallStatus.Awarded).OrderBy(c => c.Id)
                .Join(db.Proposals, c => c.AwardedProposalId, p => p.Id, (c, p) => new
                {
                    OpenCallId = c.Id, ProposalId = p.Id, ProposalTitle = p.Title, p.OrganizationId, p.PriceNok, c.AwardRationale, c.AwardedAt,
                }),
            db => db.OpenCalls.Where(c => c.Status == OpenCallStatus.Awarded).Select(c => c.AwardedAt)),
    ];

    public static OpenDataset? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
