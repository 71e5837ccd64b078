using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <summary>
    /// The schema as it stood at the first release, in one step: Baseline.sql, what the fourteen
    /// migrations of rounds one and two produced. Databases migrated by those are moved onto it
    /// without running anything (<see cref="MigrationBaseline"/>). docs/decisions/ADR-012.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationBaseline.Script());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("The baseline is the first migration: there is no schema before it to go back to.");
        }
    }
}
