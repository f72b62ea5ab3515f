using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchMatchSetCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Kept sets are a cache of the index: dropped, and kept again with their highest document id and facet counts
            // when next asked (or at the next rebuild). The counts come before the matches, so that reading them does not walk the matches' pages.
            migrationBuilder.Sql("""
                DROP TABLE "SearchMatchSets";
                CREATE TABLE "SearchMatchSets" ("Key" TEXT NOT NULL PRIMARY KEY, "Position" TEXT NOT NULL, "LastId" INTEGER NOT NULL, "Counts" BLOB NOT NULL, "Matches" BLOB NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE "SearchMatchSets";
                CREATE TABLE "SearchMatchSets" ("Key" TEXT NOT NULL PRIMARY KEY, "Position" TEXT NOT NULL, "Matches" BLOB NOT NULL);
                """);
        }
    }
}
