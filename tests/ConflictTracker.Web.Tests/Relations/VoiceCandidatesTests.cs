using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Sources;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Relations;

/// <summary>
/// The same-voice rules as the save path stores them (docs/rules/contradictions.md, rules 3 and 4): statements
/// entered through the real statement service, candidates read back from PostgreSQL. The refresh reads only
/// claims that can pair with a saved one, so a rule its pre-filter does not cover would be missed here.
/// </summary>
public class VoiceCandidatesTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly IAccess Editor = TestAccess.As(Roles.Editor);
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid SentToRussia = DemoIds.For("measure", "sent-to-russia");

    private StatementEditorService Statements() => new(fixture.Database.ContextFactory, Editor, TimeProvider.System);

    private static StatementInput Figure(
        string tag,
        string statedOn,
        QuantityQualifier qualifier,
        decimal value,
        Guid? actor = null
    ) =>
        new()
        {
            PropositionId = Deployment,
            ActorId = actor,
            NewActor = actor is null
                ? new NewActorInput($"Defence Ministry {tag}", ActorKind.GovernmentBody, "KR")
                : null,
            Stance = Stance.Affirms,
            Summary = $"{qualifier} {value} North Korean soldiers were sent to Russia ({tag}, {statedOn}).",
            StatedOn = statedOn,
            EventStart = "2024-10",
            MeasureId = SentToRussia,
            QuantityMin = value,
            QuantityQualifier = qualifier,
            Status = ClaimStatus.Published,
            NewSource = new NewSourceInput(
                SourceKind.OfficialStatement,
                $"Briefing {tag} {statedOn} {value}",
                null,
                null,
                statedOn,
                "en",
                null
            ),
            CitationRole = CitationRole.Origin,
        };

    private async Task<Guid> SpeakerAsync(Guid claim)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Claims.Where(c => c.Id == claim).Select(c => c.AssertedById).SingleAsync();
    }

    private async Task<List<ContradictionCandidate>> StoredAsync(Guid a, Guid b)
    {
        await using var db = fixture.Database.CreateContext();
        return await db
            .Candidates.AsNoTracking()
            .Where(c => (c.FirstClaimId == a && c.SecondClaimId == b) || (c.FirstClaimId == b && c.SecondClaimId == a))
            .ToListAsync();
    }

    [Fact]
    public async Task AVoicesCompatibleUpdateSavedThroughTheStatementServiceIsStoredAsASupersedesCandidate()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await Statements().CreateAsync(Figure(tag, "2024-10-01", QuantityQualifier.AtLeast, 120));
        var ministry = await SpeakerAsync(first);

        var later = await Statements().CreateAsync(Figure(tag, "2024-10-08", QuantityQualifier.AtLeast, 150, ministry));

        var stored = await StoredAsync(first, later);
        stored
            .Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new
                {
                    FirstClaimId = first,
                    SecondClaimId = later,
                    Rule = CandidateRule.LaterFigureBySameVoice,
                    State = CandidateState.Open,
                    Proposes = RelationType.Supersedes,
                }
            );
        stored[0].Reason.Should().EndWith("an update.");
    }

    [Fact]
    public async Task TheSameVoicesIncompatibleFiguresOnOneDayAreStoredAsInconsistentReports()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await Statements().CreateAsync(Figure(tag, "2024-10-09", QuantityQualifier.AtLeast, 120));
        var ministry = await SpeakerAsync(first);

        var second = await Statements()
            .CreateAsync(Figure(tag, "2024-10-09", QuantityQualifier.Approximately, 90, ministry));

        (await StoredAsync(first, second))
            .Should()
            .ContainSingle()
            .Which.Rule.Should()
            .Be(CandidateRule.InconsistentReportsOfOneVoice);
    }

    [Fact]
    public async Task MarkingTheSpeakerCollectiveLapsesItsUpdateAndUnmarkingItBringsItBack()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await Statements().CreateAsync(Figure(tag, "2024-10-01", QuantityQualifier.AtLeast, 120));
        var account = await SpeakerAsync(first);
        var later = await Statements().CreateAsync(Figure(tag, "2024-10-08", QuantityQualifier.AtLeast, 150, account));
        var editor = new ActorEditorService(fixture.Database.ContextFactory, Editor);
        var loaded = (await editor.LoadActorAsync(account))!;

        await editor.SaveActorAsync(account, loaded.Version, loaded.Input with { IsCollective = true });

        (await StoredAsync(first, later))
            .Should()
            .ContainSingle()
            .Which.State.Should()
            .Be(CandidateState.Lapsed, "the claims of a collective source never share a voice");
        var marked = (await editor.LoadActorAsync(account))!;
        marked.Input.IsCollective.Should().BeTrue();

        await editor.SaveActorAsync(account, marked.Version, marked.Input with { IsCollective = false });

        (await StoredAsync(first, later)).Should().ContainSingle().Which.State.Should().Be(CandidateState.Open);
    }
}
