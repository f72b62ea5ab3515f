using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JuryMembers",
                columns: table => new
                {
                    OpenCallId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryMembers", x => new { x.OpenCallId, x.UserId });
                    table.ForeignKey(
                        name: "FK_JuryMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenCallCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpenCallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenCallCriteria", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Challenge = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BudgetNok = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AwardedProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    AwardRationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerKind = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerCountyNumber = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenCalls_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OpenCalls_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpenCallId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Solution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PriceNok = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_OpenCalls_OpenCallId",
                        column: x => x.OpenCallId,
                        principalTable: "OpenCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalScores",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    OpenCallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalScores", x => new { x.ProposalId, x.CriterionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProposalScores_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalScores_OpenCallCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "OpenCallCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalScores_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JuryMembers_UserId",
                table: "JuryMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenCallCriteria_OpenCallId",
                table: "OpenCallCriteria",
                column: "OpenCallId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_AwardedProposalId",
                table: "OpenCalls",
                column: "AwardedProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_NeedId",
                table: "OpenCalls",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_OwnerOrganizationId",
                table: "OpenCalls",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_Status_Deadline",
                table: "OpenCalls",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_Status_PublishedAt",
                table: "OpenCalls",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OpenCallId_Status",
                table: "Proposals",
                columns: new[] { "OpenCallId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OrganizationId_UpdatedAt",
                table: "Proposals",
                columns: new[] { "OrganizationId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalScores_CriterionId",
                table: "ProposalScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalScores_OpenCallId",
                table: "ProposalScores",
                column: "OpenCallId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalScores_UserId",
                table: "ProposalScores",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_JuryMembers_OpenCalls_OpenCallId",
                table: "JuryMembers",
                column: "OpenCallId",
                principalTable: "OpenCalls",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OpenCallCriteria_OpenCalls_OpenCallId",
                table: "OpenCallCriteria",
                column: "OpenCallId",
                principalTable: "OpenCalls",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OpenCalls_Proposals_AwardedProposalId",
                table: "OpenCalls",
                column: "AwardedProposalId",
                principalTable: "Proposals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Proposals_OpenCalls_OpenCallId",
                table: "Proposals");

            migrationBuilder.DropTable(
                name: "JuryMembers");

            migrationBuilder.DropTable(
                name: "ProposalScores");

            migrationBuilder.DropTable(
                name: "OpenCallCriteria");

            migrationBuilder.DropTable(
                name: "OpenCalls");

            migrationBuilder.DropTable(
                name: "Proposals");
        }
    }
}
