using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Floke.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    InitiativeId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    TitleTerms = table.Column<string>(type: "text", nullable: true),
                    BodyTerms = table.Column<string>(type: "text", nullable: true),
                    FoldedWords = table.Column<string>(type: "text", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationKind = table.Column<int>(type: "integer", nullable: true),
                    CountyNumber = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Stage = table.Column<int>(type: "integer", nullable: true),
                    Measures = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchWords",
                columns: table => new
                {
                    Word = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reversed = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchWords", x => x.Word);
                });

            migrationBuilder.CreateTable(
                name: "SearchViewers",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
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
            // Full-text search on PostgreSQL: the norwegian configuration stems title (weight A), body (B) and the folded
            // spellings Floke adds for words with æ, ø, å (C), in a generated column with a GIN index.
            migrationBuilder.Sql("ALTER TABLE \"SearchDocuments\" ADD \"Vector\" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('norwegian', \"Title\"), 'A') || setweight(to_tsvector('norwegian', \"Body\"), 'B') || setweight(to_tsvector('norwegian', coalesce(\"FoldedWords\", '')), 'C')) STORED;");
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchDocuments_Vector\" ON \"SearchDocuments\" USING GIN (\"Vector\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchViewers");

            migrationBuilder.DropTable(
                name: "SearchWords");

            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
