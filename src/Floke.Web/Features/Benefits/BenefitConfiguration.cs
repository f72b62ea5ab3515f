using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Features.Benefits;

public sealed class BenefitConfiguration : IEntityTypeConfiguration<Benefit>
{
    public void Configure(EntityTypeBuilder<Benefit> b)
    {
        b.Property(x => x.Description).HasMaxLength(BenefitRules.DescriptionMaxLength);
        b.Property(x => x.Unit).HasMaxLength(BenefitRules.UnitMaxLength);
        b.Property(x => x.ResponsibleName).HasMaxLength(200);
        foreach (var value in new[] { nameof(Benefit.BaselineValue), nameof(Benefit.TargetValue), nameof(Benefit.LatestValue), nameof(Benefit.RealisedValue) })
        {
            b.Property(value).HasPrecision(18, 4);
        }
        b.Property(x => x.LatestValue).IsDerived();
        b.Property(x => x.LatestDate).IsDerived();
        b.Property(x => x.RealisedValue).IsDerived();
        b.Property(x => x.MeasurementCount).IsDerived();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.PlannedValue);
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId);
        b.HasOne(x => x.Adoption).WithMany().HasForeignKey(x => x.AdoptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.BeneficiaryOrganization).WithMany().HasForeignKey(x => x.BeneficiaryOrganizationId).OnDelete(DeleteBehavior.Restrict);
        // An initiative lists its benefits; who-invests-who-gains and each organisation's page sum by where gains land.
        b.HasIndex(x => new { x.InitiativeId, x.AdoptionId });
        b.HasIndex(x => x.AdoptionId);
        b.HasIndex(x => new { x.BeneficiaryOrganizationId, x.Kind });
        b.HasIndex(x => new { x.BeneficiaryGroup, x.Kind });
    }
}

public sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> b)
    {
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.RealisedDelta).HasPrecision(18, 4);
        b.Property(x => x.Source).HasMaxLength(BenefitRules.SourceMaxLength);
        b.Property(x => x.Note).HasMaxLength(BenefitRules.NoteMaxLength);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasOne(x => x.Benefit).WithMany(x => x.Measurements).HasForeignKey(x => x.BenefitId).OnDelete(DeleteBehavior.Cascade);
        // A benefit's series in its order (the table's pages newest first, the chart's latest value before a date).
        b.HasIndex(x => new { x.BenefitId, x.Date, x.RecordedAt, x.Id });
        // The chart's scale: the lowest and highest value of a benefit, each found by one seek however long its series.
        b.HasIndex(x => new { x.BenefitId, x.Value });
        // Gains realised in a period are summed over measurements by date.
        b.HasIndex(x => x.Date);
    }
}

public sealed class InvestmentConfiguration : IEntityTypeConfiguration<Investment>
{
    public void Configure(EntityTypeBuilder<Investment> b)
    {
        b.Property(x => x.AmountNok).HasPrecision(18, 2);
        b.Property(x => x.PersonHours).HasPrecision(18, 2);
        b.Property(x => x.Note).HasMaxLength(BenefitRules.NoteMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One row per organisation and year in an initiative; edits change it.
        b.HasIndex(x => new { x.InitiativeId, x.OrganizationId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Year, x.Id });
        // The list, latest year first.
        b.HasIndex(x => new { x.Year, x.Id });
    }
}
