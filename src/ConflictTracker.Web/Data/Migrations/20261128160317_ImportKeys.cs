using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "external_ids",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_ids", x => new { x.kind, x.key });
                    table.CheckConstraint("ck_external_ids_key_not_blank", "btrim(key) <> ''");
                    table.CheckConstraint("ck_external_ids_kind", "kind IN ('actor', 'source', 'proposition', 'claim', 'citation')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_external_ids_entity_id",
                table: "external_ids",
                column: "entity_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "external_ids");
        }
    }
}
