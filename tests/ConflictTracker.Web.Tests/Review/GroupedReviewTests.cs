using System.Security.Claims;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Claim = System.Security.Claims.Claim;

namespace ConflictTracker.Web.Tests.Review;

/// <summary>
/// Grouped review in PostgreSQL on the demo data (docs/rules/contradictions.md, "Grouped review"):
/// Peskov's denial is one queue item against the 11 claims affirming the deployment; deciding it
/// confirms or dismisses the ticked pairs, each pair its own candidate, in one transaction. Each
/// decision has a database of its own, so the order the tests run in does not matter.
/// </summary>
public abstract class GroupedReviewTestsBase(DemoDataFixture fixture)
{
    protected static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    protected static readonly Guid Peskov = DemoIds.For("claim", "peskov-fake-news");
    protected static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");
    protected static readonly Guid Zelenskyy = DemoIds.For("claim", "zelenskyy-thousands");

    /// <summary>The claims affirming the deployment that Peskov's denial stands against (docs/rules/contradictions.md,
    /// "What the demo data produces").</summary>
    protected const int Affirmations = 11;

    protected DemoDataFixture Fixture { get; } = fixture;

    private static IAccess As(string email, string role) =>
        TestAccess.For(
            new ClaimsPrincipal(
                new ClaimsIdentity([new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "Test")
            ),
            new SecurityOptions()
        );

    protected static readonly IAccess Reviewer = As("rui@example.org", Roles.Reviewer);
    protected static readonly IAccess Editor = As("ana@example.org", Roles.Editor);

    protected ReviewService Service(IAccess access) =>
        new(Fixture.Database.ContextFactory, access, TimeProvider.System);

    protected ReviewQueueService Queue(IAccess access) => new(Fixture.Database.ContextFactory, access);

    protected async Task<CandidateGroup> PeskovsGroupAsync() => (await Queue(Reviewer).CandidateGroupAsync(Peskov))!;

    protected async Task<List<ContradictionCandidate>> PeskovsCandidatesAsync()
    {
        await using var db = Fixture.Database.CreateContext();
        return await db
            .Candidates.AsNoTracking()
            .Where(c =>
                c.Rule == CandidateRule.OpposedStances && (c.FirstClaimId == Peskov || c.SecondClaimId == Peskov)
            )
            .ToListAsync();
    }

    protected async Task<List<ClaimRelation>> PeskovsRelationsAsync()
    {
        await using var db = Fixture.Database.CreateContext();
        return await db
            .Relations.AsNoTracking()
            .Where(r => r.FromClaimId == Peskov || r.ToClaimId == Peskov)
            .ToListAsync();
    }

    protected static Guid Other(ContradictionCandidate c) =>
        c.FirstClaimId == Peskov ? c.SecondClaimId : c.FirstClaimId;
}

public class GroupedReviewConfirmTests(DemoDataFixture fixture)
    : GroupedReviewTestsBase(fixture),
        IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task PeskovsDenialIsOneItemAgainstElevenAffirmationsAndConfirmingAllButOneConfirmsTen()
    {
        var queue = await Queue(Editor).GetAsync(new QueueFilter(QueueKind.Candidate, Deployment));
        var item = queue.Items.Should().ContainSingle(i => i.IsGroup, "the demo data has one denial").Subject;
        (item.Id, item.FirstClaimId, item.GroupSize, item.SecondClaimId)
            .Should()
            .Be((Peskov, Peskov, Affirmations, (Guid?)null));
        item.What.Should().Be("Opposed stances: a denial against 11 claims");
        queue
            .Items.Should()
            .NotContain(
                i => !i.IsGroup && (i.FirstClaimId == Peskov || i.SecondClaimId == Peskov),
                "no pair of the denial is listed on its own"
            );
        queue
            .Counts.Candidates.Should()
            .Be(Affirmations + 1, "the counts are of pairs: the 11 grouped ones and the incompatible figures");

        var group = await PeskovsGroupAsync();
        (group.Total, group.Members.Count, group.Speaker).Should().Be((Affirmations, Affirmations, "Dmitry Peskov"));
        group.Members.Select(m => m.ClaimId).Should().BeEquivalentTo((await PeskovsCandidatesAsync()).Select(Other));
        group
            .Members.Should()
            .Contain(m =>
                m.ClaimId == Nis
                && m.Speaker == "National Intelligence Service"
                && m.StatedOn == "18 Oct 2024"
                && m.Figure == "nearly 1,500"
            );
        (await Queue(Editor).CandidateGroupAsync(Nis)).Should().BeNull("an affirmation heads no group");

        // Confirmed for all but one: ten contradictions, the unticked pair stays open.
        var ticked = group
            .Members.Where(m => m.ClaimId != Zelenskyy)
            .Select(m => new GroupDecisionMember(m.CandidateId, m.Version))
            .ToList();
        ticked.Should().HaveCount(Affirmations - 1);

        var relations = await Service(Reviewer)
            .DecideCandidateGroupAsync(
                Peskov,
                ReviewState.Confirmed,
                ticked,
                "Peskov denies every report of the deployment."
            );

        relations.Should().HaveCount(Affirmations - 1).And.OnlyHaveUniqueItems();
        var candidates = await PeskovsCandidatesAsync();
        candidates
            .Where(c => c.State == CandidateState.Confirmed)
            .Should()
            .HaveCount(Affirmations - 1)
            .And.OnlyContain(c =>
                c.DecidedBy == "rui@example.org"
                && c.DecisionNote == "Peskov denies every report of the deployment."
                && relations.Contains(c.RelationId!.Value)
            );
        candidates
            .Should()
            .ContainSingle(c => c.State == CandidateState.Open)
            .Which.Should()
            .Match<ContradictionCandidate>(c => Other(c) == Zelenskyy);
        var stored = await PeskovsRelationsAsync();
        stored
            .Should()
            .HaveCount(Affirmations - 1)
            .And.OnlyContain(r =>
                r.Type == RelationType.Contradicts
                && r.State == ReviewState.Confirmed
                && r.ReviewedBy == "rui@example.org"
            );
        stored.Select(r => r.FromClaimId == Peskov ? r.ToClaimId : r.FromClaimId).Should().NotContain(Zelenskyy);

        // The save path wrote each pair's history.
        await using (var db = Fixture.Database.CreateContext())
        {
            foreach (var candidate in candidates.Where(c => c.State == CandidateState.Confirmed))
            {
                (await db.ChangeHistory.CountAsync(h => h.EntityId == candidate.Id && h.ChangedBy == "rui@example.org"))
                    .Should()
                    .Be(1);
            }
        }

        // The unticked pair stays in the queue, as the denial's item against one claim.
        var after = await Queue(Reviewer).GetAsync(new QueueFilter(QueueKind.Candidate, Deployment));
        after.Items.Should().ContainSingle(i => i.IsGroup).Which.GroupSize.Should().Be(1);
        (await PeskovsGroupAsync()).Members.Should().ContainSingle().Which.ClaimId.Should().Be(Zelenskyy);
    }
}

