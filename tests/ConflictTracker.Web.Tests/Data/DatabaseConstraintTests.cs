using ConflictTracker.Web.Features.DemoData;
using Npgsql;

namespace ConflictTracker.Web.Tests.Data;

/// <summary>
/// The database refuses impossible rows on its own, even when the application's checks are bypassed
/// (raw SQL on the demo data). Each statement must fail and leave the row as it was.
/// </summary>
public class DatabaseConstraintTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid NisClaim = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly Guid PeskovClaim = DemoIds.For("claim", "peskov-fake-news");
    private static readonly Guid SeedArticle = DemoIds.For("source", "seed-article");
    private static readonly Guid KursksMeasure = DemoIds.For("measure", "to-kursk");

    public static TheoryData<string, string> ImpossibleClaims =>
        new()
        {
            {
                "UPDATE claims SET event_start = '2024-10-13', event_end = '2024-10-08' WHERE id = @id",
                "ck_claims_event_period_order"
            },
            {
                "UPDATE claims SET event_start_precision = 'Month', event_start = '2024-10-08' WHERE id = @id",
                "ck_claims_event_normalised"
            },
            { "UPDATE claims SET event_end = NULL WHERE id = @id", "ck_claims_event_period_complete" },
            {
                "UPDATE claims SET quantity_min = 2000, quantity_max = 1500, quantity_qualifier = 'Exact' WHERE id = @id",
                "ck_claims_quantity_range"
            },
            { "UPDATE claims SET quantity_min = -1 WHERE id = @id", "ck_claims_quantity_range" },
            { "UPDATE claims SET quantity_max = 2000 WHERE id = @id", "ck_claims_quantity_single_value" },
            { "UPDATE claims SET quantity_min = NULL WHERE id = @id", "ck_claims_quantity_complete" },
            { "UPDATE claims SET stance = 'Maybe' WHERE id = @id", "ck_claims_stance" },
            { "UPDATE claims SET status = 'Deleted' WHERE id = @id", "ck_claims_status" },
            { "UPDATE claims SET quantity_qualifier = 'Roughly' WHERE id = @id", "ck_claims_quantity_qualifier" },
            { "UPDATE claims SET stated_on_precision = 'Week' WHERE id = @id", "ck_claims_stated_on" },
            { "UPDATE claims SET credibility = 7 WHERE id = @id", "ck_claims_credibility" },
            { "UPDATE claims SET summary = '   ' WHERE id = @id", "ck_claims_summary_not_blank" },
            { "UPDATE claims SET on_behalf_of_id = asserted_by_id WHERE id = @id", "ck_claims_not_on_behalf_of_self" },
            { "UPDATE claims SET status = 'Retracted' WHERE id = @id", "ck_claims_retraction_reason" },
            { "UPDATE claims SET quote_translation = 'x' WHERE id = @id", "ck_claims_quote_complete" },
            {
                "UPDATE claims SET stated_on = '0001-01-01', stated_on_precision = 'Day' WHERE id = @id",
                "ck_claims_dates_in_range"
            },
            {
                "UPDATE claims SET event_end = '9999-12-01', event_end_precision = 'Month' WHERE id = @id",
                "ck_claims_dates_in_range"
            },
        };

    [Theory]
    [InlineData(
        "UPDATE sources SET published_on = '1899-12-31', published_on_precision = 'Day' WHERE id = @id",
        "ck_sources_dates_in_range"
    )]
    [InlineData("UPDATE sources SET retrieved_on = '2201-01-01' WHERE id = @id", "ck_sources_dates_in_range")]
    public async Task DatabaseRefusesASourceDateOutsideTheYears1900To2200(string sql, string constraint)
    {
        var act = () => fixture.Database.ExecuteAsync(sql, ("id", SeedArticle));

        (await act.Should().ThrowAsync<PostgresException>()).Which.ConstraintName.Should().Be(constraint);
    }

    [Theory]
    [MemberData(nameof(ImpossibleClaims))]
    public async Task DatabaseRefusesAnImpossibleClaim(string sql, string constraint)
    {
        var act = () => fixture.Database.ExecuteAsync(sql, ("id", NisClaim));

        // PostgreSQL checks constraints in name order and names the first that fails.
        (await act.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .StartWith(constraint);
        (
            await fixture.Database.ScalarAsync<string>(
                $"SELECT concat_ws('|', event_start, event_end, quantity_min, stance, status) FROM claims WHERE id = '{NisClaim}'"
            )
        )
            .Should()
            .Be("2024-10-08|2024-10-13|1500.0000|Affirms|Published", "the refused statement changed nothing");
    }

    [Theory]
    [InlineData("javascript:alert(1)", "ck_sources_url_scheme")]
    [InlineData("JAVASCRIPT:alert(1)", "ck_sources_url_scheme")]
    [InlineData("data:text/html,hi", "ck_sources_url_scheme")]
    [InlineData("file:///etc/passwd", "ck_sources_url_scheme")]
    [InlineData("https://", "ck_sources_url_scheme")]
    public async Task DatabaseRefusesSourceAddressesThatAreNotHttp(string url, string constraint)
    {
        var act = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO sources (id, kind, title, url, status) VALUES (gen_random_uuid(), 'Article', 'Bad link', @url, 'Active')",
                ("url", url)
            );

        (await act.Should().ThrowAsync<PostgresException>()).Which.ConstraintName.Should().Be(constraint);
    }

    [Fact]
    public async Task DatabaseAcceptsAnHttpsSource()
    {
        await fixture.Database.ExecuteAsync(
            "INSERT INTO sources (id, kind, title, url, status) VALUES (gen_random_uuid(), 'Article', 'Good link', 'https://example.org/a', 'Active')"
        );
    }

    [Fact]
    public async Task DatabaseRefusesAFigureOnAnotherPropositionsMeasure()
    {
        // The NIS claim is on the deployment proposition; the Kursk measure belongs to another.
        var act = () =>
            fixture.Database.ExecuteAsync(
                "UPDATE claims SET measure_id = @measure WHERE id = @id",
                ("measure", KursksMeasure),
                ("id", NisClaim)
            );

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.SqlState.Should()
            .Be(PostgresErrorCodes.ForeignKeyViolation);
    }

    [Fact]
    public async Task DatabaseRefusesASecondOriginForAClaim()
    {
        var act = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO citations (id, claim_id, source_id, role) VALUES (gen_random_uuid(), @claim, @source, 'Origin')",
                ("claim", NisClaim),
                ("source", DemoIds.For("source", "cnn-form"))
            );

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .Be("ux_citations_one_origin_per_claim");
    }

    [Fact]
    public async Task DatabaseRefusesACitationDerivedFromAnotherClaimsCitation()
    {
        var act = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO citations (id, claim_id, source_id, role, derived_from_id) VALUES (gen_random_uuid(), @claim, @source, 'Republication', @from)",
                ("claim", PeskovClaim),
                ("source", DemoIds.For("source", "cnn-form")),
                ("from", DemoIds.For("citation", "nis-1500-vladivostok/origin"))
            );

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .Be("fk_citations_derived_from_same_claim");
    }

    [Fact]
    public async Task DatabaseRefusesCitingTheSameSourceTwiceForAClaim()
    {
        var act = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO citations (id, claim_id, source_id, role) VALUES (gen_random_uuid(), @claim, @source, 'Republication')",
                ("claim", NisClaim),
                ("source", SeedArticle)
            );

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.SqlState.Should()
            .Be(PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task DatabaseRefusesAFlagOnTwoTargetsOrNone()
    {
        var none = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO flags (id, kind, comment, status, raised_by, raised_at) VALUES (gen_random_uuid(), 'Other', 'x', 'Open', 'a', now())"
            );

        (await none.Should().ThrowAsync<PostgresException>()).Which.ConstraintName.Should().Be("ck_flags_one_target");
    }

    [Fact]
    public async Task DatabaseRefusesASelfRelationAndASelfReview()
    {
        var self = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO claim_relations (id, from_claim_id, to_claim_id, type, rationale, proposed_by, proposed_at, state) VALUES (gen_random_uuid(), @id, @id, 'Contradicts', 'x', 'a', now(), 'Proposed')",
                ("id", NisClaim)
            );
        var ownReview = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO claim_relations (id, from_claim_id, to_claim_id, type, rationale, proposed_by, proposed_at, state, reviewed_by, reviewed_at) VALUES (gen_random_uuid(), @a, @b, 'Contradicts', 'x', 'ana', now(), 'Confirmed', 'ANA', now())",
                ("a", NisClaim),
                ("b", PeskovClaim)
            );

        (await self.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .Be("ck_claim_relations_not_self");
        (await ownReview.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .Be("ck_claim_relations_four_eyes");
    }

    [Fact]
    public async Task DatabaseRefusesAClosedFlagWithoutWhoWhenAndWhy()
    {
        var act = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO flags (id, claim_id, kind, comment, status, raised_by, raised_at, closed_by) VALUES (gen_random_uuid(), @claim, 'Other', 'x', 'Resolved', 'a', now(), 'b')",
                ("claim", NisClaim)
            );

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .Be("ck_flags_closed_complete");
    }

    [Fact]
    public async Task DatabaseRefusesADismissalWithoutAReason()
    {
        var act = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO claim_relations (id, from_claim_id, to_claim_id, type, rationale, proposed_by, proposed_at, state, reviewed_by, reviewed_at) VALUES (gen_random_uuid(), @a, @b, 'Contradicts', 'x', 'ana', now(), 'Dismissed', 'rui', now())",
                ("a", NisClaim),
                ("b", PeskovClaim)
            );

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .Be("ck_claim_relations_dismissal_reason");
    }

    [Fact]
    public async Task DatabaseRefusesAMeasureNameDifferingOnlyInCase()
    {
        var act = () =>
            fixture.Database.ExecuteAsync(
                "INSERT INTO measures (id, proposition_id, name, unit) SELECT gen_random_uuid(), proposition_id, upper(name), unit FROM measures WHERE id = @id",
                ("id", KursksMeasure)
            );

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .Be("ux_measures_proposition_id_lower_name");
    }

    [Fact]
    public async Task DatabaseRefusesARetractionWithoutAReason()
    {
        var act = () =>
            fixture.Database.ExecuteAsync(
                "UPDATE sources SET status = 'Retracted' WHERE id = @id",
                ("id", SeedArticle)
            );

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.ConstraintName.Should()
            .Be("ck_sources_retraction_reason");
    }

    [Fact]
    public async Task ChangeHistoryIsAppendOnly()
    {
        await fixture.Database.ExecuteAsync(
            "INSERT INTO change_history (entity_type, entity_id, action, changed_by, changed_at, changes) VALUES ('Claim', @id, 'Updated', 'ana', now(), '{}')",
            ("id", NisClaim)
        );

        var update = () => fixture.Database.ExecuteAsync("UPDATE change_history SET changed_by = 'mallory'");
        var delete = () => fixture.Database.ExecuteAsync("DELETE FROM change_history");
        var truncate = () => fixture.Database.ExecuteAsync("TRUNCATE change_history");

        foreach (var attempt in new[] { update, delete, truncate })
        {
            (await attempt.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        }

        (
            await fixture.Database.ScalarAsync<string>(
                "SELECT count(*)::text FROM change_history WHERE changed_by = 'ana'"
            )
        )
            .Should()
            .Be("1", "the row is still there, unchanged");
    }
}
