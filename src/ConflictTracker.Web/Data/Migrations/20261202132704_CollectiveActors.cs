using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CollectiveActors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_contradiction_candidates_rule",
                table: "contradiction_candidates");

            migrationBuilder.AddColumn<bool>(
                name: "is_collective",
                table: "actors",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddCheckConstraint(
                name: "ck_contradiction_candidates_rule",
                table: "contradiction_candidates",
                sql: "rule IN ('OpposedStances', 'IncompatibleFigures', 'LaterFigureBySameVoice', 'InconsistentReportsOfOneVoice')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_contradiction_candidates_rule",
                table: "contradiction_candidates");

            migrationBuilder.DropColumn(
                name: "is_collective",
                table: "actors");

            migrationBuilder.AddCheckConstraint(
                name: "ck_contradiction_candidates_rule",
                table: "contradiction_candidates",
                sql: "rule IN ('OpposedStances', 'IncompatibleFigures', 'LaterFigureBySameVoice')");
        }
    }
}
