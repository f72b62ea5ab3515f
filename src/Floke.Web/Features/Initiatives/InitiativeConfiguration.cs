using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Features.Initiatives;

public sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.Property(i => i.Title).HasMaxLength(InitiativeRules.TitleMaxLength);
        b.Property(i => i.Summary).HasMaxLength(InitiativeRules.TextMaxLength);
        b.Property(i => i.StopReason).HasMaxLength(InitiativeRules.TextMaxLength);
        b.Property(i => i.GateRequestNote).HasMaxLength(InitiativeRules.NoteMaxLength);
        b.Property(i => i.GateRequestedBy).HasMaxLength(256);
        b.Property(i => i.ContactName).HasMaxLength(200);
        b.Property(i => i.ContactEmail).HasMaxLength(256);
        b.Property(i => i.BudgetNok).HasPrecision(18, 2);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne(i => i.OwnerOrganization).WithMany().HasForeignKey(i => i.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Initiative>().WithMany().HasForeignKey(i => i.InspiredByInitiativeId).OnDelete(DeleteBehavior.SetNull);
        // The portfolio lists published initiatives by stage, newest first; an organisation's page lists its own.
        // Each list index ends in the list's order (UpdatedAt, Id) and then the measures, so that a measure filter is tested in
        // the index on SQLite and only the page's rows are read from the table (20 instead of ~110 at national scale, where
        // one published initiative in 5.5 serves Digitalisation).
        b.HasIndex(i => new { i.Visibility, i.Stage, i.UpdatedAt, i.Id, i.Measures });
        b.HasIndex(i => new { i.Visibility, i.UpdatedAt, i.Id });
        b.HasIndex(i => i.OwnerOrganizationId);
        b.Property(i => i.OwnerCountyNumber).HasMaxLength(2).IsDerived();
        b.Property(i => i.OwnerKind).IsDerived();
        // The portfolio's county and kind filters, at national scale: newest first straight from the index, so a page of 20
        // reads about 20 rows instead of sorting every match.
        b.HasIndex(i => new { i.Visibility, i.OwnerCountyNumber, i.Stage, i.UpdatedAt, i.Id, i.Measures });
        b.HasIndex(i => new { i.Visibility, i.OwnerKind, i.Stage, i.UpdatedAt, i.Id, i.Measures });
    }
}

public sealed class InitiativePartnerConfiguration : IEntityTypeConfiguration<InitiativePartner>
{
    public void Configure(EntityTypeBuilder<InitiativePartner> b)
    {
        b.HasKey(p => new { p.InitiativeId, p.OrganizationId });
        b.HasIndex(p => new { p.OrganizationId, p.Status });
        b.HasOne(p => p.Initiative).WithMany(i => i.Partners).HasForeignKey(p => p.InitiativeId);
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId);
    }
}

public sealed class InitiativeNeedConfiguration : IEntityTypeConfiguration<InitiativeNeed>
{
    public void Configure(EntityTypeBuilder<InitiativeNeed> b)
    {
        b.HasKey(n => new { n.InitiativeId, n.NeedId });
        // The need page lists the initiatives serving it.
        b.HasIndex(n => n.NeedId);
        b.HasOne(n => n.Initiative).WithMany(i => i.Needs).HasForeignKey(n => n.InitiativeId);
        b.HasOne(n => n.Need).WithMany().HasForeignKey(n => n.NeedId);
    }
}

public sealed class GateDecisionConfiguration : IEntityTypeConfiguration<GateDecision>
{
    public void Configure(EntityTypeBuilder<GateDecision> b)
    {
        b.Property(d => d.Rationale).HasMaxLength(InitiativeRules.TextMaxLength);
        b.Property(d => d.DecidedByName).HasMaxLength(256);
        b.HasIndex(d => new { d.InitiativeId, d.Id });
        b.HasOne(d => d.Initiative).WithMany(i => i.GateDecisions).HasForeignKey(d => d.InitiativeId);
    }
}

public sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.Property(l => l.WhatWorked).HasMaxLength(InitiativeRules.TextMaxLength);
        b.Property(l => l.WhatDidNotWork).HasMaxLength(InitiativeRules.TextMaxLength);
        b.Property(l => l.DoDifferently).HasMaxLength(InitiativeRules.TextMaxLength);
        b.Property(l => l.AuthorName).HasMaxLength(256);
        b.HasIndex(l => new { l.InitiativeId, l.Id });
        // The list of lessons, newest first.
        b.HasIndex(l => new { l.CreatedAt, l.Id });
        b.HasOne(l => l.Initiative).WithMany(i => i.Lessons).HasForeignKey(l => l.InitiativeId);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.Property(m => m.Title).HasMaxLength(InitiativeRules.TitleMaxLength);
        b.HasIndex(m => new { m.InitiativeId, m.DueDate });
        b.HasOne(m => m.Initiative).WithMany(i => i.Milestones).HasForeignKey(m => m.InitiativeId);
    }
}
