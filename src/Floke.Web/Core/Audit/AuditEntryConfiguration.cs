using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Core.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.RootType).HasMaxLength(100);
        b.Property(a => a.RootId).HasMaxLength(100);
        b.Property(a => a.UserName).HasMaxLength(256);
        // A history page reads one object's entries, newest first.
        b.HasIndex(a => new { a.RootType, a.RootId, a.Id });
    }
}
