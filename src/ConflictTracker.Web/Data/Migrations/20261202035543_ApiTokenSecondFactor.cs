using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiTokenSecondFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "second_factor",
                table: "api_tokens",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");

            // Tokens made before: until now a token counted as a second factor when its user had
            // two-factor sign-in turned on, so those keep working as they did.
            migrationBuilder.Sql(
                """
                UPDATE api_tokens SET second_factor = 'Session'
                WHERE user_id IN (SELECT id FROM users WHERE two_factor_enabled);
                ALTER TABLE api_tokens ALTER COLUMN second_factor DROP DEFAULT;
                """);

            migrationBuilder.AddCheckConstraint(
                name: "ck_api_tokens_second_factor",
                table: "api_tokens",
                sql: "second_factor IN ('None', 'Session', 'Operator')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_api_tokens_second_factor",
                table: "api_tokens");

            migrationBuilder.DropColumn(
                name: "second_factor",
                table: "api_tokens");
        }
    }
}
