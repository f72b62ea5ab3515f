using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Features.Barriers;

public sealed class BarrierConfiguration : IEntityTypeConfiguration<Barrier>
{
    public void Configure(EntityTypeBuilder<Barrier> b)
    {
        b.Property(x => x.Rule).HasMaxLength(BarrierRules.RuleMaxLength);
        b.Property(x => x.RuleKey).HasMaxLength(BarrierRules.RuleMaxLength);
        b.Property(x => x.Section).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(BarrierRules.TextMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId);
        b.HasOne(x => x.ResponsibleOrganization).WithMany().HasForeignKey(x => x.ResponsibleOrganizationId).OnDelete(DeleteBehavior.SetNull);
        // The register groups by rule and by responsible body; an initiative lists its own.
        b.HasIndex(x => x.RuleKey);
        b.HasIndex(x => new { x.ResponsibleOrganizationId, x.Status });
        b.HasIndex(x => x.InitiativeId);
        b.HasIndex(x => new { x.Status, x.UpdatedAt, x.Id });
        // The unfiltered list, newest first.
        b.HasIndex(x => new { x.UpdatedAt, x.Id });
    }
}

public sealed class BarrierStepConfiguration : IEntityTypeConfiguration<BarrierStep>
{
    public void Configure(EntityTypeBuilder<BarrierStep> b)
    {
        b.Property(x => x.Note).HasMaxLength(BarrierRules.TextMaxLength);
        b.Property(x => x.ByName).HasMaxLength(256);
        b.HasIndex(x => new { x.BarrierId, x.Id });
        b.HasOne(x => x.Barrier).WithMany(x => x.Steps).HasForeignKey(x => x.BarrierId);
    }
}
