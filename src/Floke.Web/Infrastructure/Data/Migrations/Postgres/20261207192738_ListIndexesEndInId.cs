using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexesEndInId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_OrganizationId_UpdatedAt",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_CountyNumber_Name",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Kind_Name",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Name",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_OpenCalls_PublishedAt",
                table: "OpenCalls");

            migrationBuilder.DropIndex(
                name: "IX_OpenCalls_Status_Deadline",
                table: "OpenCalls");

            migrationBuilder.DropIndex(
                name: "IX_OpenCalls_Status_PublishedAt",
                table: "OpenCalls");

            migrationBuilder.DropIndex(
                name: "IX_Needs_Status_PublishedAt",
                table: "Needs");

            migrationBuilder.DropIndex(
                name: "IX_Lessons_CreatedAt",
                table: "Lessons");

            migrationBuilder.DropIndex(
                name: "IX_Investments_OrganizationId_Year",
                table: "Investments");

            migrationBuilder.DropIndex(
                name: "IX_Investments_Year",
                table: "Investments");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_UpdatedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_Status_UpdatedAt",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_UpdatedAt",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Barriers_Status_UpdatedAt",
                table: "Barriers");

            migrationBuilder.DropIndex(
                name: "IX_Barriers_UpdatedAt",
                table: "Barriers");

            migrationBuilder.DropIndex(
                name: "IX_Adoptions_UpdatedAt",
                table: "Adoptions");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OrganizationId_UpdatedAt_Id",
                table: "Proposals",
                columns: new[] { "OrganizationId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CountyNumber_Name_Id",
                table: "Organizations",
                columns: new[] { "CountyNumber", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Kind_Name_Id",
                table: "Organizations",
                columns: new[] { "Kind", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name_Id",
                table: "Organizations",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_PublishedAt_Id",
                table: "OpenCalls",
                columns: new[] { "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_Status_Deadline_Id",
                table: "OpenCalls",
                columns: new[] { "Status", "Deadline", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_Status_PublishedAt_Id",
                table: "OpenCalls",
                columns: new[] { "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_Status_PublishedAt_Id",
                table: "Needs",
                columns: new[] { "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_CreatedAt_Id",
                table: "Lessons",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Investments_OrganizationId_Year_Id",
                table: "Investments",
                columns: new[] { "OrganizationId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Investments_Year_Id",
                table: "Investments",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_UpdatedAt_Id",
                table: "Initiatives",
                columns: new[] { "Visibility", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Status_UpdatedAt_Id",
                table: "Experiments",
                columns: new[] { "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_UpdatedAt_Id",
                table: "Experiments",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Barriers_Status_UpdatedAt_Id",
                table: "Barriers",
                columns: new[] { "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Barriers_UpdatedAt_Id",
                table: "Barriers",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Adoptions_UpdatedAt_Id",
                table: "Adoptions",
                columns: new[] { "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_OrganizationId_UpdatedAt_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_CountyNumber_Name_Id",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Kind_Name_Id",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Name_Id",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_OpenCalls_PublishedAt_Id",
                table: "OpenCalls");

            migrationBuilder.DropIndex(
                name: "IX_OpenCalls_Status_Deadline_Id",
                table: "OpenCalls");

            migrationBuilder.DropIndex(
                name: "IX_OpenCalls_Status_PublishedAt_Id",
                table: "OpenCalls");

            migrationBuilder.DropIndex(
                name: "IX_Needs_Status_PublishedAt_Id",
                table: "Needs");

            migrationBuilder.DropIndex(
                name: "IX_Lessons_CreatedAt_Id",
                table: "Lessons");

            migrationBuilder.DropIndex(
                name: "IX_Investments_OrganizationId_Year_Id",
                table: "Investments");

            migrationBuilder.DropIndex(
                name: "IX_Investments_Year_Id",
                table: "Investments");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Visibility_UpdatedAt_Id",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_Status_UpdatedAt_Id",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_UpdatedAt_Id",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Barriers_Status_UpdatedAt_Id",
                table: "Barriers");

            migrationBuilder.DropIndex(
                name: "IX_Barriers_UpdatedAt_Id",
                table: "Barriers");

            migrationBuilder.DropIndex(
                name: "IX_Adoptions_UpdatedAt_Id",
                table: "Adoptions");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OrganizationId_UpdatedAt",
                table: "Proposals",
                columns: new[] { "OrganizationId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CountyNumber_Name",
                table: "Organizations",
                columns: new[] { "CountyNumber", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Kind_Name",
                table: "Organizations",
                columns: new[] { "Kind", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name",
                table: "Organizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_PublishedAt",
                table: "OpenCalls",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_Status_Deadline",
                table: "OpenCalls",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenCalls_Status_PublishedAt",
                table: "OpenCalls",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_Status_PublishedAt",
                table: "Needs",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_CreatedAt",
                table: "Lessons",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Investments_OrganizationId_Year",
                table: "Investments",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Investments_Year",
                table: "Investments",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Visibility_UpdatedAt",
                table: "Initiatives",
                columns: new[] { "Visibility", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Status_UpdatedAt",
                table: "Experiments",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_UpdatedAt",
                table: "Experiments",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Barriers_Status_UpdatedAt",
                table: "Barriers",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Barriers_UpdatedAt",
                table: "Barriers",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Adoptions_UpdatedAt",
                table: "Adoptions",
                column: "UpdatedAt");
        }
    }
}
