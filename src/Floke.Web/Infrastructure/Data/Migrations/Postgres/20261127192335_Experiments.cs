using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InitiativeId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hypothesis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Design = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Participants = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LegalBasis = table.Column<int>(type: "integer", nullable: false),
                    ActApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ActMinistry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ActExtended = table.Column<bool>(type: "boolean", nullable: false),
                    SandboxRegulator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SandboxAdmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SandboxExitReportUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExemptionFromRule = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExperimentId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Result = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
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
