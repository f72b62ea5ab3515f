using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchMatchSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Floke.Web.Features.Search.SearchMatchStore.SqliteCreateTables);
            migrationBuilder.Sql(Floke.Web.Features.Search.SearchMatchStore.SqliteCreateTriggers);
            migrationBuilder.Sql(Floke.Web.Features.Search.SearchMatchStore.SqliteCreateVocabulary);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Floke.Web.Features.Search.SearchMatchStore.SqliteDrop);
        }
    }
}
