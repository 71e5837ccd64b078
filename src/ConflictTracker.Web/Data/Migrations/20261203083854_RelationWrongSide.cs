using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RelationWrongSide : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "wrong_claim_id",
                table: "claim_relations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_claim_relations_wrong_side",
                table: "claim_relations",
                sql: "wrong_claim_id IS NULL OR (state = 'Confirmed' AND type = 'Contradicts' AND wrong_claim_id IN (from_claim_id, to_claim_id))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_claim_relations_wrong_side",
                table: "claim_relations");

            migrationBuilder.DropColumn(
                name: "wrong_claim_id",
                table: "claim_relations");
        }
    }
}
