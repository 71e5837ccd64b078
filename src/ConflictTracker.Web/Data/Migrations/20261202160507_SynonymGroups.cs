using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SynonymGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "synonym_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    terms = table.Column<List<string>>(type: "text[]", nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_synonym_groups", x => x.id);
                    table.CheckConstraint("ck_synonym_groups_terms", "cardinality(terms) BETWEEN 2 AND 20");
                });

            migrationBuilder.CreateIndex(
                name: "ix_synonym_groups_terms",
                table: "synonym_groups",
                column: "terms")
                .Annotation("Npgsql:IndexMethod", "gin");

            // A starter list, each group with its history row like any change an admin makes
            // (docs/rules/search.md, "Synonyms"); admins edit it at /admin/synonyms.
            migrationBuilder.Sql(
                """
                WITH starter (id, terms, note) AS (VALUES
                    ('0193a000-0000-7000-8000-000000000001'::uuid,
                     ARRAY['troops', 'soldiers', 'servicemen', 'military personnel'],
                     'People under arms, however a statement counts them.'),
                    ('0193a000-0000-7000-8000-000000000002'::uuid,
                     ARRAY['shells', 'artillery shells', 'rounds', 'ammunition'],
                     'Artillery ammunition.'),
                    ('0193a000-0000-7000-8000-000000000003'::uuid,
                     ARRAY['dprk', 'north korea', 'pyongyang'],
                     'North Korea by its other names.')),
                inserted AS (
                    INSERT INTO synonym_groups (id, terms, note, active)
                    SELECT id, terms, note, true FROM starter RETURNING id, terms, note)
                INSERT INTO change_history (entity_type, entity_id, action, changed_by, changed_at, changes)
                SELECT 'SynonymGroup', id, 'Created', 'migration', now(),
                       jsonb_build_object(
                           'Terms', jsonb_build_object('before', null, 'after', to_jsonb(terms)),
                           'Note', jsonb_build_object('before', null, 'after', note),
                           'Active', jsonb_build_object('before', null, 'after', true))
                FROM inserted;
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "synonym_groups");
        }
    }
}
