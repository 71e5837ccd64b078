-- ConflictTracker's schema as it stood at the first release: the baseline migration
-- (20261202130000_Baseline) runs this file. It is what the fourteen migrations of rounds one and
-- two produced (dotnet ef migrations script), without their bookkeeping rows; later changes are
-- migrations of their own. Do not edit: a change to the schema is a new migration.

CREATE TABLE actors (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    kind character varying(32) NOT NULL,
    country_code character varying(2),
    description character varying(4000),
    reliability character varying(1),
    CONSTRAINT pk_actors PRIMARY KEY (id),
    CONSTRAINT ck_actors_country_code CHECK (country_code ~ '^[A-Z]{2}$'),
    CONSTRAINT ck_actors_kind CHECK (kind IN ('Person', 'GovernmentBody', 'Military', 'IntelligenceService', 'MediaOutlet', 'InternationalBody', 'ResearchOrganisation', 'Other')),
    CONSTRAINT ck_actors_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT ck_actors_reliability CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))
);

CREATE TABLE change_history (
    id bigint GENERATED ALWAYS AS IDENTITY,
    entity_type character varying(64) NOT NULL,
    entity_id uuid NOT NULL,
    action character varying(16) NOT NULL,
    changed_by character varying(256) NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    changes jsonb NOT NULL,
    CONSTRAINT pk_change_history PRIMARY KEY (id),
    CONSTRAINT ck_change_history_action CHECK (action IN ('Created', 'Updated', 'Retracted', 'Restored')),
    CONSTRAINT ck_change_history_changes_object CHECK (jsonb_typeof(changes) = 'object')
);

CREATE TABLE places (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    country_code character varying(2),
    latitude double precision,
    longitude double precision,
    CONSTRAINT pk_places PRIMARY KEY (id),
    CONSTRAINT ck_places_coordinates CHECK ((latitude IS NULL) = (longitude IS NULL) AND latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180),
    CONSTRAINT ck_places_country_code CHECK (country_code ~ '^[A-Z]{2}$'),
    CONSTRAINT ck_places_name_not_blank CHECK (btrim(name) <> '')
);

CREATE TABLE propositions (
    id uuid NOT NULL,
    statement character varying(500) NOT NULL,
    description character varying(4000),
    assessment character varying(16) NOT NULL,
    assessment_rationale character varying(4000),
    CONSTRAINT pk_propositions PRIMARY KEY (id),
    CONSTRAINT ck_propositions_assessment CHECK (assessment IN ('Unverified', 'Likely', 'Confirmed', 'Disputed', 'False')),
    CONSTRAINT ck_propositions_assessment_rationale CHECK (assessment = 'Unverified' OR assessment_rationale IS NOT NULL),
    CONSTRAINT ck_propositions_statement_not_blank CHECK (btrim(statement) <> '')
);

CREATE TABLE actor_aliases (
    id uuid NOT NULL,
    actor_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    language character varying(35),
    CONSTRAINT pk_actor_aliases PRIMARY KEY (id),
    CONSTRAINT ck_actor_aliases_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT fk_actor_aliases_actors_actor_id FOREIGN KEY (actor_id) REFERENCES actors (id) ON DELETE RESTRICT
);

CREATE TABLE affiliations (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    role character varying(200) NOT NULL,
    valid_from date,
    valid_to date,
    speaks_for boolean NOT NULL,
    CONSTRAINT pk_affiliations PRIMARY KEY (id),
    CONSTRAINT ck_affiliations_not_self CHECK (member_id <> organisation_id),
    CONSTRAINT ck_affiliations_period CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
    CONSTRAINT fk_affiliations_actors_member_id FOREIGN KEY (member_id) REFERENCES actors (id) ON DELETE RESTRICT,
    CONSTRAINT fk_affiliations_actors_organisation_id FOREIGN KEY (organisation_id) REFERENCES actors (id) ON DELETE RESTRICT
);

