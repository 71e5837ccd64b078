using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DateRanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // NOT VALID: rows stored before the rule (a 0001-01-01 kept as -infinity) stay as they are
            // rather than failing the upgrade or being changed silently; every row written from now on,
            // new or changed, is checked (docs/rules/dates-and-periods.md).
            migrationBuilder.Sql("ALTER TABLE sources ADD CONSTRAINT ck_sources_dates_in_range CHECK (published_on BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND retrieved_on BETWEEN DATE '1900-01-01' AND DATE '2200-12-31') NOT VALID;");

            migrationBuilder.Sql("ALTER TABLE claims ADD CONSTRAINT ck_claims_dates_in_range CHECK (stated_on BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND event_start BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND event_end BETWEEN DATE '1900-01-01' AND DATE '2200-12-31') NOT VALID;");

            migrationBuilder.Sql("ALTER TABLE affiliations ADD CONSTRAINT ck_affiliations_dates_in_range CHECK (valid_from BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND valid_to BETWEEN DATE '1900-01-01' AND DATE '2200-12-31') NOT VALID;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_sources_dates_in_range",
                table: "sources");

            migrationBuilder.DropCheckConstraint(
                name: "ck_claims_dates_in_range",
                table: "claims");

            migrationBuilder.DropCheckConstraint(
                name: "ck_affiliations_dates_in_range",
                table: "affiliations");
        }
    }
}
