using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "source_snapshots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    captured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    captured_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_snapshots", x => x.id);
                    table.CheckConstraint("ck_source_snapshots_format", "format IN ('Text', 'Html', 'Pdf')");
                    table.CheckConstraint("ck_source_snapshots_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_source_snapshots_text_not_blank", "btrim(text) <> ''");
                    table.CheckConstraint("ck_source_snapshots_url_scheme", "url ~* '^https?://[^/\\s]+'");
                    table.ForeignKey(
                        name: "fk_source_snapshots_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "article_intakes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    snapshot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drafts_json = table.Column<string>(type: "jsonb", nullable: false),
                    draft_count = table.Column<int>(type: "integer", nullable: false),
                    started_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_intakes", x => x.id);
                    table.CheckConstraint("ck_article_intakes_draft_count", "draft_count >= 0");
                    table.ForeignKey(
                        name: "fk_article_intakes_source_snapshots_snapshot_id",
                        column: x => x.snapshot_id,
                        principalTable: "source_snapshots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_article_intakes_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "intake_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    intake_id = table.Column<Guid>(type: "uuid", nullable: false),
                    draft_number = table.Column<int>(type: "integer", nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intake_decisions", x => x.id);
                    table.CheckConstraint("ck_intake_decisions_claim", "(decision = 'Accepted') = (claim_id IS NOT NULL)");
                    table.CheckConstraint("ck_intake_decisions_draft_number", "draft_number >= 1");
                    table.ForeignKey(
                        name: "fk_intake_decisions_article_intakes_intake_id",
                        column: x => x.intake_id,
                        principalTable: "article_intakes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_intake_decisions_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_article_intakes_snapshot_id",
                table: "article_intakes",
                column: "snapshot_id");

            migrationBuilder.CreateIndex(
                name: "ix_article_intakes_source_id",
                table: "article_intakes",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_intake_decisions_claim_id",
                table: "intake_decisions",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_intake_decisions_intake_id_draft_number",
                table: "intake_decisions",
                columns: new[] { "intake_id", "draft_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_source_snapshots_sha256",
                table: "source_snapshots",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_source_snapshots_source_id_sha256",
                table: "source_snapshots",
                columns: new[] { "source_id", "sha256" },
                unique: true);

            // A snapshot is never changed or deleted: a corrected text is a new snapshot (docs/intake.md).
            migrationBuilder.Sql("""
                CREATE FUNCTION source_snapshots_unchangeable() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'source snapshots are never changed: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER source_snapshots_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON source_snapshots
                    FOR EACH ROW EXECUTE FUNCTION source_snapshots_unchangeable();
                """);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS source_snapshots_no_update_or_delete ON source_snapshots;
                DROP FUNCTION IF EXISTS source_snapshots_unchangeable();
                """);


            migrationBuilder.DropTable(
                name: "intake_decisions");

            migrationBuilder.DropTable(
                name: "article_intakes");

            migrationBuilder.DropTable(
                name: "source_snapshots");
        }
    }
}
