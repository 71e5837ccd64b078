using System.Security.Claims;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Saving;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Claim = System.Security.Claims.Claim;

namespace ConflictTracker.Web.Tests.Review;

/// <summary>
/// The stored contradiction candidates on the demo data in PostgreSQL: what the demo data produces,
/// confirming and dismissing them, the dismissal memory as claims change, ratings and assessments.
/// </summary>
public class CandidateQueueTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly Guid Peskov = DemoIds.For("claim", "peskov-fake-news");

    private static IAccess As(string email, string role) =>
        TestAccess.For(
            new ClaimsPrincipal(
                new ClaimsIdentity([new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "Test")
            ),
            new SecurityOptions()
        );

    private static readonly IAccess Reviewer = As("rui@example.org", Roles.Reviewer);
    private static readonly IAccess Editor = As("ana@example.org", Roles.Editor);
    private static readonly IAccess Analyst = As("an@example.org", Roles.Analyst);

    private ReviewService Service(IAccess access) => new(fixture.Database.ContextFactory, access, TimeProvider.System);

    private ReviewQueueService Queue(IAccess access) => new(fixture.Database.ContextFactory, access);

    private StatementEditorService Statements(IAccess access) =>
        new(fixture.Database.ContextFactory, access, TimeProvider.System);

    private async Task<ContradictionCandidate> CandidateAsync(
        Guid a,
        Guid b,
        CandidateRule rule = CandidateRule.OpposedStances
    )
    {
        await using var db = fixture.Database.CreateContext();
        return await db
            .Candidates.AsNoTracking()
            .SingleAsync(c =>
                c.Rule == rule
                && ((c.FirstClaimId == a && c.SecondClaimId == b) || (c.FirstClaimId == b && c.SecondClaimId == a))
            );
    }

    private async Task<IReadOnlyList<string>> HistoryAsync(Guid id)
    {
        await using var db = fixture.Database.CreateContext();
        return await db
            .ChangeHistory.Where(c => c.EntityId == id)
            .OrderBy(c => c.Id)
            .Select(c => c.Action + " by " + c.ChangedBy)
            .ToListAsync();
    }

    [Fact]
    public async Task LoadingTheDemoDataStoresExactlyWhatTheRulesFind()
    {
        await using var db = fixture.Database.CreateContext();
        var claims = await db.Claims.AsNoTracking().ToListAsync();
        var collective = (
            await db.Actors.AsNoTracking().Where(a => a.IsCollective).Select(a => a.Id).ToListAsync()
        ).ToHashSet();
        var expected = ContradictionCandidates
            .Find(claims.Select(c => ClaimFacts.Of(c, collective)))
            .Select(c => (c.First, c.Second, c.Rule))
            .ToList();

        var stored = await db
            .Candidates.AsNoTracking()
            .Select(c => new
            {
                c.FirstClaimId,
                c.SecondClaimId,
                c.Rule,
            })
            .ToListAsync();

        // Other tests of this class add claims; the demo data's own 12 are always among what is stored.
        stored.Select(c => (c.FirstClaimId, c.SecondClaimId, c.Rule)).Should().BeEquivalentTo(expected);
        stored
            .Count(c =>
                c.Rule == CandidateRule.OpposedStances && (c.FirstClaimId == Peskov || c.SecondClaimId == Peskov)
            )
            .Should()
            .BeGreaterThanOrEqualTo(11);
        stored
            .Should()
            .Contain(c =>
                c.Rule == CandidateRule.IncompatibleFigures
                && c.FirstClaimId == DemoIds.For("claim", "social-hundreds-sergeevka")
                && c.SecondClaimId == DemoIds.For("claim", "seed-few-thousand-sergeevka")
            );
    }

    [Fact]
    public async Task ConfirmingTheKremlinAgainstNisMakesAConfirmedContradictionSeenOnBothClaimsAndTheProposition()
    {
        var candidate = await CandidateAsync(Nis, Peskov);
        var before = await Queue(Reviewer).CountsAsync();

        var editorConfirms = () => Service(Editor).ConfirmCandidateAsync(candidate.Id, null);
        await editorConfirms.Should().ThrowAsync<AccessDeniedException>("editors propose, reviewers decide");
        var relationId = await Service(Reviewer)
            .ConfirmCandidateAsync(candidate.Id, "Peskov answers the NIS report directly.");

        // The later statement contradicts the earlier one.

        await using (var db = fixture.Database.CreateContext())
        {
            var relation = await db.Relations.AsNoTracking().SingleAsync(r => r.Id == relationId);
            relation
                .Should()
                .BeEquivalentTo(
                    new
                    {
                        FromClaimId = candidate.SecondClaimId,
                        ToClaimId = candidate.FirstClaimId,
                        Type = RelationType.Contradicts,
                        State = ReviewState.Confirmed,
                        ProposedBy = CandidateRefresh.CandidateRulesAuthor,
                        ReviewedBy = "rui@example.org",
                    }
                );
            (await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == candidate.Id))
                .State.Should()
                .Be(CandidateState.Confirmed);
        }

        var claims = new ClaimDetailsService(fixture.Database.ContextFactory, Analyst);
        (await claims.GetAsync(Nis))!
            .Related.Should()
            .ContainSingle(r =>
                r.ClaimId == Peskov && r.Type == RelationType.Contradicts && r.State == ReviewState.Confirmed
            );
        (await claims.GetAsync(Peskov))!
            .Related.Should()
            .ContainSingle(r =>
                r.ClaimId == Nis && r.Type == RelationType.Contradicts && r.State == ReviewState.Confirmed
            );
        var proposition = await new PropositionDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(
            Deployment
        );
        proposition!
            .Conflicts.Should()
            .ContainSingle(c => new[] { c.Claim.Id, c.Other.Id }.Order().SequenceEqual(new[] { Nis, Peskov }.Order()));

        (await Queue(Reviewer).CountsAsync()).Candidates.Should().Be(before.Candidates - 1);
        (await HistoryAsync(candidate.Id)).Should().Equal("Created by demo data", "Updated by rui@example.org");
        var again = () =>
            Service(As("jo@example.org", Roles.Reviewer)).DismissCandidateAsync(candidate.Id, "changed my mind");
        (await again.Should().ThrowAsync<DomainValidationException>()).WithMessage(
            "*already confirmed by rui@example.org*"
        );
    }

    [Fact]
    public async Task ADismissedCandidateStaysAwayUntilOneOfItsClaimsChanges()
    {
        var zelenskyy = DemoIds.For("claim", "zelenskyy-thousands");
        var candidate = await CandidateAsync(zelenskyy, Peskov);
        var noReason = () => Service(Reviewer).DismissCandidateAsync(candidate.Id, "  ");
        (await noReason.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey(nameof(ContradictionCandidate.DecisionNote));

        await Service(Reviewer).DismissCandidateAsync(candidate.Id, "Peskov was asked about a different report.");
        (await Queue(Reviewer).CandidateGroupAsync(Peskov))!
            .Members.Should()
            .NotContain(m => m.CandidateId == candidate.Id, "the pair leaves the denial's grouped item");

        // A change that does not alter what the claim says (a credibility rating) keeps it dismissed.
        await Service(Reviewer)
            .RateCredibilityAsync(zelenskyy, Credibility.PossiblyTrue, "Head of state, no evidence shown.");
        (await CandidateAsync(zelenskyy, Peskov)).State.Should().Be(CandidateState.Dismissed);

        // Rewording the claim brings it back to the queue.
        var (input, version) = (await Statements(Editor).LoadAsync(zelenskyy))!.Value;
        await Statements(Editor)
            .UpdateAsync(zelenskyy, version, input with { Summary = input.Summary + " (corrected wording)" });

        var reopened = await CandidateAsync(zelenskyy, Peskov);
        reopened.State.Should().Be(CandidateState.Open);
        reopened.FoundAt.Should().BeAfter(candidate.FoundAt);
        (await Queue(Reviewer).GetAsync(new QueueFilter(QueueKind.Candidate)))
            .Items.Should()
            .Contain(i => i.IsGroup && i.Id == Peskov);
        (await Queue(Reviewer).CandidateGroupAsync(Peskov))!
            .Members.Should()
            .Contain(m => m.CandidateId == candidate.Id, "the pair is back in the denial's grouped item");
        (await HistoryAsync(candidate.Id))
            .Should()
            .Equal("Created by demo data", "Updated by rui@example.org", "Updated by ana@example.org");
    }

    [Fact]
    public async Task RetractingAClaimLapsesItsOpenCandidatesAndRestoringItBringsThemBack()
    {
        var budanov = DemoIds.For("claim", "budanov-11000-training");
        var candidate = await CandidateAsync(budanov, Peskov);
        var (_, version) = (await Statements(Editor).LoadAsync(budanov))!.Value;

        await Statements(Editor).RetractAsync(budanov, version, "Misattributed: the quote is from a deputy.");
        (await CandidateAsync(budanov, Peskov)).State.Should().Be(CandidateState.Lapsed);

        (_, version) = (await Statements(Editor).LoadAsync(budanov))!.Value;
        await Statements(Editor).RestoreAsync(budanov, version);
        (await CandidateAsync(budanov, Peskov)).State.Should().Be(CandidateState.Open);
    }

    [Fact]
    public async Task ANewDenialEntersTheQueueInTheSameSave()
    {
        var (input, _) = (await Statements(Editor).LoadAsync(Peskov))!.Value;
        var id = await Statements(Editor)
            .CreateAsync(
                input with
                {
                    Summary = "Lavrov: no North Korean soldiers are in Russia.",
                    StatedOn = "2024-10-25",
                    QuoteText = null,
                    QuoteLanguage = null,
                    Translation = null,
                    TranslationLanguage = null,
                    SourceId = DemoIds.For("source", "seed-article"),
                    Status = ClaimStatus.Published,
                }
            );

        await using var db = fixture.Database.CreateContext();
        var affirmations = await db.Claims.CountAsync(c =>
            c.PropositionId == Deployment && c.Stance == Stance.Affirms && c.Status == ClaimStatus.Published
        );
        var found = await db
            .Candidates.AsNoTracking()
            .Where(c => c.SecondClaimId == id || c.FirstClaimId == id)
            .ToListAsync();
        found
            .Should()
            .HaveCount(affirmations, "one per published affirmation of the deployment")
            .And.OnlyContain(c => c.Rule == CandidateRule.OpposedStances && c.State == CandidateState.Open);
        affirmations.Should().BeGreaterThanOrEqualTo(11);
    }

    [Fact]
    public async Task ANewFigureThatCannotHoldWithAStoredOneIsACandidateAtOnce()
    {
        var (input, _) = (await Statements(Editor).LoadAsync(Nis))!.Value;

        // "At least 10,000" against the NIS's "nearly 1,500" (1,350 to 1,500) for the same week.
        var id = await Statements(Editor)
            .CreateAsync(
                input with
                {
                    ActorId = DemoIds.For("actor", "zelenskyy"),
                    OnBehalfOfId = null,
                    Summary = "Kyiv said at least 10,000 North Korean soldiers were ferried to Vladivostok that week.",
                    StatedOn = "2024-10-20",
                    QuantityMin = 10_000,
                    QuantityMax = null,
                    QuantityQualifier = QuantityQualifier.AtLeast,
                    QuoteText = null,
                    QuoteLanguage = null,
                    Translation = null,
                    TranslationLanguage = null,
                    SourceId = DemoIds.For("source", "seed-article"),
                    Status = ClaimStatus.Published,
                }
            );

        var candidate = await CandidateAsync(Nis, id, CandidateRule.IncompatibleFigures);
        candidate.State.Should().Be(CandidateState.Open);
    }

    [Fact]
    public async Task ReviewersRateCredibilityWithHistoryAndTheScoreFollows()
    {
        var sergeevka = DemoIds.For("claim", "social-hundreds-sergeevka");
        var analystRates = () => Service(Analyst).RateCredibilityAsync(Nis, Credibility.Confirmed, null);
        await analystRates.Should().ThrowAsync<AccessDeniedException>();
        var editorRates = () => Service(Editor).RateCredibilityAsync(Nis, Credibility.Confirmed, null);
        await editorRates.Should().ThrowAsync<AccessDeniedException>("credibility is the reviewers' judgement");
        var propositions = new PropositionDetailsService(fixture.Database.ContextFactory, Analyst);
        await using (var db = fixture.Database.CreateContext())
        {
            (await db.Claims.AsNoTracking().SingleAsync(c => c.Id == sergeevka)).Credibility.Should().BeNull();
        }

        var propositionId = (
            await new ClaimDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(sergeevka)
        )!
            .Proposition
            .Id;
        var before = (await propositions.GetAsync(propositionId))!.Scores.Single(s => s.Stance == Stance.Affirms).Score;

        await Service(Reviewer)
            .RateCredibilityAsync(sergeevka, Credibility.Confirmed, "Satellite imagery shows the camp.");

        var claim = await new ClaimDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(sergeevka);
        (claim!.Credibility, claim.CredibilityNote)
            .Should()
            .Be((Credibility.Confirmed, "Satellite imagery shows the camp."));
        (await propositions.GetAsync(propositionId))!
            .Scores.Single(s => s.Stance == Stance.Affirms)
            .Score.Should()
            .BeGreaterThan(before);
        await using var check = fixture.Database.CreateContext();
        var last = await check.ChangeHistory.Where(c => c.EntityId == sergeevka).OrderBy(c => c.Id).LastAsync();
        last.ChangedBy.Should().Be("rui@example.org");
        last.Changes.Should().Contain("\"Credibility\"").And.Contain("Satellite imagery");
    }

    [Fact]
    public async Task ACandidateCannotOverruleAReviewersDismissalOfTheSameRelation()
    {
        var zelenskyyAddress = DemoIds.For("claim", "zelenskyy-address-2024-10-20");
        var candidate = await CandidateAsync(zelenskyyAddress, Peskov);
        var from = candidate.SecondClaimId;
        var to = candidate.FirstClaimId;
        var relation = await Service(Editor)
            .ProposeRelationAsync(from, to, RelationType.Contradicts, "Peskov denies what the address affirms.");
        await Service(Reviewer)
            .ReviewRelationAsync(relation, ReviewState.Dismissed, "Peskov was asked about another report.");

        // The editor who proposed it is also a reviewer elsewhere; confirming the candidate must not bring the relation
        // back.
        var act = () => Service(As("ana@example.org", Roles.Reviewer)).ConfirmCandidateAsync(candidate.Id, null);

        (await act.Should().ThrowAsync<DomainValidationException>()).WithMessage(
            "*rui@example.org dismissed this relation*"
        );
        await using var db = fixture.Database.CreateContext();
        (
            await db.Relations.CountAsync(r =>
                (r.FromClaimId == from && r.ToClaimId == to) || (r.FromClaimId == to && r.ToClaimId == from)
            )
        )
            .Should()
            .Be(1);
    }

    [Fact]
    public async Task ADecisionOnACandidateThatChangedSinceItWasShownIsRefused()
    {
        var solovey = DemoIds.For("claim", "solovey-first-evidence");
        var shown = await CandidateAsync(solovey, Peskov);
        var (input, version) = (await Statements(Editor).LoadAsync(solovey))!.Value;
        await Statements(Editor).UpdateAsync(solovey, version, input with { Summary = input.Summary + " (reworded)" });

        var act = () => Service(Reviewer).DismissCandidateAsync(shown.Id, "Not the same deployment.", shown.Version);

        (await act.Should().ThrowAsync<DomainValidationException>()).WithMessage("*changed since you opened*");
    }

    [Fact]
    public async Task ARatingOnAClaimThatChangedSinceItWasShownIsRefusedNotOverwritten()
    {
        var kim = DemoIds.For("claim", "kim-might-send-troops");
        var shown = (await new ClaimDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(kim))!.Version;
        await Service(As("jo@example.org", Roles.Reviewer))
            .RateCredibilityAsync(kim, Credibility.PossiblyTrue, "A minister's warning.", shown);

        var stale = () => Service(Reviewer).RateCredibilityAsync(kim, Credibility.Improbable, null, shown);

        (await stale.Should().ThrowAsync<DomainValidationException>()).WithMessage("*changed since you opened it*");
        (await new ClaimDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(kim))!
            .Credibility.Should()
            .Be(Credibility.PossiblyTrue);
    }

    [Fact]
    public async Task ReviewersAssessPropositionsWithARationale()
    {
        var noRationale = () => Service(Reviewer).AssessPropositionAsync(Deployment, Assessment.Confirmed, null);
        (await noRationale.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey(nameof(Proposition.AssessmentRationale));
        var editor = () => Service(Editor).AssessPropositionAsync(Deployment, Assessment.Confirmed, "x");
        await editor.Should().ThrowAsync<AccessDeniedException>();

        await Service(Reviewer)
            .AssessPropositionAsync(
                Deployment,
                Assessment.Confirmed,
                "Eleven independent origins, including three governments."
            );

        var proposition = await new PropositionDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(
            Deployment
        );
        (proposition!.Assessment, proposition.AssessmentRationale)
            .Should()
            .Be((Assessment.Confirmed, "Eleven independent origins, including three governments."));
        (await HistoryAsync(Deployment)).Should().EndWith("Updated by rui@example.org");
    }

    [Fact]
    public async Task TheQueueListsCandidatesRelationsAndFlagsByPropositionAndAge()
    {
        var flag = await Service(Editor)
            .FlagClaimAsync(Nis, FlagKind.TranslationNeeded, "The Korean original is not quoted.");
        var relation = await Service(Editor)
            .ProposeRelationAsync(
                DemoIds.For("claim", "budanov-11000-training"),
                DemoIds.For("claim", "zelenskyy-thousands"),
                RelationType.Corroborates,
                "Both say thousands."
            );

        var all = await Queue(Reviewer).GetAsync(new QueueFilter());
        all.Items.Should()
            .Contain(i => i.Kind == QueueKind.Flag && i.Id == flag && i.FirstClaimId == Nis && i.SecondClaimId == null);
        all.Items.Should()
            .Contain(i => i.Kind == QueueKind.Relation && i.Id == relation && i.RaisedBy == "ana@example.org");
        all.Items.Should().BeInAscendingOrder(i => i.Since, "oldest first unless asked otherwise");
        (await Queue(Reviewer).GetAsync(new QueueFilter(NewestFirst: true)))
            .Items.Should()
            .BeInDescendingOrder(i => i.Since);
        await using (var db = fixture.Database.CreateContext())
        {
            all.Counts.Should()
                .Be(
                    new QueueCounts(
                        await db.Candidates.CountAsync(c => c.State == CandidateState.Open),
                        await db.Relations.CountAsync(r => r.State == ReviewState.Proposed),
                        await db.Flags.CountAsync(f => f.Status == FlagStatus.Open)
                    )
                );
            all.Propositions.Should().Contain(p => p.Proposition.Id == Deployment && p.Items >= all.Counts.Candidates);
        }

        var flags = await Queue(Reviewer).GetAsync(new QueueFilter(QueueKind.Flag));
        flags.Items.Should().OnlyContain(i => i.Kind == QueueKind.Flag);
        var deployment = await Queue(Reviewer).GetAsync(new QueueFilter(PropositionId: Deployment));
        deployment.Items.Should().NotBeEmpty().And.OnlyContain(i => i.Proposition.Id == Deployment);

        var analyst = () => Queue(Analyst).GetAsync(new QueueFilter());
        await analyst.Should().ThrowAsync<AccessDeniedException>("analysts read; they do not review");
    }
}
