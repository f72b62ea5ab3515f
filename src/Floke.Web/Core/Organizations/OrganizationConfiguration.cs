using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Core.Organizations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(OrganizationRules.NameMaxLength);
        b.Property(o => o.OrganizationNumber).HasMaxLength(9).IsFixedLength();
        b.HasIndex(o => o.OrganizationNumber).IsUnique();
        b.Property(o => o.MunicipalityNumber).HasMaxLength(4);
        b.Property(o => o.CountyNumber).HasMaxLength(2);
        b.Property(o => o.Description).HasMaxLength(OrganizationRules.DescriptionMaxLength);
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.Name, o.Id });
        b.HasIndex(o => new { o.Kind, o.Name, o.Id });
        b.HasIndex(o => new { o.CountyNumber, o.Name, o.Id });
    }
}

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
        b.HasIndex(m => new { m.UserId, m.Status });
        b.HasOne(m => m.Organization).WithMany(o => o.Memberships).HasForeignKey(m => m.OrganizationId);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
    }
}
