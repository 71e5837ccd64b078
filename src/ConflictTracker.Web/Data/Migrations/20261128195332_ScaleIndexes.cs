using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <summary>
    /// Indexes for a million claims (docs/performance.md): a proposition's claims by stance, newest
    /// first, replace the (proposition, stance) index, of which the new one is a prefix.
    /// </summary>
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_claims_proposition_id_stance_stated_on_id ON claims (proposition_id, stance, stated_on, id);");
            migrationBuilder.DropIndex(
                name: "ix_claims_proposition_id_stance",
                table: "claims");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_claims_proposition_id_stance_stated_on_id;");
            migrationBuilder.CreateIndex(
                name: "ix_claims_proposition_id_stance",
                table: "claims",
                columns: new[] { "proposition_id", "stance" });
        }
    }
}
