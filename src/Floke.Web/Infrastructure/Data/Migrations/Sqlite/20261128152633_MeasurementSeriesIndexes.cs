using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasurementSeriesIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Measurements_BenefitId_Date",
                table: "Measurements");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_BenefitId_Date_RecordedAt_Id",
                table: "Measurements",
                columns: new[] { "BenefitId", "Date", "RecordedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_BenefitId_Value",
                table: "Measurements",
                columns: new[] { "BenefitId", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Measurements_BenefitId_Date_RecordedAt_Id",
                table: "Measurements");

            migrationBuilder.DropIndex(
                name: "IX_Measurements_BenefitId_Value",
                table: "Measurements");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_BenefitId_Date",
                table: "Measurements",
                columns: new[] { "BenefitId", "Date" });
        }
    }
}
