using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "actors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    reliability = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actors", x => x.id);
                    table.CheckConstraint("ck_actors_country_code", "country_code ~ '^[A-Z]{2}$'");
                    table.CheckConstraint("ck_actors_kind", "kind IN ('Person', 'GovernmentBody', 'Military', 'IntelligenceService', 'MediaOutlet', 'InternationalBody', 'ResearchOrganisation', 'Other')");
                    table.CheckConstraint("ck_actors_name_not_blank", "btrim(name) <> ''");
                    table.CheckConstraint("ck_actors_reliability", "reliability IN ('A', 'B', 'C', 'D', 'E', 'F')");
                });

            migrationBuilder.CreateTable(
                name: "change_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_history", x => x.id);
                    table.CheckConstraint("ck_change_history_action", "action IN ('Created', 'Updated', 'Retracted', 'Restored')");
                    table.CheckConstraint("ck_change_history_changes_object", "jsonb_typeof(changes) = 'object'");
                });

            migrationBuilder.CreateTable(
                name: "places",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_places", x => x.id);
                    table.CheckConstraint("ck_places_coordinates", "(latitude IS NULL) = (longitude IS NULL) AND latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180");
                    table.CheckConstraint("ck_places_country_code", "country_code ~ '^[A-Z]{2}$'");
                    table.CheckConstraint("ck_places_name_not_blank", "btrim(name) <> ''");
                });

            migrationBuilder.CreateTable(
                name: "propositions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    assessment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    assessment_rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_propositions", x => x.id);
                    table.CheckConstraint("ck_propositions_assessment", "assessment IN ('Unverified', 'Likely', 'Confirmed', 'Disputed', 'False')");
                    table.CheckConstraint("ck_propositions_assessment_rationale", "assessment = 'Unverified' OR assessment_rationale IS NOT NULL");
                    table.CheckConstraint("ck_propositions_statement_not_blank", "btrim(statement) <> ''");
                });

            migrationBuilder.CreateTable(
                name: "actor_aliases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actor_aliases", x => x.id);
                    table.CheckConstraint("ck_actor_aliases_name_not_blank", "btrim(name) <> ''");
                    table.ForeignKey(
                        name: "fk_actor_aliases_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "affiliations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    speaks_for = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_affiliations", x => x.id);
                    table.CheckConstraint("ck_affiliations_not_self", "member_id <> organisation_id");
                    table.CheckConstraint("ck_affiliations_period", "valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from");
                    table.ForeignKey(
                        name: "fk_affiliations_actors_member_id",
                        column: x => x.member_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_affiliations_actors_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    publisher_id = table.Column<Guid>(type: "uuid", nullable: true),
                    retrieved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    archive_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    reliability = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    retraction_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_on_precision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sources", x => x.id);
                    table.CheckConstraint("ck_sources_archive_url_scheme", "archive_url ~* '^https?://[^/\\s]+'");
                    table.CheckConstraint("ck_sources_content_hash", "content_hash ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_sources_kind", "kind IN ('Article', 'Video', 'SocialPost', 'OfficialStatement', 'Interview', 'ParliamentaryTestimony', 'Report')");
                    table.CheckConstraint("ck_sources_published_on", "(published_on IS NULL) = (published_on_precision IS NULL)");
                    table.CheckConstraint("ck_sources_published_on_normalised", "published_on IS NULL OR (published_on_precision = 'Day' OR (published_on_precision = 'Month' AND extract(day FROM published_on) = 1) OR (published_on_precision = 'Year' AND extract(month FROM published_on) = 1 AND extract(day FROM published_on) = 1))");
                    table.CheckConstraint("ck_sources_published_on_precision", "published_on_precision IN ('Day', 'Month', 'Year')");
                    table.CheckConstraint("ck_sources_reliability", "reliability IN ('A', 'B', 'C', 'D', 'E', 'F')");
                    table.CheckConstraint("ck_sources_retraction_reason", "(status = 'Retracted') = (retraction_reason IS NOT NULL)");
                    table.CheckConstraint("ck_sources_status", "status IN ('Active', 'Retracted')");
                    table.CheckConstraint("ck_sources_title_not_blank", "btrim(title) <> ''");
                    table.CheckConstraint("ck_sources_url_scheme", "url ~* '^https?://[^/\\s]+'");
                    table.ForeignKey(
                        name: "fk_sources_actors_publisher_id",
                        column: x => x.publisher_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "measures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measures", x => x.id);
                    table.UniqueConstraint("ak_measures_proposition_id_id", x => new { x.proposition_id, x.id });
                    table.CheckConstraint("ck_measures_not_blank", "btrim(name) <> '' AND btrim(unit) <> ''");
                    table.ForeignKey(
                        name: "fk_measures_propositions_proposition_id",
                        column: x => x.proposition_id,
                        principalTable: "propositions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asserted_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on_behalf_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stance = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    credibility = table.Column<short>(type: "smallint", nullable: true),
                    retraction_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    event_end = table.Column<DateOnly>(type: "date", nullable: true),
                    event_end_precision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    event_start = table.Column<DateOnly>(type: "date", nullable: true),
                    event_start_precision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    quantity_max = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    quantity_min = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    quantity_qualifier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    quote_language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    quote_text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    quote_translation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    quote_translation_language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    stated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    stated_on_precision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.CheckConstraint("ck_claims_credibility", "credibility BETWEEN 1 AND 6");
                    table.CheckConstraint("ck_claims_event_normalised", "(event_start_precision = 'Day' OR (event_start_precision = 'Month' AND extract(day FROM event_start) = 1) OR (event_start_precision = 'Year' AND extract(month FROM event_start) = 1 AND extract(day FROM event_start) = 1)) AND (event_end_precision = 'Day' OR (event_end_precision = 'Month' AND extract(day FROM event_end) = 1) OR (event_end_precision = 'Year' AND extract(month FROM event_end) = 1 AND extract(day FROM event_end) = 1))");
                    table.CheckConstraint("ck_claims_event_period_complete", "num_nulls(event_start, event_start_precision, event_end, event_end_precision) IN (0, 4)");
                    table.CheckConstraint("ck_claims_event_period_order", "CASE event_end_precision WHEN 'Day' THEN event_end WHEN 'Month' THEN (event_end + interval '1 month' - interval '1 day')::date ELSE make_date(extract(year FROM event_end)::int, 12, 31) END >= event_start");
                    table.CheckConstraint("ck_claims_event_precision", "event_start_precision IN ('Day', 'Month', 'Year') AND event_end_precision IN ('Day', 'Month', 'Year')");
                    table.CheckConstraint("ck_claims_not_on_behalf_of_self", "on_behalf_of_id <> asserted_by_id");
                    table.CheckConstraint("ck_claims_quantity_complete", "num_nulls(measure_id, quantity_min, quantity_max, quantity_qualifier) IN (0, 4)");
                    table.CheckConstraint("ck_claims_quantity_qualifier", "quantity_qualifier IN ('Exact', 'Approximately', 'Nearly', 'AtLeast', 'AtMost')");
                    table.CheckConstraint("ck_claims_quantity_range", "quantity_min >= 0 AND quantity_min <= quantity_max");
                    table.CheckConstraint("ck_claims_quantity_single_value", "quantity_min = quantity_max OR quantity_qualifier IN ('Exact', 'Approximately')");
                    table.CheckConstraint("ck_claims_quote_complete", "(quote_text IS NULL) = (quote_language IS NULL) AND (quote_translation IS NULL) = (quote_translation_language IS NULL) AND (quote_text IS NOT NULL OR quote_translation IS NULL)");
                    table.CheckConstraint("ck_claims_retraction_reason", "(status = 'Retracted') = (retraction_reason IS NOT NULL)");
                    table.CheckConstraint("ck_claims_stance", "stance IN ('Affirms', 'Denies', 'Hedges', 'Neutral')");
                    table.CheckConstraint("ck_claims_stated_on_normalised", "(stated_on_precision = 'Day' OR (stated_on_precision = 'Month' AND extract(day FROM stated_on) = 1) OR (stated_on_precision = 'Year' AND extract(month FROM stated_on) = 1 AND extract(day FROM stated_on) = 1))");
                    table.CheckConstraint("ck_claims_stated_on_precision", "stated_on_precision IN ('Day', 'Month', 'Year')");
                    table.CheckConstraint("ck_claims_status", "status IN ('Draft', 'InReview', 'Published', 'Retracted')");
                    table.CheckConstraint("ck_claims_summary_not_blank", "btrim(summary) <> ''");
                    table.ForeignKey(
                        name: "fk_claims_actors_asserted_by_id",
                        column: x => x.asserted_by_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_actors_on_behalf_of_id",
                        column: x => x.on_behalf_of_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_measures_proposition_measure",
                        columns: x => new { x.proposition_id, x.measure_id },
                        principalTable: "measures",
                        principalColumns: new[] { "proposition_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_propositions_proposition_id",
                        column: x => x.proposition_id,
                        principalTable: "propositions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "citations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    quote = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    locator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    derived_from_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citations", x => x.id);
                    table.UniqueConstraint("ak_citations_claim_id_id", x => new { x.claim_id, x.id });
                    table.CheckConstraint("ck_citations_not_from_self", "derived_from_id <> id");
                    table.CheckConstraint("ck_citations_origin_derives_from_nothing", "role <> 'Origin' OR derived_from_id IS NULL");
                    table.CheckConstraint("ck_citations_role", "role IN ('Origin', 'FirstReport', 'Republication')");
                    table.ForeignKey(
                        name: "fk_citations_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_citations_derived_from_same_claim",
                        columns: x => new { x.claim_id, x.derived_from_id },
                        principalTable: "citations",
                        principalColumns: new[] { "claim_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_citations_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_places",
                columns: table => new
                {
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    place_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_places", x => new { x.claim_id, x.place_id });
                    table.ForeignKey(
                        name: "fk_claim_places_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_places_places_place_id",
                        column: x => x.place_id,
                        principalTable: "places",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_relations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    proposed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_relations", x => x.id);
                    table.CheckConstraint("ck_claim_relations_dismissal_reason", "state <> 'Dismissed' OR review_note IS NOT NULL");
                    table.CheckConstraint("ck_claim_relations_four_eyes", "reviewed_by IS NULL OR lower(reviewed_by) <> lower(proposed_by)");
                    table.CheckConstraint("ck_claim_relations_not_self", "from_claim_id <> to_claim_id");
                    table.CheckConstraint("ck_claim_relations_rationale_not_blank", "btrim(rationale) <> ''");
                    table.CheckConstraint("ck_claim_relations_review_complete", "CASE WHEN state = 'Proposed' THEN num_nonnulls(reviewed_by, reviewed_at, review_note) = 0 ELSE num_nulls(reviewed_by, reviewed_at) = 0 END");
                    table.CheckConstraint("ck_claim_relations_state", "state IN ('Proposed', 'Confirmed', 'Dismissed')");
                    table.CheckConstraint("ck_claim_relations_type", "type IN ('Corroborates', 'Contradicts', 'Refines', 'Supersedes', 'Repeats')");
                    table.ForeignKey(
                        name: "fk_claim_relations_claims_from_claim_id",
                        column: x => x.from_claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_relations_claims_to_claim_id",
                        column: x => x.to_claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    relation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    raised_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flags", x => x.id);
                    table.CheckConstraint("ck_flags_closed_complete", "CASE WHEN status = 'Open' THEN num_nonnulls(closed_by, closed_at, resolution) = 0 ELSE num_nulls(closed_by, closed_at, resolution) = 0 END");
                    table.CheckConstraint("ck_flags_comment_not_blank", "btrim(comment) <> ''");
                    table.CheckConstraint("ck_flags_kind", "kind IN ('Contradiction', 'MissingSource', 'WeakSource', 'Misattribution', 'Duplicate', 'TranslationNeeded', 'Other')");
                    table.CheckConstraint("ck_flags_one_target", "num_nonnulls(claim_id, relation_id) = 1");
                    table.CheckConstraint("ck_flags_status", "status IN ('Open', 'Resolved', 'Dismissed')");
                    table.ForeignKey(
                        name: "fk_flags_claim_relations_relation_id",
                        column: x => x.relation_id,
                        principalTable: "claim_relations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_flags_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_actor_aliases_actor_id_name",
                table: "actor_aliases",
                columns: new[] { "actor_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_actors_name",
                table: "actors",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_affiliations_member_id",
                table: "affiliations",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_affiliations_organisation_id",
                table: "affiliations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_change_history_entity_type_entity_id_changed_at",
                table: "change_history",
                columns: new[] { "entity_type", "entity_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_citations_claim_id_derived_from_id",
                table: "citations",
                columns: new[] { "claim_id", "derived_from_id" });

            migrationBuilder.CreateIndex(
                name: "ix_citations_claim_id_source_id",
                table: "citations",
                columns: new[] { "claim_id", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_citations_source_id",
                table: "citations",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ux_citations_one_origin_per_claim",
                table: "citations",
                column: "claim_id",
                unique: true,
                filter: "role = 'Origin'");

            migrationBuilder.CreateIndex(
                name: "ix_claim_places_place_id",
                table: "claim_places",
                column: "place_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_relations_from_claim_id_to_claim_id_type",
                table: "claim_relations",
                columns: new[] { "from_claim_id", "to_claim_id", "type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claim_relations_to_claim_id",
                table: "claim_relations",
                column: "to_claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_asserted_by_id",
                table: "claims",
                column: "asserted_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_on_behalf_of_id",
                table: "claims",
                column: "on_behalf_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_proposition_id_measure_id",
                table: "claims",
                columns: new[] { "proposition_id", "measure_id" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_proposition_id_stance",
                table: "claims",
                columns: new[] { "proposition_id", "stance" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_recorded_at",
                table: "claims",
                column: "recorded_at");

            migrationBuilder.CreateIndex(
                name: "ix_flags_claim_id",
                table: "flags",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_flags_relation_id",
                table: "flags",
                column: "relation_id");

            migrationBuilder.CreateIndex(
                name: "ix_flags_status",
                table: "flags",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_places_name_country_code",
                table: "places",
                columns: new[] { "name", "country_code" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_propositions_statement",
                table: "propositions",
                column: "statement",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sources_publisher_id",
                table: "sources",
                column: "publisher_id");

            // Measure names are unique per proposition ignoring case, as the domain compares them.
            migrationBuilder.Sql("CREATE UNIQUE INDEX ux_measures_proposition_id_lower_name ON measures (proposition_id, lower(name));");

            // The change history is append-only: refuse UPDATE, DELETE and TRUNCATE at the database,
            // so no application bug or ad-hoc statement can rewrite who changed what.
            migrationBuilder.Sql("""
                CREATE FUNCTION change_history_append_only() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'change_history is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER change_history_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON change_history
                    FOR EACH ROW EXECUTE FUNCTION change_history_append_only();
                CREATE TRIGGER change_history_no_truncate
                    BEFORE TRUNCATE ON change_history
                    FOR EACH STATEMENT EXECUTE FUNCTION change_history_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS change_history_no_truncate ON change_history;
                DROP TRIGGER IF EXISTS change_history_no_update_or_delete ON change_history;
                DROP FUNCTION IF EXISTS change_history_append_only();
                DROP INDEX IF EXISTS ux_measures_proposition_id_lower_name;
                """);

            migrationBuilder.DropTable(
                name: "actor_aliases");

            migrationBuilder.DropTable(
                name: "affiliations");

            migrationBuilder.DropTable(
                name: "change_history");

            migrationBuilder.DropTable(
                name: "citations");

            migrationBuilder.DropTable(
                name: "claim_places");

            migrationBuilder.DropTable(
                name: "flags");

            migrationBuilder.DropTable(
                name: "sources");

            migrationBuilder.DropTable(
                name: "places");

            migrationBuilder.DropTable(
                name: "claim_relations");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "actors");

            migrationBuilder.DropTable(
                name: "measures");

            migrationBuilder.DropTable(
                name: "propositions");
        }
    }
}
