using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <summary>
    /// Covering indexes for the proposition page at a million claims (docs/performance.md): its
    /// aggregates read a proposition's published claims, their citations and the sources' grades from
    /// indexes alone (index-only scans), and its timeline the latest event periods in index order.
    /// </summary>
    public partial class CoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_citations_claim_id_source_id",
                table: "citations");

            migrationBuilder.CreateIndex(
                name: "ix_citations_claim_id_source_id",
                table: "citations",
                columns: new[] { "claim_id", "source_id" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "role" });

            migrationBuilder.Sql("CREATE INDEX ix_claims_proposition_id_status_evidence ON claims (proposition_id, status) INCLUDE (id, stance, credibility, measure_id, event_end);");
            migrationBuilder.Sql("CREATE INDEX ix_claims_proposition_id_status_event_start ON claims (proposition_id, status, event_start, id) WHERE event_end IS NOT NULL;");
            migrationBuilder.Sql("CREATE INDEX ix_sources_id_grades ON sources (id) INCLUDE (reliability, publisher_id);");
            migrationBuilder.Sql("CREATE INDEX ix_actors_id_reliability ON actors (id) INCLUDE (reliability);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_claims_proposition_id_status_evidence; DROP INDEX ix_claims_proposition_id_status_event_start; DROP INDEX ix_sources_id_grades; DROP INDEX ix_actors_id_reliability;");
            migrationBuilder.DropIndex(
                name: "ix_citations_claim_id_source_id",
                table: "citations");

            migrationBuilder.CreateIndex(
                name: "ix_citations_claim_id_source_id",
                table: "citations",
                columns: new[] { "claim_id", "source_id" },
                unique: true);
        }
    }
}
