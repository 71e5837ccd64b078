using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MediaMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "media_matches",
                columns: table => new
                {
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    distance = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_matches", x => new { x.file_id, x.other_file_id });
                    table.CheckConstraint("ck_media_matches_distance", "distance BETWEEN 0 AND 64");
                    table.CheckConstraint("ck_media_matches_two_files", "file_id <> other_file_id");
                    table.ForeignKey(
                        name: "fk_media_matches_evidence_files_file_id",
                        column: x => x.file_id,
                        principalTable: "evidence_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_media_matches_evidence_files_other_file_id",
                        column: x => x.other_file_id,
                        principalTable: "evidence_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_media_matches_other_file_id",
                table: "media_matches",
                column: "other_file_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "media_matches");
        }
    }
}
