using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Search;

/// <summary>SQLite's full-text index over the search documents: an external-content FTS5 table over the terms Floke's
/// Norwegian analyser wrote (<see cref="NorwegianText"/>), kept in step by triggers. The migration creates them; a full
/// rebuild drops the insert trigger, bulk-writes the documents and builds the index in one pass (FTS5 'rebuild'), which at
/// national scale is a hundred times faster than indexing row by row into a growing index.</summary>
public static class SqliteSearchSql
{
    public const string CreateTable = "CREATE VIRTUAL TABLE \"SearchFts\" USING fts5(\"TitleTerms\", \"BodyTerms\", content='SearchDocuments', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');";

    public const string CreateInsertTrigger = "CREATE TRIGGER IF NOT EXISTS \"SearchDocuments_ai\" AFTER INSERT ON \"SearchDocuments\" BEGIN INSERT INTO \"SearchFts\"(rowid, \"TitleTerms\", \"BodyTerms\") VALUES (new.\"Id\", new.\"TitleTerms\", new.\"BodyTerms\"); END;";

    public const string CreateDeleteTrigger = "CREATE TRIGGER IF NOT EXISTS \"SearchDocuments_ad\" AFTER DELETE ON \"SearchDocuments\" BEGIN INSERT INTO \"SearchFts\"(\"SearchFts\", rowid, \"TitleTerms\", \"BodyTerms\") VALUES ('delete', old.\"Id\", old.\"TitleTerms\", old.\"BodyTerms\"); END;";

    public const string CreateUpdateTrigger = "CREATE TRIGGER IF NOT EXISTS \"SearchDocuments_au\" AFTER UPDATE ON \"SearchDocuments\" BEGIN INSERT INTO \"SearchFts\"(\"SearchFts\", rowid, \"TitleTerms\", \"BodyTerms\") VALUES ('delete', old.\"Id\", old.\"TitleTerms\", old.\"BodyTerms\"); INSERT INTO \"SearchFts\"(rowid, \"TitleTerms\", \"BodyTerms\") VALUES (new.\"Id\", new.\"TitleTerms\", new.\"BodyTerms\"); END;";

    public const string DropTriggers = "DROP TRIGGER IF EXISTS \"SearchDocuments_ai\"; DROP TRIGGER IF EXISTS \"SearchDocuments_ad\"; DROP TRIGGER IF EXISTS \"SearchDocuments_au\";";

    /// <summary>How many of the three triggers above the database has.</summary>
    public const string CountTriggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('SearchDocuments_ai', 'SearchDocuments_ad', 'SearchDocuments_au')";

    public static async Task CreateTriggersAsync(Infrastructure.Data.FlokeDbContext db, CancellationToken ct)
    {
        foreach (var trigger in new[] { CreateInsertTrigger, CreateDeleteTrigger, CreateUpdateTrigger })
        {
            await db.Database.ExecuteSqlRawAsync(trigger, ct);
        }
    }

    /// <summary>What a search counts and filters by, beside each document's id: a search joins every match to it, and at
    /// national scale a common word has tens of thousands of matches. Read from this narrow index (a hundred entries a page)
    /// instead of the documents' rows (a few a page, with their texts) the join took a third of the time (78 → 28 ms for
    /// 80,000 matches). SQLite does not choose it for a join on the row id by itself, so the search names it.</summary>
    public const string FacetsIndex = "IX_SearchDocuments_Facets";

    /// <summary>A document's facets packed into one number (see <c>SearchQueries.Match</c> for the layout): a generated
    /// column SQLite computes when it is read, kept computed in <see cref="FacetsIndex"/>. Reading it there instead of
    /// computing it from six columns for every match took a third off the join of a common word's matches (the sqlite3
    /// shell's CPU time for joining 59,000 matches: 52–60 → 36–40 ms). Not in Floke's EF Core model: EF Core neither
    /// writes nor reads it, and an organisation's new kind or county is in it at once. County numbers are the official two
    /// digits (checked when an organisation is saved).</summary>
    public const string AddFacetsColumn = "ALTER TABLE \"SearchDocuments\" ADD COLUMN \"Facets\" INTEGER GENERATED ALWAYS AS (\"Kind\" | (ifnull(\"OrganizationKind\" + 1, 0) << 4) | (ifnull(\"Stage\" + 1, 0) << 8) | (ifnull(CAST(\"CountyNumber\" AS INTEGER), 0) << 12) | (\"Measures\" << 20) | (\"Year\" << 36)) VIRTUAL;";

    public const string CreateFacetsIndex = "CREATE INDEX IF NOT EXISTS \"" + FacetsIndex + "\" ON \"SearchDocuments\" (\"Id\", \"IsPublic\", \"Facets\");";

    /// <summary>The index as it was before <see cref="AddFacetsColumn"/> (for migrating down).</summary>
    public const string CreateFacetsIndexOfSixColumns = "CREATE INDEX IF NOT EXISTS \"" + FacetsIndex + "\" ON \"SearchDocuments\" (\"Id\", \"IsPublic\", \"Kind\", \"OrganizationKind\", \"CountyNumber\", \"Stage\", \"Measures\", \"Year\");";

    public const string DropFacetsIndex = "DROP INDEX IF EXISTS \"" + FacetsIndex + "\";";

    public const string Rebuild = "INSERT INTO \"SearchFts\"(\"SearchFts\") VALUES ('rebuild');";
}
