using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "credibility_note",
                table: "claims",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contradiction_candidates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    second_claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    first_fingerprint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    second_fingerprint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    relation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contradiction_candidates", x => x.id);
                    table.CheckConstraint("ck_contradiction_candidates_confirmed_relation", "(state = 'Confirmed') = (relation_id IS NOT NULL)");
                    table.CheckConstraint("ck_contradiction_candidates_decision", "(state IN ('Dismissed', 'Confirmed')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)");
                    table.CheckConstraint("ck_contradiction_candidates_dismissal_reason", "state <> 'Dismissed' OR decision_note IS NOT NULL");
                    table.CheckConstraint("ck_contradiction_candidates_rule", "rule IN ('OpposedStances', 'IncompatibleFigures', 'LaterFigureBySameVoice')");
                    table.CheckConstraint("ck_contradiction_candidates_state", "state IN ('Open', 'Dismissed', 'Confirmed', 'Lapsed')");
                    table.CheckConstraint("ck_contradiction_candidates_two_claims", "first_claim_id <> second_claim_id");
                    table.ForeignKey(
                        name: "fk_contradiction_candidates_claim_relations_relation_id",
                        column: x => x.relation_id,
                        principalTable: "claim_relations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contradiction_candidates_claims_first_claim_id",
                        column: x => x.first_claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contradiction_candidates_claims_second_claim_id",
                        column: x => x.second_claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contradiction_candidates_propositions_proposition_id",
                        column: x => x.proposition_id,
                        principalTable: "propositions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_claims_credibility_note",
                table: "claims",
                sql: "credibility IS NOT NULL OR credibility_note IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contradiction_candidates_first_claim_id_second_claim_id_rule",
                table: "contradiction_candidates",
                columns: new[] { "first_claim_id", "second_claim_id", "rule" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contradiction_candidates_open",
                table: "contradiction_candidates",
                columns: new[] { "proposition_id", "found_at" },
                filter: "state = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_contradiction_candidates_relation_id",
                table: "contradiction_candidates",
                column: "relation_id");

            migrationBuilder.CreateIndex(
                name: "ix_contradiction_candidates_second_claim_id",
                table: "contradiction_candidates",
                column: "second_claim_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contradiction_candidates");

            migrationBuilder.DropCheckConstraint(
                name: "ck_claims_credibility_note",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "credibility_note",
                table: "claims");
        }
    }
}
