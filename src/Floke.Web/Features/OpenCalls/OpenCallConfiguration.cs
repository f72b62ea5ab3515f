using Floke.Web.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Features.OpenCalls;

public sealed class OpenCallConfiguration : IEntityTypeConfiguration<OpenCall>
{
    public void Configure(EntityTypeBuilder<OpenCall> b)
    {
        b.Property(c => c.Title).HasMaxLength(OpenCallRules.TitleMaxLength);
        b.Property(c => c.Challenge).HasMaxLength(OpenCallRules.TextMaxLength);
        b.Property(c => c.Requirements).HasMaxLength(OpenCallRules.TextMaxLength);
        b.Property(c => c.CancelReason).HasMaxLength(OpenCallRules.ReasonMaxLength);
        b.Property(c => c.AwardRationale).HasMaxLength(OpenCallRules.ReasonMaxLength);
        b.Property(c => c.BudgetNok).HasPrecision(18, 2);
        b.Property(c => c.OwnerCountyNumber).HasMaxLength(2);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Need).WithMany().HasForeignKey(c => c.NeedId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Proposal>().WithMany().HasForeignKey(c => c.AwardedProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Criteria).WithOne().HasForeignKey(x => x.OpenCallId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Jury).WithOne().HasForeignKey(j => j.OpenCallId).OnDelete(DeleteBehavior.Cascade);
        // The public list: calls open now by deadline, and the rest newest first.
        b.HasIndex(c => new { c.Status, c.Deadline, c.Id });
        b.HasIndex(c => new { c.Status, c.PublishedAt, c.Id });
        b.HasIndex(c => new { c.PublishedAt, c.Id });
        b.HasIndex(c => c.OwnerOrganizationId);
        b.HasIndex(c => c.NeedId);
    }
}

public sealed class OpenCallCriterionConfiguration : IEntityTypeConfiguration<OpenCallCriterion>
{
    public void Configure(EntityTypeBuilder<OpenCallCriterion> b)
    {
        b.Property(x => x.Name).HasMaxLength(OpenCallRules.CriterionNameMaxLength);
        b.Property(x => x.Description).HasMaxLength(OpenCallRules.CriterionDescriptionMaxLength);
    }
}

public sealed class JuryMemberConfiguration : IEntityTypeConfiguration<JuryMember>
{
    public void Configure(EntityTypeBuilder<JuryMember> b)
    {
        b.HasKey(j => new { j.OpenCallId, j.UserId });
        b.HasIndex(j => j.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.Property(p => p.Title).HasMaxLength(OpenCallRules.TitleMaxLength);
        b.Property(p => p.Solution).HasMaxLength(OpenCallRules.TextMaxLength);
        b.Property(p => p.PriceNok).HasPrecision(18, 2);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.OpenCall).WithMany().HasForeignKey(p => p.OpenCallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Scores).WithOne().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.OpenCallId, p.Status });
        b.HasIndex(p => new { p.OrganizationId, p.UpdatedAt, p.Id });
    }
}

public sealed class ProposalScoreConfiguration : IEntityTypeConfiguration<ProposalScore>
{
    public void Configure(EntityTypeBuilder<ProposalScore> b)
    {
        b.HasKey(s => new { s.ProposalId, s.CriterionId, s.UserId });
        b.Property(s => s.Comment).HasMaxLength(OpenCallRules.CommentMaxLength);
        b.HasIndex(s => s.OpenCallId);
        b.HasIndex(s => s.CriterionId);
        b.HasOne<OpenCallCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
