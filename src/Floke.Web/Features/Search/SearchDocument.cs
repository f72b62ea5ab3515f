using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Floke.Web.Features.Search;

/// <summary>What a search result is.</summary>
public enum SearchKind
{
    Need = 1,
    Initiative = 2,
    Experiment = 3,
    Lesson = 4,
    Barrier = 5,
    Organization = 6,
    OpenCall = 7,
}

/// <summary>One searchable item, kept by <see cref="SearchIndexer"/> whenever its source changes. The words are searched
/// by PostgreSQL's <c>norwegian</c> text search (a generated, GIN-indexed <c>tsvector</c> over Title, Body and
/// FoldedWords) or by SQLite's FTS5 (a table <c>SearchFts</c> over TitleTerms and BodyTerms, analysed by
/// <see cref="NorwegianText"/>, kept in step by triggers). Each provider's indexer fills only the columns its engine
/// reads. Never holds people's names or contact details.</summary>
public sealed class SearchDocument
{
    public int Id { get; set; }
    public SearchKind Kind { get; set; }
    public int ItemId { get; set; }
    /// <summary>The initiative an initiative, experiment, lesson or barrier belongs to (they follow its visibility).</summary>
    public int? InitiativeId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? TitleTerms { get; set; }
    public string? BodyTerms { get; set; }
    public string? FoldedWords { get; set; }
    /// <summary>Public items are found by everyone; others only by members of <see cref="Viewers"/>.</summary>
    public bool IsPublic { get; set; }
    public int? OwnerOrganizationId { get; set; }
    public OrganizationKind? OrganizationKind { get; set; }
    public string? CountyNumber { get; set; }
    public InitiativeStage? Stage { get; set; }
    public Measures Measures { get; set; }
    public int Year { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<SearchViewer> Viewers { get; set; } = [];
}

/// <summary>An organisation whose members may find a document that is not public (a draft's owners and partners).</summary>
public sealed class SearchViewer
{
    public int DocumentId { get; set; }
    public int OrganizationId { get; set; }
}

/// <summary>A long word that occurs in indexed text, folded: what a misspelt query word is corrected towards.
/// <see cref="Reversed"/> lets a word whose first letters are wrong be found by its last ones.</summary>
public sealed class SearchWord
{
    public required string Word { get; set; }
    public required string Reversed { get; set; }
}

public sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        b.Property(d => d.Title).HasMaxLength(400);
        b.Property(d => d.CountyNumber).HasMaxLength(2);
        b.HasIndex(d => new { d.Kind, d.ItemId }).IsUnique();
        b.HasIndex(d => d.InitiativeId);
        b.HasIndex(d => d.OwnerOrganizationId);
        b.HasMany(d => d.Viewers).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SearchViewerConfiguration : IEntityTypeConfiguration<SearchViewer>
{
    public void Configure(EntityTypeBuilder<SearchViewer> b)
    {
        b.HasKey(v => new { v.DocumentId, v.OrganizationId });
        b.HasIndex(v => new { v.OrganizationId, v.DocumentId });
    }
}

public sealed class SearchWordConfiguration : IEntityTypeConfiguration<SearchWord>
{
    public void Configure(EntityTypeBuilder<SearchWord> b)
    {
        b.HasKey(w => w.Word);
        b.Property(w => w.Word).HasMaxLength(60);
        b.Property(w => w.Reversed).HasMaxLength(60);
        b.HasIndex(w => w.Reversed);
    }
}
