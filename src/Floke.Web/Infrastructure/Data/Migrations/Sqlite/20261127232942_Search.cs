using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: true),
                    BodyTerms = table.Column<string>(type: "TEXT", nullable: true),
                    FoldedWords = table.Column<string>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationKind = table.Column<int>(type: "INTEGER", nullable: true),
                    CountyNumber = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: true),
                    Measures = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchWords",
                columns: table => new
                {
                    Word = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Reversed = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchWords", x => x.Word);
                });

            migrationBuilder.CreateTable(
                name: "SearchViewers",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchViewers", x => new { x.DocumentId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_SearchViewers_SearchDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "SearchDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_InitiativeId",
                table: "SearchDocuments",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_ItemId",
                table: "SearchDocuments",
                columns: new[] { "Kind", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_OwnerOrganizationId",
                table: "SearchDocuments",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchViewers_OrganizationId_DocumentId",
                table: "SearchViewers",
                columns: new[] { "OrganizationId", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchWords_Reversed",
                table: "SearchWords",
                column: "Reversed");
            // Full-text search on SQLite: an FTS5 index over the terms Floke's Norwegian analyser wrote (NorwegianText), kept in
            // step with SearchDocuments by triggers. A later migration that rebuilds SearchDocuments must recreate these.
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.CreateTable);
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.CreateInsertTrigger);
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.CreateDeleteTrigger);
            migrationBuilder.Sql(Floke.Web.Features.Search.SqliteSearchSql.CreateUpdateTrigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchFts\";");
            migrationBuilder.DropTable(
                name: "SearchViewers");

            migrationBuilder.DropTable(
                name: "SearchWords");

            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
