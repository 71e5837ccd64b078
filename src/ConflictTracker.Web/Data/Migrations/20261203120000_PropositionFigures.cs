using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <summary>
    /// A proposition's figures (reports, origin documents, independent voices, scores, counts by stance), kept
    /// between reads (docs/rules/origin-counting.md, "Kept figures"). Each proposition has a row whose
    /// <c>evidence_version</c> is moved on by triggers, in the changing transaction, whenever something its
    /// figures are made of changes: its claims, their citations and relations, the cited sources, the actors
    /// who speak or publish. <c>figures</c> holds what was computed at <c>figures_version</c>; it is used only
    /// while the two versions are equal. Triggers are statement-level, so a bulk COPY moves each proposition
    /// on once, and a proposition already moved on by the same transaction is not updated again.
    /// </summary>
    public partial class PropositionFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE TABLE proposition_figures (
                    proposition_id uuid NOT NULL,
                    evidence_version bigint NOT NULL DEFAULT 1,
                    figures jsonb,
                    figures_version bigint,
                    computed_at timestamp with time zone,
                    CONSTRAINT pk_proposition_figures PRIMARY KEY (proposition_id),
                    CONSTRAINT fk_proposition_figures_propositions FOREIGN KEY (proposition_id)
                        REFERENCES propositions (id) ON DELETE CASCADE
                );
                INSERT INTO proposition_figures (proposition_id) SELECT id FROM propositions;

                -- Moves the given propositions' figures on, once per transaction, locking their rows in one
                -- order (two saves touching the same propositions cannot deadlock here).
                CREATE FUNCTION proposition_figures_touch(ids uuid[]) RETURNS void
                LANGUAGE sql AS $$
                    UPDATE proposition_figures f
                    SET evidence_version = f.evidence_version + 1
                    FROM (
                        SELECT proposition_id FROM proposition_figures
                        WHERE proposition_id = ANY (ids)
                          AND NOT (xmin = (pg_current_xact_id()::text::bigint % 4294967296)::text::xid)
                        ORDER BY proposition_id
                        FOR NO KEY UPDATE
                    ) touched
                    WHERE f.proposition_id = touched.proposition_id;
                $$;

                -- TRUNCATE of any table the figures are made of: every proposition's figures are out of date.
                CREATE FUNCTION proposition_figures_all() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE proposition_figures SET evidence_version = evidence_version + 1;
                    RETURN NULL;
                END;
                $$;

                CREATE FUNCTION proposition_figures_added() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO proposition_figures (proposition_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER propositions_figures_added AFTER INSERT ON propositions
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_added();

                -- A trigger finds the propositions a change touches by reading other tables (a citation's claim,
                -- a source's citations). A change to those rows by a transaction not yet committed is invisible to
                -- that read, so each trigger first takes a share lock on the rows it reads through (FOR SHARE
                -- conflicts with any update of them): a concurrent update of one of them is waited for, and the
                -- other side's trigger, running later, sees this change. Without it, a source regraded while a
                -- claim newly cites it could leave that claim's proposition with figures of the old grade.

                -- Claims: the proposition before and after (a claim moved between propositions touches both);
                -- the speakers are locked (their names and "collective" are read).
                CREATE FUNCTION proposition_figures_claims() RETURNS trigger
                LANGUAGE plpgsql AS $$
                DECLARE
                    touched uuid[];
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        touched := ARRAY(SELECT DISTINCT proposition_id FROM old_rows);
                    ELSE
                        PERFORM 1 FROM actors a
                        WHERE a.id IN (SELECT asserted_by_id FROM new_rows UNION SELECT on_behalf_of_id FROM new_rows)
                        ORDER BY a.id FOR SHARE;
                        IF TG_OP = 'INSERT' THEN
                            touched := ARRAY(SELECT DISTINCT proposition_id FROM new_rows);
                        ELSE
                            touched := ARRAY(SELECT proposition_id FROM new_rows UNION SELECT proposition_id FROM old_rows);
                        END IF;
                    END IF;
                    PERFORM proposition_figures_touch(touched);
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER claims_figures_inserted AFTER INSERT ON claims
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_claims();
                CREATE TRIGGER claims_figures_updated AFTER UPDATE ON claims
                    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_claims();
                CREATE TRIGGER claims_figures_deleted AFTER DELETE ON claims
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_claims();

                -- Citations: the propositions of the claims they belong to; the claims, the cited sources and
                -- their publishers are locked.
                CREATE FUNCTION proposition_figures_citations() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM 1 FROM claims c WHERE c.id IN (SELECT claim_id FROM new_rows) ORDER BY c.id FOR SHARE;
                        PERFORM 1 FROM sources s WHERE s.id IN (SELECT source_id FROM new_rows) ORDER BY s.id FOR SHARE;
                        PERFORM 1 FROM actors a
                        WHERE a.id IN (SELECT s.publisher_id FROM sources s WHERE s.id IN (SELECT source_id FROM new_rows))
                        ORDER BY a.id FOR SHARE;
                    END IF;
                    IF TG_OP = 'INSERT' THEN
                        PERFORM proposition_figures_touch(ARRAY(
                            SELECT c.proposition_id FROM new_rows n JOIN claims c ON c.id = n.claim_id));
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM proposition_figures_touch(ARRAY(
                            SELECT c.proposition_id FROM new_rows n JOIN claims c ON c.id = n.claim_id
                            UNION
                            SELECT c.proposition_id FROM old_rows o JOIN claims c ON c.id = o.claim_id));
                    ELSE
                        PERFORM proposition_figures_touch(ARRAY(
                            SELECT c.proposition_id FROM old_rows o JOIN claims c ON c.id = o.claim_id));
                    END IF;
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER citations_figures_inserted AFTER INSERT ON citations
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_citations();
                CREATE TRIGGER citations_figures_updated AFTER UPDATE ON citations
                    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_citations();
                CREATE TRIGGER citations_figures_deleted AFTER DELETE ON citations
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_citations();

                -- Relations (a confirmed "repeats" merges origins): the propositions of both claims, locked.
                CREATE FUNCTION proposition_figures_relations() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM 1 FROM claims c
                        WHERE c.id IN (SELECT from_claim_id FROM new_rows UNION SELECT to_claim_id FROM new_rows)
                        ORDER BY c.id FOR SHARE;
                        PERFORM proposition_figures_touch(ARRAY(
                            SELECT c.proposition_id FROM new_rows n
                            JOIN claims c ON c.id IN (n.from_claim_id, n.to_claim_id)));
                    END IF;
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM proposition_figures_touch(ARRAY(
                            SELECT c.proposition_id FROM old_rows o
                            JOIN claims c ON c.id IN (o.from_claim_id, o.to_claim_id)));
                    END IF;
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER claim_relations_figures_inserted AFTER INSERT ON claim_relations
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_relations();
                CREATE TRIGGER claim_relations_figures_updated AFTER UPDATE ON claim_relations
                    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_relations();
                CREATE TRIGGER claim_relations_figures_deleted AFTER DELETE ON claim_relations
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_relations();

                -- Sources (grade, publisher): the propositions of the claims citing them; the new publishers are
                -- locked (their grade is read).
                CREATE FUNCTION proposition_figures_sources() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM 1 FROM actors a WHERE a.id IN (SELECT publisher_id FROM new_rows) ORDER BY a.id FOR SHARE;
                    PERFORM proposition_figures_touch(ARRAY(
                        SELECT DISTINCT c.proposition_id FROM old_rows o
                        JOIN citations ci ON ci.source_id = o.id JOIN claims c ON c.id = ci.claim_id));
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER sources_figures_updated AFTER UPDATE ON sources
                    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_sources();

                -- Actors (name, collective, grade as a publisher): the propositions where they speak, or publish a
                -- cited source.
                CREATE FUNCTION proposition_figures_actors() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM proposition_figures_touch(ARRAY(
                        SELECT c.proposition_id FROM old_rows o JOIN claims c ON c.asserted_by_id = o.id
                        UNION
                        SELECT c.proposition_id FROM old_rows o JOIN claims c ON c.on_behalf_of_id = o.id
                        UNION
                        SELECT c.proposition_id FROM old_rows o JOIN sources s ON s.publisher_id = o.id
                        JOIN citations ci ON ci.source_id = s.id JOIN claims c ON c.id = ci.claim_id));
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER actors_figures_updated AFTER UPDATE ON actors
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_actors();

                CREATE TRIGGER claims_figures_truncated AFTER TRUNCATE ON claims
                    FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_all();
                CREATE TRIGGER citations_figures_truncated AFTER TRUNCATE ON citations
                    FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_all();
                CREATE TRIGGER claim_relations_figures_truncated AFTER TRUNCATE ON claim_relations
                    FOR EACH STATEMENT EXECUTE FUNCTION proposition_figures_all();
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TABLE proposition_figures;
                DROP FUNCTION proposition_figures_added() CASCADE;
                DROP FUNCTION proposition_figures_claims() CASCADE;
                DROP FUNCTION proposition_figures_citations() CASCADE;
                DROP FUNCTION proposition_figures_relations() CASCADE;
                DROP FUNCTION proposition_figures_sources() CASCADE;
                DROP FUNCTION proposition_figures_actors() CASCADE;
                DROP FUNCTION proposition_figures_all() CASCADE;
                DROP FUNCTION proposition_figures_touch(uuid[]);
                """
            );
        }
    }
}
