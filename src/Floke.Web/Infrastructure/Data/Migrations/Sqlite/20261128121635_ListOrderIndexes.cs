using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_PublishedAt",
                table: "OpenCalls",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Investments_Year",
                table: "Investments",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage_UpdatedAt",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerCountyNumber", "Stage", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage_UpdatedAt",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerKind", "Stage", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_UpdatedAt",
                table: "Experiments",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Barriers_UpdatedAt",
                table: "Barriers",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Adoptions_UpdatedAt",
                table: "Adoptions",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpenCalls_PublishedAt",
                table: "OpenCalls");

            migrationBuilder.DropIndex(
                name: "IX_Investments_Year",
                table: "Investments");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage_UpdatedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage_UpdatedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_UpdatedAt",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Barriers_UpdatedAt",
                table: "Barriers");

            migrationBuilder.DropIndex(
                name: "IX_Adoptions_UpdatedAt",
                table: "Adoptions");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerCountyNumber", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerKind", "Stage" });
        }
    }
}
