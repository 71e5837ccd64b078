using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: false),
                    preview_count = table.Column<int>(type: "integer", nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stored_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.id);
                    table.CheckConstraint("ck_evidence_files_kind", "kind IN ('Image', 'Video', 'Audio', 'Pdf', 'WebPage')");
                    table.CheckConstraint("ck_evidence_files_quarantine_reason", "status = 'Active' OR status_reason IS NOT NULL");
                    table.CheckConstraint("ck_evidence_files_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_evidence_files_size", "size > 0");
                    table.CheckConstraint("ck_evidence_files_status", "status IN ('Active', 'Quarantined')");
                });

            migrationBuilder.CreateTable(
                name: "upload_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    origin_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    offset_bytes = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_sessions", x => x.id);
                    table.CheckConstraint("ck_upload_sessions_offset", "offset_bytes >= 0 AND offset_bytes <= length");
                    table.ForeignKey(
                        name: "fk_upload_sessions_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    origin_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                    table.CheckConstraint("ck_attachments_origin_url_scheme", "origin_url ~* '^https?://[^/\\s]+'");
                    table.ForeignKey(
                        name: "fk_attachments_evidence_files_file_id",
                        column: x => x.file_id,
                        principalTable: "evidence_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attachments_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "media_fingerprints",
                columns: table => new
                {
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    frame = table.Column<int>(type: "integer", nullable: false),
                    hash = table.Column<long>(type: "bigint", nullable: false),
                    quarter0 = table.Column<int>(type: "integer", nullable: false),
                    quarter1 = table.Column<int>(type: "integer", nullable: false),
                    quarter2 = table.Column<int>(type: "integer", nullable: false),
                    quarter3 = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_fingerprints", x => new { x.file_id, x.frame });
                    table.ForeignKey(
                        name: "fk_media_fingerprints_evidence_files_file_id",
                        column: x => x.file_id,
                        principalTable: "evidence_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "custody_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_custody_events", x => x.id);
                    table.CheckConstraint("ck_custody_events_action", "action IN ('Added', 'AddedAgain', 'Downloaded', 'Verified', 'Mismatch', 'Missing', 'Quarantined', 'Released')");
                    table.ForeignKey(
                        name: "fk_custody_events_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_custody_events_evidence_files_file_id",
                        column: x => x.file_id,
                        principalTable: "evidence_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_file_id",
                table: "attachments",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_source_id_file_id",
                table: "attachments",
                columns: new[] { "source_id", "file_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_custody_events_attachment_id",
                table: "custody_events",
                column: "attachment_id");

            migrationBuilder.CreateIndex(
                name: "ix_custody_events_file_id_at",
                table: "custody_events",
                columns: new[] { "file_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_sha256",
                table: "evidence_files",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_media_fingerprints_quarter0",
                table: "media_fingerprints",
                column: "quarter0");

            migrationBuilder.CreateIndex(
                name: "ix_media_fingerprints_quarter1",
                table: "media_fingerprints",
                column: "quarter1");

            migrationBuilder.CreateIndex(
                name: "ix_media_fingerprints_quarter2",
                table: "media_fingerprints",
                column: "quarter2");

            migrationBuilder.CreateIndex(
                name: "ix_media_fingerprints_quarter3",
                table: "media_fingerprints",
                column: "quarter3");

            migrationBuilder.CreateIndex(
                name: "ix_upload_sessions_expires_at",
                table: "upload_sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_upload_sessions_source_id",
                table: "upload_sessions",
                column: "source_id");

            // A file's chain of custody is append-only, like the change history.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION custody_events_append_only() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'custody_events is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER custody_events_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON custody_events
                    FOR EACH ROW EXECUTE FUNCTION custody_events_append_only();
                CREATE TRIGGER custody_events_no_truncate
                    BEFORE TRUNCATE ON custody_events
                    FOR EACH STATEMENT EXECUTE FUNCTION custody_events_append_only();
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION custody_events_append_only() CASCADE;");
            migrationBuilder.DropTable(
                name: "custody_events");

            migrationBuilder.DropTable(
                name: "media_fingerprints");

            migrationBuilder.DropTable(
                name: "upload_sessions");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "evidence_files");
        }
    }
}