CREATE TABLE sources (
    id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    title character varying(500) NOT NULL,
    url character varying(2048),
    publisher_id uuid,
    retrieved_on date,
    language character varying(35),
    archive_url character varying(2048),
    content_hash character varying(64),
    reliability character varying(1),
    status character varying(16) NOT NULL,
    retraction_reason character varying(4000),
    published_on date,
    published_on_precision character varying(8),
    CONSTRAINT pk_sources PRIMARY KEY (id),
    CONSTRAINT ck_sources_archive_url_scheme CHECK (archive_url ~* '^https?://[^/\s]+'),
    CONSTRAINT ck_sources_content_hash CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_sources_kind CHECK (kind IN ('Article', 'Video', 'SocialPost', 'OfficialStatement', 'Interview', 'ParliamentaryTestimony', 'Report')),
    CONSTRAINT ck_sources_published_on CHECK ((published_on IS NULL) = (published_on_precision IS NULL)),
    CONSTRAINT ck_sources_published_on_normalised CHECK (published_on IS NULL OR (published_on_precision = 'Day' OR (published_on_precision = 'Month' AND extract(day FROM published_on) = 1) OR (published_on_precision = 'Year' AND extract(month FROM published_on) = 1 AND extract(day FROM published_on) = 1))),
    CONSTRAINT ck_sources_published_on_precision CHECK (published_on_precision IN ('Day', 'Month', 'Year')),
    CONSTRAINT ck_sources_reliability CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    CONSTRAINT ck_sources_retraction_reason CHECK ((status = 'Retracted') = (retraction_reason IS NOT NULL)),
    CONSTRAINT ck_sources_status CHECK (status IN ('Active', 'Retracted')),
    CONSTRAINT ck_sources_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT ck_sources_url_scheme CHECK (url ~* '^https?://[^/\s]+'),
    CONSTRAINT fk_sources_actors_publisher_id FOREIGN KEY (publisher_id) REFERENCES actors (id) ON DELETE RESTRICT
);

CREATE TABLE measures (
    id uuid NOT NULL,
    proposition_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    unit character varying(200) NOT NULL,
    CONSTRAINT pk_measures PRIMARY KEY (id),
    CONSTRAINT ak_measures_proposition_id_id UNIQUE (proposition_id, id),
    CONSTRAINT ck_measures_not_blank CHECK (btrim(name) <> '' AND btrim(unit) <> ''),
    CONSTRAINT fk_measures_propositions_proposition_id FOREIGN KEY (proposition_id) REFERENCES propositions (id) ON DELETE RESTRICT
);

