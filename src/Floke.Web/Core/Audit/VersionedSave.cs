using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Core.Audit;

/// <summary>Saves an edit made from the version the editor saw. If someone saved in between — before this request read
/// the row, or while it was saving — nothing is written and the result is a conflict that describes the other change.</summary>
public sealed class VersionedSave(FlokeDbContext db, AuditQueries audit)
{
    /// <returns>The new version, or a conflict.</returns>
    public async Task<Result<int>> SaveAsync<T>(T entity, int seenVersion, Action<T> apply, CancellationToken ct)
        where T : class, IVersioned, IAudited
    {
        if (entity.Version != seenVersion)
        {
            return Result<int>.Conflict(await audit.DescribeLatestChangeAsync(entity.AuditRoot, ct));
        }
        apply(entity);
        // The database checks the version too, which catches a save that lands between our read and our write.
        db.Entry(entity).Property(e => e.Version).OriginalValue = seenVersion;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<int>.Conflict(await audit.DescribeLatestChangeAsync(entity.AuditRoot, ct));
        }
        return Result.Ok(entity.Version);
    }
}
