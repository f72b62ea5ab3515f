using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Features.Needs;

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.Property(n => n.Title).HasMaxLength(NeedRules.TitleMaxLength);
        b.Property(n => n.UserExperience).HasMaxLength(NeedRules.TextMaxLength);
        b.Property(n => n.CurrentSituation).HasMaxLength(NeedRules.TextMaxLength);
        b.Property(n => n.Version).IsConcurrencyToken();
        // The public list shows published needs newest first. Like every list index it ends in the list's tie-breaker (Id):
        // PostgreSQL reads a page in index order only when the index holds the whole ORDER BY, and otherwise sorts every
        // row that ties with the page's last (needs published the same day, initiatives of the same year: thousands).
        // SQLite's indexes end in the row id anyway.
        b.HasIndex(n => new { n.Status, n.PublishedAt, n.Id });
    }
}

public sealed class NeedOwnerConfiguration : IEntityTypeConfiguration<NeedOwner>
{
    public void Configure(EntityTypeBuilder<NeedOwner> b)
    {
        b.HasKey(o => new { o.NeedId, o.OrganizationId });
        b.HasIndex(o => new { o.OrganizationId, o.Status });
        b.HasOne(o => o.Need).WithMany(n => n.Owners).HasForeignKey(o => o.NeedId);
        b.HasOne(o => o.Organization).WithMany().HasForeignKey(o => o.OrganizationId);
    }
}