CREATE TABLE claims (
    id uuid NOT NULL,
    proposition_id uuid NOT NULL,
    asserted_by_id uuid NOT NULL,
    on_behalf_of_id uuid,
    stance character varying(16) NOT NULL,
    summary character varying(2000) NOT NULL,
    measure_id uuid,
    status character varying(16) NOT NULL,
    credibility smallint,
    retraction_reason character varying(4000),
    recorded_at timestamp with time zone NOT NULL,
    event_end date,
    event_end_precision character varying(8),
    event_start date,
    event_start_precision character varying(8),
    quantity_max numeric(20,4),
    quantity_min numeric(20,4),
    quantity_qualifier character varying(16),
    quote_language character varying(35),
    quote_text character varying(10000),
    quote_translation character varying(10000),
    quote_translation_language character varying(35),
    stated_on date NOT NULL,
    stated_on_precision character varying(8) NOT NULL,
    CONSTRAINT pk_claims PRIMARY KEY (id),
    CONSTRAINT ck_claims_credibility CHECK (credibility BETWEEN 1 AND 6),
    CONSTRAINT ck_claims_event_normalised CHECK ((event_start_precision = 'Day' OR (event_start_precision = 'Month' AND extract(day FROM event_start) = 1) OR (event_start_precision = 'Year' AND extract(month FROM event_start) = 1 AND extract(day FROM event_start) = 1)) AND (event_end_precision = 'Day' OR (event_end_precision = 'Month' AND extract(day FROM event_end) = 1) OR (event_end_precision = 'Year' AND extract(month FROM event_end) = 1 AND extract(day FROM event_end) = 1))),
    CONSTRAINT ck_claims_event_period_complete CHECK (num_nulls(event_start, event_start_precision, event_end, event_end_precision) IN (0, 4)),
    CONSTRAINT ck_claims_event_period_order CHECK (CASE event_end_precision WHEN 'Day' THEN event_end WHEN 'Month' THEN (event_end + interval '1 month' - interval '1 day')::date ELSE make_date(extract(year FROM event_end)::int, 12, 31) END >= event_start),
    CONSTRAINT ck_claims_event_precision CHECK (event_start_precision IN ('Day', 'Month', 'Year') AND event_end_precision IN ('Day', 'Month', 'Year')),
    CONSTRAINT ck_claims_not_on_behalf_of_self CHECK (on_behalf_of_id <> asserted_by_id),
    CONSTRAINT ck_claims_quantity_complete CHECK (num_nulls(measure_id, quantity_min, quantity_max, quantity_qualifier) IN (0, 4)),
    CONSTRAINT ck_claims_quantity_qualifier CHECK (quantity_qualifier IN ('Exact', 'Approximately', 'Nearly', 'AtLeast', 'AtMost')),
    CONSTRAINT ck_claims_quantity_range CHECK (quantity_min >= 0 AND quantity_min <= quantity_max),
    CONSTRAINT ck_claims_quantity_single_value CHECK (quantity_min = quantity_max OR quantity_qualifier IN ('Exact', 'Approximately')),
    CONSTRAINT ck_claims_quote_complete CHECK ((quote_text IS NULL) = (quote_language IS NULL) AND (quote_translation IS NULL) = (quote_translation_language IS NULL) AND (quote_text IS NOT NULL OR quote_translation IS NULL)),
    CONSTRAINT ck_claims_retraction_reason CHECK ((status = 'Retracted') = (retraction_reason IS NOT NULL)),
    CONSTRAINT ck_claims_stance CHECK (stance IN ('Affirms', 'Denies', 'Hedges', 'Neutral')),
    CONSTRAINT ck_claims_stated_on_normalised CHECK ((stated_on_precision = 'Day' OR (stated_on_precision = 'Month' AND extract(day FROM stated_on) = 1) OR (stated_on_precision = 'Year' AND extract(month FROM stated_on) = 1 AND extract(day FROM stated_on) = 1))),
    CONSTRAINT ck_claims_stated_on_precision CHECK (stated_on_precision IN ('Day', 'Month', 'Year')),
    CONSTRAINT ck_claims_status CHECK (status IN ('Draft', 'InReview', 'Published', 'Retracted')),
    CONSTRAINT ck_claims_summary_not_blank CHECK (btrim(summary) <> ''),
    CONSTRAINT fk_claims_actors_asserted_by_id FOREIGN KEY (asserted_by_id) REFERENCES actors (id) ON DELETE RESTRICT,
    CONSTRAINT fk_claims_actors_on_behalf_of_id FOREIGN KEY (on_behalf_of_id) REFERENCES actors (id) ON DELETE RESTRICT,
    CONSTRAINT fk_claims_measures_proposition_measure FOREIGN KEY (proposition_id, measure_id) REFERENCES measures (proposition_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_claims_propositions_proposition_id FOREIGN KEY (proposition_id) REFERENCES propositions (id) ON DELETE RESTRICT
);

CREATE TABLE citations (
    id uuid NOT NULL,
    claim_id uuid NOT NULL,
    source_id uuid NOT NULL,
    role character varying(16) NOT NULL,
    quote character varying(10000),
    locator character varying(200),
    derived_from_id uuid,
    CONSTRAINT pk_citations PRIMARY KEY (id),
    CONSTRAINT ak_citations_claim_id_id UNIQUE (claim_id, id),
    CONSTRAINT ck_citations_not_from_self CHECK (derived_from_id <> id),
    CONSTRAINT ck_citations_origin_derives_from_nothing CHECK (role <> 'Origin' OR derived_from_id IS NULL),
    CONSTRAINT ck_citations_role CHECK (role IN ('Origin', 'FirstReport', 'Republication')),
    CONSTRAINT fk_citations_claims_claim_id FOREIGN KEY (claim_id) REFERENCES claims (id) ON DELETE RESTRICT,
    CONSTRAINT fk_citations_derived_from_same_claim FOREIGN KEY (claim_id, derived_from_id) REFERENCES citations (claim_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_citations_sources_source_id FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE RESTRICT
);

CREATE TABLE claim_places (
    claim_id uuid NOT NULL,
    place_id uuid NOT NULL,
    CONSTRAINT pk_claim_places PRIMARY KEY (claim_id, place_id),
    CONSTRAINT fk_claim_places_claims_claim_id FOREIGN KEY (claim_id) REFERENCES claims (id) ON DELETE RESTRICT,
    CONSTRAINT fk_claim_places_places_place_id FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE RESTRICT
);

CREATE TABLE claim_relations (
    id uuid NOT NULL,
    from_claim_id uuid NOT NULL,
    to_claim_id uuid NOT NULL,
    type character varying(16) NOT NULL,
    rationale character varying(4000) NOT NULL,
    proposed_by character varying(256) NOT NULL,
    proposed_at timestamp with time zone NOT NULL,
    state character varying(16) NOT NULL,
    reviewed_by character varying(256),
    reviewed_at timestamp with time zone,
    review_note character varying(4000),
    CONSTRAINT pk_claim_relations PRIMARY KEY (id),
    CONSTRAINT ck_claim_relations_dismissal_reason CHECK (state <> 'Dismissed' OR review_note IS NOT NULL),
    CONSTRAINT ck_claim_relations_four_eyes CHECK (reviewed_by IS NULL OR lower(reviewed_by) <> lower(proposed_by)),
    CONSTRAINT ck_claim_relations_not_self CHECK (from_claim_id <> to_claim_id),
    CONSTRAINT ck_claim_relations_rationale_not_blank CHECK (btrim(rationale) <> ''),
    CONSTRAINT ck_claim_relations_review_complete CHECK (CASE WHEN state = 'Proposed' THEN num_nonnulls(reviewed_by, reviewed_at, review_note) = 0 ELSE num_nulls(reviewed_by, reviewed_at) = 0 END),
    CONSTRAINT ck_claim_relations_state CHECK (state IN ('Proposed', 'Confirmed', 'Dismissed')),
    CONSTRAINT ck_claim_relations_type CHECK (type IN ('Corroborates', 'Contradicts', 'Refines', 'Supersedes', 'Repeats')),
    CONSTRAINT fk_claim_relations_claims_from_claim_id FOREIGN KEY (from_claim_id) REFERENCES claims (id) ON DELETE RESTRICT,
    CONSTRAINT fk_claim_relations_claims_to_claim_id FOREIGN KEY (to_claim_id) REFERENCES claims (id) ON DELETE RESTRICT
);

CREATE TABLE flags (
    id uuid NOT NULL,
    claim_id uuid,
    relation_id uuid,
    kind character varying(32) NOT NULL,
    comment character varying(4000) NOT NULL,
    status character varying(16) NOT NULL,
    raised_by character varying(256) NOT NULL,
    raised_at timestamp with time zone NOT NULL,
    closed_by character varying(256),
    closed_at timestamp with time zone,
    resolution character varying(4000),
    CONSTRAINT pk_flags PRIMARY KEY (id),
    CONSTRAINT ck_flags_closed_complete CHECK (CASE WHEN status = 'Open' THEN num_nonnulls(closed_by, closed_at, resolution) = 0 ELSE num_nulls(closed_by, closed_at, resolution) = 0 END),
    CONSTRAINT ck_flags_comment_not_blank CHECK (btrim(comment) <> ''),
    CONSTRAINT ck_flags_kind CHECK (kind IN ('Contradiction', 'MissingSource', 'WeakSource', 'Misattribution', 'Duplicate', 'TranslationNeeded', 'Other')),
    CONSTRAINT ck_flags_one_target CHECK (num_nonnulls(claim_id, relation_id) = 1),
    CONSTRAINT ck_flags_status CHECK (status IN ('Open', 'Resolved', 'Dismissed')),
    CONSTRAINT fk_flags_claim_relations_relation_id FOREIGN KEY (relation_id) REFERENCES claim_relations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_flags_claims_claim_id FOREIGN KEY (claim_id) REFERENCES claims (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_actor_aliases_actor_id_name ON actor_aliases (actor_id, name);

CREATE INDEX ix_actors_name ON actors (name);

CREATE INDEX ix_affiliations_member_id ON affiliations (member_id);

CREATE INDEX ix_affiliations_organisation_id ON affiliations (organisation_id);

CREATE INDEX ix_change_history_entity_type_entity_id_changed_at ON change_history (entity_type, entity_id, changed_at);

CREATE INDEX ix_citations_claim_id_derived_from_id ON citations (claim_id, derived_from_id);

CREATE UNIQUE INDEX ix_citations_claim_id_source_id ON citations (claim_id, source_id);

CREATE INDEX ix_citations_source_id ON citations (source_id);

CREATE UNIQUE INDEX ux_citations_one_origin_per_claim ON citations (claim_id) WHERE role = 'Origin';

CREATE INDEX ix_claim_places_place_id ON claim_places (place_id);

CREATE UNIQUE INDEX ix_claim_relations_from_claim_id_to_claim_id_type ON claim_relations (from_claim_id, to_claim_id, type);

CREATE INDEX ix_claim_relations_to_claim_id ON claim_relations (to_claim_id);

CREATE INDEX ix_claims_asserted_by_id ON claims (asserted_by_id);

CREATE INDEX ix_claims_on_behalf_of_id ON claims (on_behalf_of_id);

CREATE INDEX ix_claims_proposition_id_measure_id ON claims (proposition_id, measure_id);

CREATE INDEX ix_claims_proposition_id_stance ON claims (proposition_id, stance);

CREATE INDEX ix_claims_recorded_at ON claims (recorded_at);

CREATE INDEX ix_flags_claim_id ON flags (claim_id);

CREATE INDEX ix_flags_relation_id ON flags (relation_id);

CREATE INDEX ix_flags_status ON flags (status);

CREATE UNIQUE INDEX ix_places_name_country_code ON places (name, country_code) NULLS NOT DISTINCT;

CREATE UNIQUE INDEX ix_propositions_statement ON propositions (statement);

CREATE INDEX ix_sources_publisher_id ON sources (publisher_id);

CREATE UNIQUE INDEX ux_measures_proposition_id_lower_name ON measures (proposition_id, lower(name));

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

DROP INDEX ix_claims_recorded_at;

DROP INDEX ix_actors_name;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE sources ADD search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title) || to_tsvector('english'::regconfig, title)) STORED;

ALTER TABLE claims ADD event_end_latest date GENERATED ALWAYS AS (CASE event_end_precision WHEN 'Day' THEN event_end WHEN 'Month' THEN (event_end + interval '1 month' - interval '1 day')::date ELSE make_date(extract(year FROM event_end)::int, 12, 31) END) STORED;

ALTER TABLE claims ADD search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(summary, '') || ' ' || coalesce(quote_text, '') || ' ' || coalesce(quote_translation, '')) || to_tsvector('english'::regconfig, coalesce(summary, '') || ' ' || coalesce(quote_text, '') || ' ' || coalesce(quote_translation, ''))) STORED;

