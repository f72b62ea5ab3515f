using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexesEndInMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage_UpdatedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage_UpdatedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_Stage_UpdatedAt",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage_UpdatedAt_Id~",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerCountyNumber", "Stage", "UpdatedAt", "Id", "Measures" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage_UpdatedAt_Id_Measures",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerKind", "Stage", "UpdatedAt", "Id", "Measures" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_Stage_UpdatedAt_Id_Measures",
                table: "Initiatives",
                columns: new[] { "Visibility", "Stage", "UpdatedAt", "Id", "Measures" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage_UpdatedAt_Id~",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage_UpdatedAt_Id_Measures",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_Stage_UpdatedAt_Id_Measures",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage_UpdatedAt",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerCountyNumber", "Stage", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage_UpdatedAt",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerKind", "Stage", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_Stage_UpdatedAt",
                table: "Initiatives",
                columns: new[] { "Visibility", "Stage", "UpdatedAt" });
        }
    }
}