public class GroupedReviewDismissTests(DemoDataFixture fixture)
    : GroupedReviewTestsBase(fixture),
        IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task DismissingTheGroupDismissesEachPairWithTheNoteAndNeedsANote()
    {
        var group = await PeskovsGroupAsync();
        var all = group.Members.Select(m => new GroupDecisionMember(m.CandidateId, m.Version)).ToList();

        var noNote = () => Service(Reviewer).DecideCandidateGroupAsync(Peskov, ReviewState.Dismissed, all, null);
        await noNote.Should().ThrowAsync<DomainValidationException>();
        (await PeskovsCandidatesAsync())
            .Should()
            .OnlyContain(c => c.State == CandidateState.Open, "a refused dismissal saves nothing");

        (
            await Service(Reviewer)
                .DecideCandidateGroupAsync(
                    Peskov,
                    ReviewState.Dismissed,
                    all,
                    "The denial is general, not an answer to these reports."
                )
        )
            .Should()
            .BeEmpty();

        (await PeskovsCandidatesAsync())
            .Should()
            .HaveCount(Affirmations)
            .And.OnlyContain(c =>
                c.State == CandidateState.Dismissed
                && c.DecisionNote == "The denial is general, not an answer to these reports."
                && c.DecidedBy == "rui@example.org"
            );
        (await PeskovsRelationsAsync()).Should().BeEmpty();
        (await Queue(Reviewer).GetAsync(new QueueFilter(QueueKind.Candidate, Deployment)))
            .Items.Should()
            .NotContain(i => i.IsGroup);
    }

    [Fact]
    public async Task OnlyTheDenialsOwnOpposedStancePairsCanBeDecidedInItsGroup()
    {
        await using var db = Fixture.Database.CreateContext();
        var figures = await db.Candidates.AsNoTracking().FirstAsync(c => c.Rule == CandidateRule.IncompatibleFigures);
        var foreign = () =>
            Service(Reviewer)
                .DecideCandidateGroupAsync(Peskov, ReviewState.Confirmed, [new(figures.Id, figures.Version)], null);
        (await foreign.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Candidates");
        var notADenial = () =>
            Service(Reviewer)
                .DecideCandidateGroupAsync(Nis, ReviewState.Confirmed, [new(figures.Id, figures.Version)], null);
        (await notADenial.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Denial");
        var none = () => Service(Reviewer).DecideCandidateGroupAsync(Peskov, ReviewState.Confirmed, [], null);
        (await none.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Candidates");
        (await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == figures.Id))
            .State.Should()
            .Be(CandidateState.Open);
    }
}

public class GroupedReviewStaleTests(DemoDataFixture fixture)
    : GroupedReviewTestsBase(fixture),
        IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task APairDecidedSinceTheItemWasShownRefusesTheWholeDecisionAndNothingIsSaved()
    {
        var shown = await PeskovsGroupAsync();
        var nis = shown.Members.Single(m => m.ClaimId == Nis);
        // Another reviewer dismisses one pair on its own after the item was shown.
        await Service(Reviewer).DismissCandidateAsync(nis.CandidateId, "Decided alone.", nis.Version);

        var stale = () =>
            Service(Reviewer)
                .DecideCandidateGroupAsync(
                    Peskov,
                    ReviewState.Confirmed,
                    shown.Members.Select(m => new GroupDecisionMember(m.CandidateId, m.Version)).ToList(),
                    null
                );

        (await stale.Should().ThrowAsync<StaleVersionException>()).Which.Message.Should().Contain("nothing was saved");
        var candidates = await PeskovsCandidatesAsync();
        candidates
            .Where(c => Other(c) != Nis)
            .Should()
            .HaveCount(Affirmations - 1)
            .And.OnlyContain(c => c.State == CandidateState.Open);
        candidates.Single(c => Other(c) == Nis).State.Should().Be(CandidateState.Dismissed);
        (await PeskovsRelationsAsync()).Should().BeEmpty("nothing is half-saved");

        // A version that does not match (the pair changed since) is refused the same way.
        var reloaded = (await PeskovsGroupAsync()).Members;
        reloaded.Should().HaveCount(Affirmations - 1);
        var changed = reloaded
            .Select((m, i) => new GroupDecisionMember(m.CandidateId, i == 0 ? m.Version + 1 : m.Version))
            .ToList();
        var wrongVersion = () =>
            Service(Reviewer).DecideCandidateGroupAsync(Peskov, ReviewState.Confirmed, changed, null);
        await wrongVersion.Should().ThrowAsync<StaleVersionException>();
        (await PeskovsRelationsAsync()).Should().BeEmpty();

        // Reloaded, the decision goes through.
        (
            await Service(Reviewer)
                .DecideCandidateGroupAsync(
                    Peskov,
                    ReviewState.Confirmed,
                    reloaded.Select(m => new GroupDecisionMember(m.CandidateId, m.Version)).ToList(),
                    null
                )
        )
            .Should()
            .HaveCount(Affirmations - 1);
    }
}