ALTER TABLE claims ADD stated_on_latest date GENERATED ALWAYS AS (CASE stated_on_precision WHEN 'Day' THEN stated_on WHEN 'Month' THEN (stated_on + interval '1 month' - interval '1 day')::date ELSE make_date(extract(year FROM stated_on)::int, 12, 31) END) STORED NOT NULL;

CREATE INDEX ix_sources_search_vector ON sources USING gin (search_vector);

CREATE INDEX ix_places_name_trgm ON places USING gin (name gin_trgm_ops);

CREATE INDEX ix_claims_recorded_at_id ON claims (recorded_at, id);

CREATE INDEX ix_claims_search_vector ON claims USING gin (search_vector);

CREATE INDEX ix_actors_name_trgm ON actors USING gin (name gin_trgm_ops);

CREATE INDEX ix_actor_aliases_name_trgm ON actor_aliases USING gin (name gin_trgm_ops);

CREATE INDEX ix_claims_stated_on_id ON claims (stated_on, id);

CREATE TABLE roles (
    id uuid NOT NULL,
    name character varying(256),
    normalized_name character varying(256),
    concurrency_stamp text,
    CONSTRAINT pk_roles PRIMARY KEY (id)
);

CREATE TABLE users (
    id uuid NOT NULL,
    display_name character varying(100) NOT NULL,
    is_disabled boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    user_name character varying(256),
    normalized_user_name character varying(256),
    email character varying(256),
    normalized_email character varying(256),
    email_confirmed boolean NOT NULL,
    password_hash text,
    security_stamp text,
    concurrency_stamp text,
    phone_number text,
    phone_number_confirmed boolean NOT NULL,
    two_factor_enabled boolean NOT NULL,
    lockout_end timestamp with time zone,
    lockout_enabled boolean NOT NULL,
    access_failed_count integer NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT ck_users_display_name_not_blank CHECK (btrim(display_name) <> '')
);

