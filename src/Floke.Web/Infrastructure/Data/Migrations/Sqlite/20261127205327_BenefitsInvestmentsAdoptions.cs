using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BenefitsInvestmentsAdoptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Adoptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdopterOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AbandonReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Adaptations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adoptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Adoptions_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Adoptions_Organizations_AdopterOrganizationId",
                        column: x => x.AdopterOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Investments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountNok = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PersonHours = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Investments_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Investments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Benefits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdoptionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDisbenefit = table.Column<bool>(type: "INTEGER", nullable: false),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    BaselineDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BeneficiaryOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    BeneficiaryGroup = table.Column<int>(type: "INTEGER", nullable: true),
                    LatestValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    LatestDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RealisedValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    MeasurementCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Benefits_Adoptions_AdoptionId",
                        column: x => x.AdoptionId,
                        principalTable: "Adoptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Benefits_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Benefits_Organizations_BeneficiaryOrganizationId",
                        column: x => x.BeneficiaryOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Measurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BenefitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RealisedDelta = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measurements_Benefits_BenefitId",
                        column: x => x.BenefitId,
                        principalTable: "Benefits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Adoptions_AdopterOrganizationId_Status",
                table: "Adoptions",
                columns: new[] { "AdopterOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Adoptions_InitiativeId_AdopterOrganizationId",
                table: "Adoptions",
                columns: new[] { "InitiativeId", "AdopterOrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Adoptions_Status_InitiativeId",
                table: "Adoptions",
                columns: new[] { "Status", "InitiativeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_AdoptionId",
                table: "Benefits",
                column: "AdoptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_BeneficiaryGroup_Kind",
                table: "Benefits",
                columns: new[] { "BeneficiaryGroup", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_BeneficiaryOrganizationId_Kind",
                table: "Benefits",
                columns: new[] { "BeneficiaryOrganizationId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_InitiativeId_AdoptionId",
                table: "Benefits",
                columns: new[] { "InitiativeId", "AdoptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Investments_InitiativeId_OrganizationId_Year",
                table: "Investments",
                columns: new[] { "InitiativeId", "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Investments_OrganizationId_Year",
                table: "Investments",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_BenefitId_Date",
                table: "Measurements",
                columns: new[] { "BenefitId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_Date",
                table: "Measurements",
                column: "Date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Investments");

            migrationBuilder.DropTable(
                name: "Measurements");

            migrationBuilder.DropTable(
                name: "Benefits");

            migrationBuilder.DropTable(
                name: "Adoptions");
        }
    }
}
