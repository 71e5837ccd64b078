using ConflictTracker.Domain.Relations;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Relations;

/// <summary>The contradiction candidates the demo data must produce, and those it must not.</summary>
public class DemoCandidatesTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static Guid Claim(string key) => DemoIds.For("claim", key);

    private async Task<IReadOnlyList<Candidate>> CandidatesAsync()
    {
        await using var db = fixture.Database.CreateContext();
        var claims = await db.Claims.AsNoTracking().ToListAsync();
        var collective = (
            await db.Actors.AsNoTracking().Where(a => a.IsCollective).Select(a => a.Id).ToListAsync()
        ).ToHashSet();
        return ContradictionCandidates.Find(claims.Select(c => ClaimFacts.Of(c, collective)));
    }

    [Fact]
    public async Task TheKremlinsDenialStandsAgainstEveryAffirmationOfTheDeployment()
    {
        var candidates = await CandidatesAsync();

        var denial = Claim("peskov-fake-news");
        var stance = candidates.Where(c => c.Rule == CandidateRule.OpposedStances).ToList();
        stance.Should().HaveCount(11).And.OnlyContain(c => c.First == denial || c.Second == denial);
        stance
            .Should()
            .Contain(c =>
                (c.First == Claim("nis-1500-vladivostok") && c.Second == denial)
                || (c.Second == Claim("nis-1500-vladivostok") && c.First == denial)
            );
        stance
            .Should()
            .NotContain(
                c => c.First == Claim("howell-cannot-rule-out") || c.Second == Claim("howell-cannot-rule-out"),
                "a hedge is not a contradiction"
            );
    }

    [Fact]
    public async Task FiguresAreComparedOnlyOnTheSameMeasure()
    {
        var candidates = await CandidatesAsync();

        var figures = candidates.Where(c => c.Rule != CandidateRule.OpposedStances).ToList();
        // "a few thousand" (about 2,000 to 5,000) and "hundreds" (200 to 999) at the Sergeevka ground in October.
        figures
            .Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new
                {
                    Rule = CandidateRule.IncompatibleFigures,
                    First = Claim("social-hundreds-sergeevka"),
                    Second = Claim("seed-few-thousand-sergeevka"),
                }
            );
        figures
            .Should()
            .NotContain(
                c => c.First == Claim("budanov-11000-training") || c.Second == Claim("budanov-11000-training"),
                "Budanov's 11,000 in training counts another measure than Zelenskyy's troops sent or the NIS's soldiers ferried"
            );
    }

    [Fact]
    public async Task TheDemoDeploymentScoresAreTheOnesDocumented()
    {
        // docs/rules/origin-counting.md quotes these: nothing is rated yet, most sources are ungraded (F).
        var analyst = Testing.TestAccess.For(
            new System.Security.Claims.ClaimsPrincipal(
                new System.Security.Claims.ClaimsIdentity(
                    [
                        new System.Security.Claims.Claim(
                            System.Security.Claims.ClaimTypes.Role,
                            Web.Security.Roles.Analyst
                        ),
                    ],
                    "Test"
                )
            ),
            new Web.Security.SecurityOptions()
        );
        var proposition = await new Features.Propositions.PropositionDetailsService(
            fixture.Database.ContextFactory,
            analyst
        ).GetAsync(DemoIds.For("proposition", "nk-troops-in-russia"));

        // 2.45 for the affirmations, not 2.95: Zelenskyy's two statements and the Centre's two (one by its
        // head, Solovey) are one voice each, counted once (0.25 each instead of 0.5).
        proposition!
            .Scores.Select(s => (s.Stance, s.Score))
            .Should()
            .Equal(
                (Domain.Claims.Stance.Affirms, 2.45m),
                (Domain.Claims.Stance.Denies, 0.25m),
                (Domain.Claims.Stance.Hedges, 0.55m)
            );
    }

    [Fact]
    public async Task TheDemoDeploymentCountsReportsOriginDocumentsAndIndependentVoicesAsDocumented()
    {
        // docs/demo-data.md and docs/rules/origin-counting.md quote these.
        var analyst = Testing.TestAccess.As(Web.Security.Roles.Analyst);
        var proposition = await new Features.Propositions.PropositionDetailsService(
            fixture.Database.ContextFactory,
            analyst
        ).GetAsync(DemoIds.For("proposition", "nk-troops-in-russia"));

        var affirms = proposition!.Support.Single(s => s.Stance == Domain.Claims.Stance.Affirms);
        (affirms.Claims, affirms.OriginDocuments, affirms.IndependentVoices).Should().Be((11, 11, 9));
        proposition
            .Support.Single(s => s.Stance == Domain.Claims.Stance.Hedges)
            .IndependentVoices.Should()
            .Be(2, "Kim for the ministry and Howell are two voices");
        (proposition.OriginDocuments, proposition.IndependentVoices).Should().Be((14, 12));
        proposition
            .Merged.Select(m => (m.Voice.Name, m.Claims, m.OriginDocuments))
            .Should()
            .BeEquivalentTo(
                new[]
                {
                    ("Office of the President of Ukraine", 2, 2),
                    ("Centre for Strategic Communication and Information Security", 2, 2),
                }
            );
        proposition
            .Merged.Should()
            .NotContain(m => m.Voice.Name == "Unidentified social media account", "a collective source never merges");
    }
}
