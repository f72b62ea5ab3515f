using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchMatchSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Floke.Web.Features.Search.SearchMatchStore.PostgresCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Floke.Web.Features.Search.SearchMatchStore.PostgresDrop);
        }
    }
}
