using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Audit;

/// <summary>One line of an object's history as pages and API show it.</summary>
public sealed record HistoryItem(long Id, DateTimeOffset At, string? UserName, AuditAction Action, string EntityType, IReadOnlyList<AuditRecorder.FieldChange> Changes);

public sealed class AuditQueries(FlokeDbContext db, IStringLocalizer<SharedResource> l)
{
    public const int MaxPageSize = 100;

    /// <summary>An object's history, newest first, paged; without the entries of <paramref name="hiddenType"/>.</summary>
    /// <remarks>One type, compared as a value: EF Core writes the SQL of a "not in this list" anew at every execution (it
    /// looks for nulls in the list), and it is asked by every outsider who opens an organisation's history.</remarks>
    public async Task<Paged<HistoryItem>> HistoryAsync(AuditRoot root, int page, int pageSize, CancellationToken ct, string? hiddenType = null)
    {
        var query = db.AuditEntries.AsNoTracking().Where(a => a.RootType == root.Type && a.RootId == root.Id);
        if (hiddenType is { } hidden)
        {
            query = query.Where(a => a.EntityType != hidden);
        }
        var total = await query.CountAsync(ct);
        var (p, size) = Paging.Clamp(page, pageSize, MaxPageSize);
        var rows = await query.OrderByDescending(a => a.Id).Page(p, size).ToListAsync(ct);
        return new Paged<HistoryItem>(rows.Select(ToItem).ToList(), p, size, total);
    }

    /// <summary>Describes the latest change to an object, for a person whose save came too late.</summary>
    public async Task<string> DescribeLatestChangeAsync(AuditRoot root, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RootType == root.Type && a.RootId == root.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return l["Conflict.Unknown"];
        }
        var fields = string.Join("; ", AuditRecorder.Parse(last.Changes).Select(c => $"{c.Field}: «{c.After}»"));
        var at = Formatting.DateTime(last.At);
        return l["Conflict.ChangedBy", last.UserName ?? "?", at, fields];
    }

    private static HistoryItem ToItem(AuditEntry a) => new(a.Id, a.At, a.UserName, a.Action, a.EntityType, AuditRecorder.Parse(a.Changes));
}
