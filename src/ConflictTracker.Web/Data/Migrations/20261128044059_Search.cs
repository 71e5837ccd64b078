using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_claims_recorded_at",
                table: "claims");

            migrationBuilder.DropIndex(
                name: "ix_actors_name",
                table: "actors");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "sources",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, title) || to_tsvector('english'::regconfig, title)",
                stored: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "event_end_latest",
                table: "claims",
                type: "date",
                nullable: true,
                computedColumnSql: "CASE event_end_precision WHEN 'Day' THEN event_end WHEN 'Month' THEN (event_end + interval '1 month' - interval '1 day')::date ELSE make_date(extract(year FROM event_end)::int, 12, 31) END",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "claims",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, coalesce(summary, '') || ' ' || coalesce(quote_text, '') || ' ' || coalesce(quote_translation, '')) || to_tsvector('english'::regconfig, coalesce(summary, '') || ' ' || coalesce(quote_text, '') || ' ' || coalesce(quote_translation, ''))",
                stored: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "stated_on_latest",
                table: "claims",
                type: "date",
                nullable: false,
                computedColumnSql: "CASE stated_on_precision WHEN 'Day' THEN stated_on WHEN 'Month' THEN (stated_on + interval '1 month' - interval '1 day')::date ELSE make_date(extract(year FROM stated_on)::int, 12, 31) END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_sources_search_vector",
                table: "sources",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_places_name_trgm",
                table: "places",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_recorded_at_id",
                table: "claims",
                columns: new[] { "recorded_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_search_vector",
                table: "claims",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_actors_name_trgm",
                table: "actors",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_actor_aliases_name_trgm",
                table: "actor_aliases",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // Keyset pagination by statement date (EF cannot index a complex property's column).
            migrationBuilder.Sql("CREATE INDEX ix_claims_stated_on_id ON claims (stated_on, id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_claims_stated_on_id;");

            migrationBuilder.DropIndex(
                name: "ix_sources_search_vector",
                table: "sources");

            migrationBuilder.DropIndex(
                name: "ix_places_name_trgm",
                table: "places");

            migrationBuilder.DropIndex(
                name: "ix_claims_recorded_at_id",
                table: "claims");

            migrationBuilder.DropIndex(
                name: "ix_claims_search_vector",
                table: "claims");

            migrationBuilder.DropIndex(
                name: "ix_actors_name_trgm",
                table: "actors");

            migrationBuilder.DropIndex(
                name: "ix_actor_aliases_name_trgm",
                table: "actor_aliases");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "sources");

            migrationBuilder.DropColumn(
                name: "event_end_latest",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "stated_on_latest",
                table: "claims");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_claims_recorded_at",
                table: "claims",
                column: "recorded_at");

            migrationBuilder.CreateIndex(
                name: "ix_actors_name",
                table: "actors",
                column: "name");
        }
    }
}
