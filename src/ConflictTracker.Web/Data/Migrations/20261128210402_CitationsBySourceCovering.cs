using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <summary>
    /// A search by source title finds the citing claims from the index on citations.source_id alone
    /// (index-only scan, docs/performance.md).
    /// </summary>
    public partial class CitationsBySourceCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_citations_source_id",
                table: "citations");

            migrationBuilder.CreateIndex(
                name: "ix_citations_source_id",
                table: "citations",
                column: "source_id")
                .Annotation("Npgsql:IndexInclude", new[] { "claim_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_citations_source_id",
                table: "citations");

            migrationBuilder.CreateIndex(
                name: "ix_citations_source_id",
                table: "citations",
                column: "source_id");
        }
    }
}
