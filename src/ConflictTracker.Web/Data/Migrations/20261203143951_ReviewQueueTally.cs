using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <summary>
    /// The review queue kept counted (docs/rules/review-queue.md, "Counts kept"; docs/performance.md): open items
    /// by proposition and kind in <c>review_queue_tally</c>, and each denial's open opposed-stance pairs as one
    /// row of <c>review_queue_groups</c>, kept by statement-level triggers in the changing transaction; and the
    /// indexes the queue's pages are read from in queue order.
    /// </summary>
    public partial class ReviewQueueTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_flags_open",
                table: "flags",
                columns: new[] { "raised_at", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_contradiction_candidates_open_pairs",
                table: "contradiction_candidates",
                columns: new[] { "found_at", "id" },
                filter: "state = 'Open' AND rule <> 'OpposedStances'");

            migrationBuilder.CreateIndex(
                name: "ix_claim_relations_proposed",
                table: "claim_relations",
                columns: new[] { "proposed_at", "id" },
                filter: "state = 'Proposed'");

            migrationBuilder.Sql(
                """
                CREATE TABLE review_queue_tally (
                    proposition_id uuid NOT NULL,
                    kind smallint NOT NULL,
                    items integer NOT NULL,
                    CONSTRAINT pk_review_queue_tally PRIMARY KEY (proposition_id, kind)
                );
                COMMENT ON TABLE review_queue_tally IS
                    'Open review items by proposition and kind (0 candidates, 1 proposed relations, 2 open flags), kept by triggers.';

                CREATE TABLE review_queue_groups (
                    denial_id uuid NOT NULL,
                    proposition_id uuid NOT NULL,
                    pairs integer NOT NULL,
                    since timestamp with time zone NOT NULL,
                    newest timestamp with time zone NOT NULL,
                    CONSTRAINT pk_review_queue_groups PRIMARY KEY (denial_id)
                );
                CREATE INDEX ix_review_queue_groups_since ON review_queue_groups (since, denial_id);
                CREATE INDEX ix_review_queue_groups_newest ON review_queue_groups (newest, denial_id);
                COMMENT ON TABLE review_queue_groups IS
                    'A denial''s open opposed-stance candidates as one queue item: how many, the oldest and newest; kept by triggers.';

                -- Adds signed counts to the tally, rows locked in one order within a statement. A count is added
                -- to the row as it is when the lock is granted, so concurrent saves add up.
                CREATE FUNCTION review_queue_tally_add(propositions uuid[], kinds smallint[], deltas integer[]) RETURNS void
                LANGUAGE sql AS $$
                    INSERT INTO review_queue_tally AS t (proposition_id, kind, items)
                    SELECT p, k, sum(d)::int FROM unnest(propositions, kinds, deltas) AS x(p, k, d)
                    WHERE p IS NOT NULL
                    GROUP BY p, k HAVING sum(d) <> 0
                    ORDER BY p, k
                    ON CONFLICT (proposition_id, kind) DO UPDATE SET items = t.items + excluded.items;
                $$;

                -- A denial's group holds the open opposed-stance pairs it is a claim of (one affirms, one denies; a pair
                -- left open after both came to deny is in both groups until the candidates are worked out again).
                -- Counts a group again for each of the given claims that is a denial, or had a group (its stance or proposition
                -- changed since). One maintainer per denial at a time: a new denial's row is inserted first (an insert of the same
                -- row by another transaction waits for it to end), then the rows are locked in one order; the count runs after
                -- the lock, on a snapshot that sees what the other transaction committed.
                CREATE FUNCTION review_queue_groups_refresh(claim_ids uuid[]) RETURNS void
                LANGUAGE plpgsql AS $$
                DECLARE
                    affected uuid[];
                BEGIN
                    -- The claims' stances are read: a concurrent restance of one of them is waited for first.
                    PERFORM 1 FROM claims c WHERE c.id = ANY (claim_ids) ORDER BY c.id FOR SHARE;
                    affected := ARRAY(
                        SELECT c.id FROM claims c WHERE c.id = ANY (claim_ids) AND c.stance = 'Denies'
                        UNION
                        SELECT g.denial_id FROM review_queue_groups g WHERE g.denial_id = ANY (claim_ids));
                    IF cardinality(affected) = 0 THEN
                        RETURN;
                    END IF;
                    INSERT INTO review_queue_groups (denial_id, proposition_id, pairs, since, newest)
                    SELECT c.id, c.proposition_id, 0, '-infinity', '-infinity' FROM claims c
                    WHERE c.id = ANY (affected) AND c.stance = 'Denies'
                    ORDER BY c.id
                    ON CONFLICT (denial_id) DO NOTHING;
                    PERFORM 1 FROM review_queue_groups g WHERE g.denial_id = ANY (affected) ORDER BY g.denial_id FOR NO KEY UPDATE;
                    WITH counted AS (
                        SELECT d.id, d.proposition_id, count(*)::int AS pairs, min(p.found_at) AS since, max(p.found_at) AS newest
                        FROM claims d
                        JOIN LATERAL (
                            SELECT c.found_at FROM contradiction_candidates c
                            WHERE c.first_claim_id = d.id AND c.state = 'Open' AND c.rule = 'OpposedStances'
                            UNION ALL
                            SELECT c.found_at FROM contradiction_candidates c
                            WHERE c.second_claim_id = d.id AND c.state = 'Open' AND c.rule = 'OpposedStances'
                        ) p ON true
                        WHERE d.id = ANY (affected) AND d.stance = 'Denies'
                        GROUP BY d.id, d.proposition_id
                    ), gone AS (
                        DELETE FROM review_queue_groups g
                        WHERE g.denial_id = ANY (affected) AND NOT EXISTS (SELECT 1 FROM counted WHERE counted.id = g.denial_id)
                    )
                    UPDATE review_queue_groups g
                    SET proposition_id = counted.proposition_id, pairs = counted.pairs, since = counted.since, newest = counted.newest
                    FROM counted WHERE g.denial_id = counted.id;
                END;
                $$;

                -- Everything counted again from the tables (after TRUNCATE, and by `admin recount-queue`).
                CREATE FUNCTION review_queue_recount() RETURNS void
                LANGUAGE plpgsql AS $$
                BEGIN
                    LOCK TABLE review_queue_tally, review_queue_groups IN EXCLUSIVE MODE;
                    DELETE FROM review_queue_tally;
                    INSERT INTO review_queue_tally (proposition_id, kind, items)
                    SELECT proposition_id, kind, count(*)::int FROM (
                        SELECT c.proposition_id, 0::smallint AS kind FROM contradiction_candidates c WHERE c.state = 'Open'
                        UNION ALL
                        SELECT claim.proposition_id, 1 FROM claim_relations r JOIN claims claim ON claim.id = r.from_claim_id
                        WHERE r.state = 'Proposed'
                        UNION ALL
                        SELECT claim.proposition_id, 2 FROM flags f
                        LEFT JOIN claim_relations r ON r.id = f.relation_id
                        JOIN claims claim ON claim.id = coalesce(f.claim_id, r.from_claim_id)
                        WHERE f.status = 'Open'
                    ) open
                    GROUP BY proposition_id, kind;
                    DELETE FROM review_queue_groups;
                    INSERT INTO review_queue_groups (denial_id, proposition_id, pairs, since, newest)
                    SELECT d.id, d.proposition_id, count(*), min(c.found_at), max(c.found_at)
                    FROM contradiction_candidates c
                    JOIN claims d ON d.id IN (c.first_claim_id, c.second_claim_id) AND d.stance = 'Denies'
                    WHERE c.state = 'Open' AND c.rule = 'OpposedStances'
                    GROUP BY d.id, d.proposition_id;
                END;
                $$;

                CREATE FUNCTION review_queue_truncated() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM review_queue_recount();
                    RETURN NULL;
                END;
                $$;

                -- Candidates: the proposition is on the row; the claims of opposed-stance pairs have their groups counted again.
                CREATE FUNCTION review_queue_candidates() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM review_queue_tally_add(array_agg(proposition_id), array_agg(0::smallint), array_agg(1))
                        FROM new_rows WHERE state = 'Open';
                        PERFORM review_queue_groups_refresh(ARRAY(
                            SELECT first_claim_id FROM new_rows WHERE rule = 'OpposedStances'
                            UNION SELECT second_claim_id FROM new_rows WHERE rule = 'OpposedStances'));
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM review_queue_tally_add(array_agg(p), array_agg(0::smallint), array_agg(d))
                        FROM (
                            SELECT proposition_id AS p, 1 AS d FROM new_rows WHERE state = 'Open'
                            UNION ALL SELECT proposition_id, -1 FROM old_rows WHERE state = 'Open'
                        ) x;
                        PERFORM review_queue_groups_refresh(ARRAY(
                            SELECT first_claim_id FROM new_rows WHERE rule = 'OpposedStances'
                            UNION SELECT second_claim_id FROM new_rows WHERE rule = 'OpposedStances'
                            UNION SELECT first_claim_id FROM old_rows WHERE rule = 'OpposedStances'
                            UNION SELECT second_claim_id FROM old_rows WHERE rule = 'OpposedStances'));
                    ELSE
                        PERFORM review_queue_tally_add(array_agg(proposition_id), array_agg(0::smallint), array_agg(-1))
                        FROM old_rows WHERE state = 'Open';
                        PERFORM review_queue_groups_refresh(ARRAY(
                            SELECT first_claim_id FROM old_rows WHERE rule = 'OpposedStances'
                            UNION SELECT second_claim_id FROM old_rows WHERE rule = 'OpposedStances'));
                    END IF;
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER contradiction_candidates_queue_inserted AFTER INSERT ON contradiction_candidates
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_candidates();
                CREATE TRIGGER contradiction_candidates_queue_updated AFTER UPDATE ON contradiction_candidates
                    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_candidates();
                CREATE TRIGGER contradiction_candidates_queue_deleted AFTER DELETE ON contradiction_candidates
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_candidates();

                -- Relations and flags are counted under their (subject) claim's proposition. The claims read through are
                -- share-locked first, as for the kept figures: a concurrent move of one of them to another proposition is waited
                -- for, and then its new proposition is read (or the move, running later, finds this relation or flag).
                CREATE FUNCTION review_queue_relations() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM 1 FROM claims c WHERE c.id IN (SELECT from_claim_id FROM new_rows) ORDER BY c.id FOR SHARE;
                        PERFORM review_queue_tally_add(array_agg(c.proposition_id), array_agg(1::smallint), array_agg(1))
                        FROM new_rows n JOIN claims c ON c.id = n.from_claim_id WHERE n.state = 'Proposed';
                    END IF;
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM 1 FROM claims c WHERE c.id IN (SELECT from_claim_id FROM old_rows) ORDER BY c.id FOR SHARE;
                        PERFORM review_queue_tally_add(array_agg(c.proposition_id), array_agg(1::smallint), array_agg(-1))
                        FROM old_rows o JOIN claims c ON c.id = o.from_claim_id WHERE o.state = 'Proposed';
                    END IF;
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER claim_relations_queue_inserted AFTER INSERT ON claim_relations
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_relations();
                CREATE TRIGGER claim_relations_queue_updated AFTER UPDATE ON claim_relations
                    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_relations();
                CREATE TRIGGER claim_relations_queue_deleted AFTER DELETE ON claim_relations
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_relations();

                CREATE FUNCTION review_queue_flags() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM 1 FROM claims c
                        WHERE c.id IN (SELECT coalesce(n.claim_id, r.from_claim_id) FROM new_rows n
                                       LEFT JOIN claim_relations r ON r.id = n.relation_id)
                        ORDER BY c.id FOR SHARE;
                        PERFORM review_queue_tally_add(array_agg(c.proposition_id), array_agg(2::smallint), array_agg(1))
                        FROM new_rows n LEFT JOIN claim_relations r ON r.id = n.relation_id
                        JOIN claims c ON c.id = coalesce(n.claim_id, r.from_claim_id)
                        WHERE n.status = 'Open';
                    END IF;
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM 1 FROM claims c
                        WHERE c.id IN (SELECT coalesce(o.claim_id, r.from_claim_id) FROM old_rows o
                                       LEFT JOIN claim_relations r ON r.id = o.relation_id)
                        ORDER BY c.id FOR SHARE;
                        PERFORM review_queue_tally_add(array_agg(c.proposition_id), array_agg(2::smallint), array_agg(-1))
                        FROM old_rows o LEFT JOIN claim_relations r ON r.id = o.relation_id
                        JOIN claims c ON c.id = coalesce(o.claim_id, r.from_claim_id)
                        WHERE o.status = 'Open';
                    END IF;
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER flags_queue_inserted AFTER INSERT ON flags
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_flags();
                CREATE TRIGGER flags_queue_updated AFTER UPDATE ON flags
                    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_flags();
                CREATE TRIGGER flags_queue_deleted AFTER DELETE ON flags
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_flags();

                -- A claim moved to another proposition takes its proposed relations and open flags (on it, or on a relation from
                -- it) along; a claim whose stance or proposition changed has its group counted again.
                CREATE FUNCTION review_queue_claims() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM review_queue_tally_add(array_agg(x.p), array_agg(x.k), array_agg(x.d))
                    FROM (
                        WITH moved AS (
                            SELECT n.id, o.proposition_id AS old_p, n.proposition_id AS new_p
                            FROM new_rows n JOIN old_rows o ON o.id = n.id
                            WHERE o.proposition_id <> n.proposition_id
                        ), items AS (
                            SELECT m.old_p, m.new_p, 1::smallint AS k FROM moved m
                            JOIN claim_relations r ON r.from_claim_id = m.id WHERE r.state = 'Proposed'
                            UNION ALL
                            SELECT m.old_p, m.new_p, 2::smallint FROM moved m
                            JOIN flags f ON f.claim_id = m.id WHERE f.status = 'Open'
                            UNION ALL
                            SELECT m.old_p, m.new_p, 2::smallint FROM moved m
                            JOIN claim_relations r ON r.from_claim_id = m.id
                            JOIN flags f ON f.relation_id = r.id WHERE f.status = 'Open' AND f.claim_id IS NULL
                        )
                        SELECT old_p AS p, k, -1 AS d FROM items
                        UNION ALL
                        SELECT new_p, k, 1 FROM items
                    ) x;
                    PERFORM review_queue_groups_refresh(ARRAY(
                        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                        WHERE o.stance <> n.stance OR o.proposition_id <> n.proposition_id));
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER claims_queue_updated AFTER UPDATE ON claims
                    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review_queue_claims();

                CREATE TRIGGER contradiction_candidates_queue_truncated AFTER TRUNCATE ON contradiction_candidates
                    FOR EACH STATEMENT EXECUTE FUNCTION review_queue_truncated();
                CREATE TRIGGER claim_relations_queue_truncated AFTER TRUNCATE ON claim_relations
                    FOR EACH STATEMENT EXECUTE FUNCTION review_queue_truncated();
                CREATE TRIGGER flags_queue_truncated AFTER TRUNCATE ON flags
                    FOR EACH STATEMENT EXECUTE FUNCTION review_queue_truncated();
                CREATE TRIGGER claims_queue_truncated AFTER TRUNCATE ON claims
                    FOR EACH STATEMENT EXECUTE FUNCTION review_queue_truncated();

                SELECT review_queue_recount();
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER contradiction_candidates_queue_inserted ON contradiction_candidates;
                DROP TRIGGER contradiction_candidates_queue_updated ON contradiction_candidates;
                DROP TRIGGER contradiction_candidates_queue_deleted ON contradiction_candidates;
                DROP TRIGGER contradiction_candidates_queue_truncated ON contradiction_candidates;
                DROP TRIGGER claim_relations_queue_inserted ON claim_relations;
                DROP TRIGGER claim_relations_queue_updated ON claim_relations;
                DROP TRIGGER claim_relations_queue_deleted ON claim_relations;
                DROP TRIGGER claim_relations_queue_truncated ON claim_relations;
                DROP TRIGGER flags_queue_inserted ON flags;
                DROP TRIGGER flags_queue_updated ON flags;
                DROP TRIGGER flags_queue_deleted ON flags;
                DROP TRIGGER flags_queue_truncated ON flags;
                DROP TRIGGER claims_queue_updated ON claims;
                DROP TRIGGER claims_queue_truncated ON claims;
                DROP FUNCTION review_queue_candidates(), review_queue_relations(), review_queue_flags(),
                    review_queue_claims(), review_queue_truncated(), review_queue_recount(),
                    review_queue_groups_refresh(uuid[]), review_queue_tally_add(uuid[], smallint[], integer[]);
                DROP TABLE review_queue_groups, review_queue_tally;
                """
            );

            migrationBuilder.DropIndex(
                name: "ix_flags_open",
                table: "flags");

            migrationBuilder.DropIndex(
                name: "ix_contradiction_candidates_open_pairs",
                table: "contradiction_candidates");

            migrationBuilder.DropIndex(
                name: "ix_claim_relations_proposed",
                table: "claim_relations");
        }
    }
}
