using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchMatchSetCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Kept sets are a cache of the index: dropped, and kept again with their highest document id and facet counts
            // when next asked (or at the next rebuild). The matches are stored uncompressed, so that a slice of them is read from its own chunks only.
            migrationBuilder.Sql("""
                DROP TABLE "SearchMatchSets";
                CREATE TABLE "SearchMatchSets" ("Key" text NOT NULL PRIMARY KEY, "Position" text NOT NULL, "LastId" integer NOT NULL, "Counts" bytea NOT NULL, "Matches" bytea NOT NULL);
                ALTER TABLE "SearchMatchSets" ALTER COLUMN "Matches" SET STORAGE EXTERNAL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE "SearchMatchSets";
                CREATE TABLE "SearchMatchSets" ("Key" text NOT NULL PRIMARY KEY, "Position" text NOT NULL, "Matches" bytea NOT NULL);
                """);
        }
    }
}
