using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Features.Experiments;

public sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> b)
    {
        b.Property(e => e.Title).HasMaxLength(ExperimentRules.TitleMaxLength);
        b.Property(e => e.Hypothesis).HasMaxLength(ExperimentRules.TextMaxLength);
        b.Property(e => e.Participants).HasMaxLength(ExperimentRules.TextMaxLength);
        b.Property(e => e.Evidence).HasMaxLength(ExperimentRules.TextMaxLength);
        b.Property(e => e.ActMinistry).HasMaxLength(200);
        b.Property(e => e.SandboxRegulator).HasMaxLength(200);
        b.Property(e => e.SandboxExitReportUrl).HasMaxLength(500);
        b.Property(e => e.ExemptionFromRule).HasMaxLength(500);
        b.Property(e => e.Version).IsConcurrencyToken();
        // An initiative's page lists its experiments; the experiment list filters by status and legal basis.
        b.HasIndex(e => e.InitiativeId);
        b.HasIndex(e => new { e.Status, e.UpdatedAt, e.Id });
        // The unfiltered list, newest first: read from the index's end instead of sorting every experiment.
        b.HasIndex(e => new { e.UpdatedAt, e.Id });
        b.HasIndex(e => new { e.LegalBasis, e.ActEndsOn });
        b.HasOne(e => e.Initiative).WithMany().HasForeignKey(e => e.InitiativeId);
    }
}

public sealed class ExperimentMetricConfiguration : IEntityTypeConfiguration<ExperimentMetric>
{
    public void Configure(EntityTypeBuilder<ExperimentMetric> b)
    {
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Unit).HasMaxLength(50);
        b.Property(m => m.Baseline).HasPrecision(18, 4);
        b.Property(m => m.Target).HasPrecision(18, 4);
        b.Property(m => m.Result).HasPrecision(18, 4);
        b.HasIndex(m => m.ExperimentId);
        b.HasOne(m => m.Experiment).WithMany(e => e.Metrics).HasForeignKey(m => m.ExperimentId);
    }
}
