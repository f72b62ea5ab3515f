using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Features.Adoptions;

public sealed class AdoptionConfiguration : IEntityTypeConfiguration<Adoption>
{
    public void Configure(EntityTypeBuilder<Adoption> b)
    {
        b.Property(x => x.AbandonReason).HasMaxLength(AdoptionRules.TextMaxLength);
        b.Property(x => x.Adaptations).HasMaxLength(AdoptionRules.TextMaxLength);
        b.Property(x => x.ContactName).HasMaxLength(200);
        b.Property(x => x.ContactEmail).HasMaxLength(256);
        b.Property(x => x.ConfirmedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId);
        b.HasOne(x => x.AdopterOrganization).WithMany().HasForeignKey(x => x.AdopterOrganizationId).OnDelete(DeleteBehavior.Restrict);
        // An organisation adopts a solution once; its status changes after that.
        b.HasIndex(x => new { x.InitiativeId, x.AdopterOrganizationId }).IsUnique();
        b.HasIndex(x => new { x.AdopterOrganizationId, x.Status });
        b.HasIndex(x => new { x.Status, x.InitiativeId });
        // The list, newest first.
        b.HasIndex(x => new { x.UpdatedAt, x.Id });
    }
}
