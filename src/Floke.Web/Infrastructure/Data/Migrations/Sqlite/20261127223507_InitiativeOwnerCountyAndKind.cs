using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitiativeOwnerCountyAndKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerCountyNumber",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OwnerKind",
                table: "Initiatives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerCountyNumber", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage",
                table: "Initiatives",
                columns: new[] { "Visibility", "OwnerKind", "Stage" });

            // Fill the new columns from each initiative's owner.
            migrationBuilder.Sql("UPDATE \"Initiatives\" SET \"OwnerCountyNumber\" = (SELECT o.\"CountyNumber\" FROM \"Organizations\" o WHERE o.\"Id\" = \"Initiatives\".\"OwnerOrganizationId\"), \"OwnerKind\" = (SELECT o.\"Kind\" FROM \"Organizations\" o WHERE o.\"Id\" = \"Initiatives\".\"OwnerOrganizationId\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerCountyNumber_Stage",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_OwnerKind_Stage",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "OwnerCountyNumber",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "OwnerKind",
                table: "Initiatives");
        }
    }
}
