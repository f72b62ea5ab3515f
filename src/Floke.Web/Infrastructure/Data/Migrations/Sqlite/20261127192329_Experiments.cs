using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Experiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Experiments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Hypothesis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Design = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LegalBasis = table.Column<int>(type: "INTEGER", nullable: false),
                    ActApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActMinistry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActExtended = table.Column<bool>(type: "INTEGER", nullable: false),
                    SandboxRegulator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SandboxAdmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SandboxExitReportUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ExemptionFromRule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experiments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Experiments_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentMetrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExperimentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Baseline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Result = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentMetrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentMetrics_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentMetrics_ExperimentId",
                table: "ExperimentMetrics",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_InitiativeId",
                table: "Experiments",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_LegalBasis_ActEndsOn",
                table: "Experiments",
                columns: new[] { "LegalBasis", "ActEndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Status_UpdatedAt",
                table: "Experiments",
                columns: new[] { "Status", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExperimentMetrics");

            migrationBuilder.DropTable(
                name: "Experiments");
        }
    }
}
