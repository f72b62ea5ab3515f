using System.Globalization;
using Floke.Tests.Features.Benefits;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Audit;
using Floke.Web.Features.Benefits;
using Microsoft.EntityFrameworkCore;

namespace Floke.Tests.Core.Audit;

/// <summary>Rows written in bulk (a CSV import's measurements) get their history entries from
/// <see cref="AuditRecorder.Created{T}"/>, which writes the JSON itself; a row added through the change tracker gets its
/// entry from <see cref="AuditRecorder.Collect"/> and the serializer. A reader of the history must not be able to tell
/// them apart, to the character.</summary>
[Collection("app")]
public class AuditRecorderTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task ARowWrittenInBulk_GetsTheEntryOfTheSameRowAddedAlone(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await BenefitsApiTests.InitiativeAsync(app);
        var benefit = (await BenefitsApiTests.CreateAsync(owner, BenefitsApiTests.Saving(initiative, null, "Citizens")))
            .GetProperty("benefit").GetProperty("id").GetInt32();
        await using var scope = app.Scope();
        var db = app.Db(scope);
        Measurement[] rows =
        [
            new()
            {
                BenefitId = benefit, Date = new DateOnly(2026, 3, 31), Value = -1234.5600m, Source = "Regnskap «A» \"sitert\"",
                Note = "Første måned\nlinje to 😀 <b>&amp;</b> \\ slutt", RealisedDelta = 0.125m, RecordedBy = "Kari Nordmann",
                RecordedAt = new DateTimeOffset(2026, 4, 1, 6, 30, 15, TimeSpan.Zero).AddTicks(7), // UTC, as the app records (PostgreSQL takes no other)
            },
            // Shorter, with no value, source or note: the buffer kept between rows must hold nothing of the row before.
            new() { BenefitId = benefit, Date = new DateOnly(1850, 1, 1), RecordedBy = "Ola", RecordedAt = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero) },
        ];
        db.Measurements.AddRange(rows);
        await db.SaveChangesAsync();

        var ids = rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var alone = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Measurement) && ids.Contains(a.EntityId)).ToListAsync();
        Assert.Equal(2, alone.Count);
        var created = AuditRecorder.Created<Measurement>(db.Model.FindEntityType(typeof(Measurement))!, new AuditActor(alone[0].UserId, alone[0].UserName), alone[0].At);
        foreach (var row in rows)
        {
            var expected = alone.Single(a => a.EntityId == row.Id.ToString(CultureInfo.InvariantCulture));
            var bulk = created(row);
            Assert.Equal(expected.Changes, bulk.Changes);
            Assert.Equal((expected.Action, expected.EntityType, expected.EntityId, expected.RootType, expected.RootId),
                (bulk.Action, bulk.EntityType, bulk.EntityId, bulk.RootType, bulk.RootId));
        }
        Assert.Contains("\"After\":\"-1234.5600\"", alone.Single(a => a.EntityId == ids[0]).Changes); // the value as entered
        Assert.DoesNotContain("\"Note\",\"After\"", alone.Single(a => a.EntityId == ids[1]).Changes);
    }
}