CREATE TABLE role_claims (
    id integer GENERATED BY DEFAULT AS IDENTITY,
    role_id uuid NOT NULL,
    claim_type text,
    claim_value text,
    CONSTRAINT pk_role_claims PRIMARY KEY (id),
    CONSTRAINT fk_role_claims_asp_net_roles_role_id FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
);

CREATE TABLE user_claims (
    id integer GENERATED BY DEFAULT AS IDENTITY,
    user_id uuid NOT NULL,
    claim_type text,
    claim_value text,
    CONSTRAINT pk_user_claims PRIMARY KEY (id),
    CONSTRAINT fk_user_claims_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_logins (
    login_provider text NOT NULL,
    provider_key text NOT NULL,
    provider_display_name text,
    user_id uuid NOT NULL,
    CONSTRAINT pk_user_logins PRIMARY KEY (login_provider, provider_key),
    CONSTRAINT fk_user_logins_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_roles (
    user_id uuid NOT NULL,
    role_id uuid NOT NULL,
    CONSTRAINT pk_user_roles PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_user_roles_roles_role_id FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_tokens (
    user_id uuid NOT NULL,
    login_provider text NOT NULL,
    name text NOT NULL,
    value text,
    CONSTRAINT pk_user_tokens PRIMARY KEY (user_id, login_provider, name),
    CONSTRAINT fk_user_tokens_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

INSERT INTO roles (id, concurrency_stamp, name, normalized_name)
VALUES ('0193a000-0000-7000-8000-000000000001', '0193a000-0000-7000-8000-000000000001', 'Analyst', 'ANALYST');
INSERT INTO roles (id, concurrency_stamp, name, normalized_name)
VALUES ('0193a000-0000-7000-8000-000000000002', '0193a000-0000-7000-8000-000000000002', 'Editor', 'EDITOR');
INSERT INTO roles (id, concurrency_stamp, name, normalized_name)
VALUES ('0193a000-0000-7000-8000-000000000003', '0193a000-0000-7000-8000-000000000003', 'Reviewer', 'REVIEWER');
INSERT INTO roles (id, concurrency_stamp, name, normalized_name)
VALUES ('0193a000-0000-7000-8000-000000000004', '0193a000-0000-7000-8000-000000000004', 'Admin', 'ADMIN');

CREATE INDEX ix_role_claims_role_id ON role_claims (role_id);

CREATE UNIQUE INDEX "RoleNameIndex" ON roles (normalized_name);

CREATE INDEX ix_user_claims_user_id ON user_claims (user_id);

CREATE INDEX ix_user_logins_user_id ON user_logins (user_id);

CREATE INDEX ix_user_roles_role_id ON user_roles (role_id);

CREATE INDEX "EmailIndex" ON users (normalized_email);

CREATE UNIQUE INDEX "UserNameIndex" ON users (normalized_user_name);

CREATE TABLE data_protection_keys (
    id integer GENERATED BY DEFAULT AS IDENTITY,
    friendly_name text,
    xml text,
    CONSTRAINT pk_data_protection_keys PRIMARY KEY (id)
);

ALTER TABLE claims ADD credibility_note character varying(4000);

CREATE TABLE contradiction_candidates (
    id uuid NOT NULL,
    proposition_id uuid NOT NULL,
    first_claim_id uuid NOT NULL,
    second_claim_id uuid NOT NULL,
    rule character varying(32) NOT NULL,
    reason character varying(4000) NOT NULL,
    first_fingerprint character varying(32) NOT NULL,
    second_fingerprint character varying(32) NOT NULL,
    state character varying(16) NOT NULL,
    found_at timestamp with time zone NOT NULL,
    decided_by character varying(256),
    decided_at timestamp with time zone,
    decision_note character varying(4000),
    relation_id uuid,
    CONSTRAINT pk_contradiction_candidates PRIMARY KEY (id),
    CONSTRAINT ck_contradiction_candidates_confirmed_relation CHECK ((state = 'Confirmed') = (relation_id IS NOT NULL)),
    CONSTRAINT ck_contradiction_candidates_decision CHECK ((state IN ('Dismissed', 'Confirmed')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CONSTRAINT ck_contradiction_candidates_dismissal_reason CHECK (state <> 'Dismissed' OR decision_note IS NOT NULL),
    CONSTRAINT ck_contradiction_candidates_rule CHECK (rule IN ('OpposedStances', 'IncompatibleFigures', 'LaterFigureBySameVoice')),
    CONSTRAINT ck_contradiction_candidates_state CHECK (state IN ('Open', 'Dismissed', 'Confirmed', 'Lapsed')),
    CONSTRAINT ck_contradiction_candidates_two_claims CHECK (first_claim_id <> second_claim_id),
    CONSTRAINT fk_contradiction_candidates_claim_relations_relation_id FOREIGN KEY (relation_id) REFERENCES claim_relations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contradiction_candidates_claims_first_claim_id FOREIGN KEY (first_claim_id) REFERENCES claims (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contradiction_candidates_claims_second_claim_id FOREIGN KEY (second_claim_id) REFERENCES claims (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contradiction_candidates_propositions_proposition_id FOREIGN KEY (proposition_id) REFERENCES propositions (id) ON DELETE RESTRICT
);

ALTER TABLE claims ADD CONSTRAINT ck_claims_credibility_note CHECK (credibility IS NOT NULL OR credibility_note IS NULL);

CREATE UNIQUE INDEX ix_contradiction_candidates_first_claim_id_second_claim_id_rule ON contradiction_candidates (first_claim_id, second_claim_id, rule);

CREATE INDEX ix_contradiction_candidates_open ON contradiction_candidates (proposition_id, found_at) WHERE state = 'Open';

CREATE INDEX ix_contradiction_candidates_relation_id ON contradiction_candidates (relation_id);

CREATE INDEX ix_contradiction_candidates_second_claim_id ON contradiction_candidates (second_claim_id);

CREATE TABLE api_tokens (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    hint character varying(16) NOT NULL,
    hash bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone,
    CONSTRAINT pk_api_tokens PRIMARY KEY (id),
    CONSTRAINT ck_api_tokens_expiry CHECK (expires_at > created_at),
    CONSTRAINT ck_api_tokens_hash_length CHECK (octet_length(hash) = 32),
    CONSTRAINT ck_api_tokens_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT fk_api_tokens_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_api_tokens_hash ON api_tokens (hash);

CREATE INDEX ix_api_tokens_user_id ON api_tokens (user_id);

CREATE TABLE external_ids (
    kind character varying(16) NOT NULL,
    key character varying(200) NOT NULL,
    entity_id uuid NOT NULL,
    fingerprint character varying(64) NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    imported_by character varying(256) NOT NULL,
    CONSTRAINT pk_external_ids PRIMARY KEY (kind, key),
    CONSTRAINT ck_external_ids_key_not_blank CHECK (btrim(key) <> ''),
    CONSTRAINT ck_external_ids_kind CHECK (kind IN ('actor', 'source', 'proposition', 'claim', 'citation'))
);

CREATE INDEX ix_external_ids_entity_id ON external_ids (entity_id);

CREATE INDEX ix_claims_proposition_id_stance_stated_on_id ON claims (proposition_id, stance, stated_on, id);

DROP INDEX ix_claims_proposition_id_stance;

DROP INDEX ix_citations_claim_id_source_id;

CREATE UNIQUE INDEX ix_citations_claim_id_source_id ON citations (claim_id, source_id) INCLUDE (role);

CREATE INDEX ix_claims_proposition_id_status_evidence ON claims (proposition_id, status) INCLUDE (id, stance, credibility, measure_id, event_end);

CREATE INDEX ix_claims_proposition_id_status_event_start ON claims (proposition_id, status, event_start, id) WHERE event_end IS NOT NULL;

CREATE INDEX ix_sources_id_grades ON sources (id) INCLUDE (reliability, publisher_id);

CREATE INDEX ix_actors_id_reliability ON actors (id) INCLUDE (reliability);

DROP INDEX ix_citations_source_id;

CREATE INDEX ix_citations_source_id ON citations (source_id) INCLUDE (claim_id);

ALTER TABLE api_tokens ADD second_factor character varying(16) NOT NULL DEFAULT 'None';

UPDATE api_tokens SET second_factor = 'Session'
WHERE user_id IN (SELECT id FROM users WHERE two_factor_enabled);
ALTER TABLE api_tokens ALTER COLUMN second_factor DROP DEFAULT;

ALTER TABLE api_tokens ADD CONSTRAINT ck_api_tokens_second_factor CHECK (second_factor IN ('None', 'Session', 'Operator'));

CREATE TABLE user_sessions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    key_hash bytea NOT NULL,
    ticket bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_user_sessions PRIMARY KEY (id),
    CONSTRAINT ck_user_sessions_key_hash_length CHECK (octet_length(key_hash) = 32),
    CONSTRAINT fk_user_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_user_sessions_expires_at ON user_sessions (expires_at);

CREATE UNIQUE INDEX ix_user_sessions_key_hash ON user_sessions (key_hash);

CREATE INDEX ix_user_sessions_user_id ON user_sessions (user_id);

ALTER TABLE sources ADD CONSTRAINT ck_sources_dates_in_range CHECK (published_on BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND retrieved_on BETWEEN DATE '1900-01-01' AND DATE '2200-12-31') NOT VALID;

ALTER TABLE claims ADD CONSTRAINT ck_claims_dates_in_range CHECK (stated_on BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND event_start BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND event_end BETWEEN DATE '1900-01-01' AND DATE '2200-12-31') NOT VALID;

ALTER TABLE affiliations ADD CONSTRAINT ck_affiliations_dates_in_range CHECK (valid_from BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND valid_to BETWEEN DATE '1900-01-01' AND DATE '2200-12-31') NOT VALID;

CREATE TABLE source_snapshots (
    id uuid NOT NULL,
    source_id uuid NOT NULL,
    text text NOT NULL,
    sha256 character varying(64) NOT NULL,
    format character varying(10) NOT NULL,
    url character varying(2048),
    captured_at timestamp with time zone NOT NULL,
    captured_by character varying(256) NOT NULL,
    CONSTRAINT pk_source_snapshots PRIMARY KEY (id),
    CONSTRAINT ck_source_snapshots_format CHECK (format IN ('Text', 'Html', 'Pdf')),
    CONSTRAINT ck_source_snapshots_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_source_snapshots_text_not_blank CHECK (btrim(text) <> ''),
    CONSTRAINT ck_source_snapshots_url_scheme CHECK (url ~* '^https?://[^/\s]+'),
    CONSTRAINT fk_source_snapshots_sources_source_id FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE RESTRICT
);

CREATE TABLE article_intakes (
    id uuid NOT NULL,
    source_id uuid NOT NULL,
    snapshot_id uuid NOT NULL,
    drafts_json jsonb NOT NULL,
    draft_count integer NOT NULL,
    started_by character varying(256) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_article_intakes PRIMARY KEY (id),
    CONSTRAINT ck_article_intakes_draft_count CHECK (draft_count >= 0),
    CONSTRAINT fk_article_intakes_source_snapshots_snapshot_id FOREIGN KEY (snapshot_id) REFERENCES source_snapshots (id) ON DELETE RESTRICT,
    CONSTRAINT fk_article_intakes_sources_source_id FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE RESTRICT
);

CREATE TABLE intake_decisions (
    id uuid NOT NULL,
    intake_id uuid NOT NULL,
    draft_number integer NOT NULL,
    decision character varying(20) NOT NULL,
    claim_id uuid,
    decided_by character varying(256) NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_intake_decisions PRIMARY KEY (id),
    CONSTRAINT ck_intake_decisions_claim CHECK ((decision = 'Accepted') = (claim_id IS NOT NULL)),
    CONSTRAINT ck_intake_decisions_draft_number CHECK (draft_number >= 1),
    CONSTRAINT fk_intake_decisions_article_intakes_intake_id FOREIGN KEY (intake_id) REFERENCES article_intakes (id) ON DELETE RESTRICT,
    CONSTRAINT fk_intake_decisions_claims_claim_id FOREIGN KEY (claim_id) REFERENCES claims (id) ON DELETE RESTRICT
);

CREATE INDEX ix_article_intakes_snapshot_id ON article_intakes (snapshot_id);

CREATE INDEX ix_article_intakes_source_id ON article_intakes (source_id);

CREATE INDEX ix_intake_decisions_claim_id ON intake_decisions (claim_id);

CREATE UNIQUE INDEX ix_intake_decisions_intake_id_draft_number ON intake_decisions (intake_id, draft_number);

CREATE INDEX ix_source_snapshots_sha256 ON source_snapshots (sha256);

CREATE UNIQUE INDEX ix_source_snapshots_source_id_sha256 ON source_snapshots (source_id, sha256);

CREATE FUNCTION source_snapshots_unchangeable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'source snapshots are never changed: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER source_snapshots_no_update_or_delete
    BEFORE UPDATE OR DELETE ON source_snapshots
    FOR EACH ROW EXECUTE FUNCTION source_snapshots_unchangeable();
