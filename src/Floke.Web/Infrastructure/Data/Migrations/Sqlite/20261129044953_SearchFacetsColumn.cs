using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchFacetsColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.DropFacetsIndex);
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.AddFacetsColumn);
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.CreateFacetsIndex);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.DropFacetsIndex);
            migrationBuilder.Sql("ALTER TABLE \"SearchDocuments\" DROP COLUMN \"Facets\";");
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.CreateFacetsIndexOfSixColumns);
        }
    }
}
