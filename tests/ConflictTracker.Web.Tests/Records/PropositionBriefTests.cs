using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Records;

/// <summary>The proposition brief, read without rendering, on the demo data in the real PostgreSQL.</summary>
public class PropositionBriefTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly Guid Peskov = DemoIds.For("claim", "peskov-fake-news");
    private static readonly Guid NisStatement = DemoIds.For("source", "nis-2024-10-18");

    private PropositionBriefService Service(IAccess access) =>
        new(
            new PropositionDetailsService(fixture.Database.ContextFactory, access),
            fixture.Database.ContextFactory,
            TimeProvider.System
        );

    [Fact]
    public async Task TheBriefCarriesTheAssessmentSupportContradictionsFiguresAndSources()
    {
        var reviewer = TestAccess.As(Roles.Reviewer);
        var review = new ReviewService(fixture.Database.ContextFactory, reviewer, TimeProvider.System);
        await review.AssessPropositionAsync(Deployment, Assessment.Likely, "Seoul and Washington agree on the figure.");
        await using (var db = fixture.Database.CreateContext())
        {
            var candidate = await db
                .Candidates.AsNoTracking()
                .SingleAsync(c =>
                    c.Rule == CandidateRule.OpposedStances
                    && (
                        (c.FirstClaimId == Nis && c.SecondClaimId == Peskov)
                        || (c.FirstClaimId == Peskov && c.SecondClaimId == Nis)
                    )
                );
            await review.ConfirmCandidateAsync(candidate.Id, "Peskov answers the NIS report directly.");
        }

        await fixture.Database.ExecuteAsync(
            "UPDATE sources SET url = 'https://www.nis.go.kr/statement-2024-10-18', reliability = 'B' WHERE id = @id",
            ("id", NisStatement)
        );

        var brief = await Service(Analyst).GetAsync(Deployment);

        brief.Should().NotBeNull();
        var page = await new PropositionDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(Deployment);
        brief!.Details.Assessment.Should().Be(Assessment.Likely);
        brief.Details.AssessmentRationale.Should().Be("Seoul and Washington agree on the figure.");
        brief
            .Details.Support.Should()
            .BeEquivalentTo(page!.Support, "the brief counts support as the proposition page does");
        brief.Details.IndependentVoices.Should().Be(page.IndependentVoices);
        brief
            .Details.Conflicts.Should()
            .ContainSingle()
            .Which.Should()
            .Match<ConfirmedConflict>(c =>
                new[] { c.Claim.Id, c.Other.Id }.Order().SequenceEqual(new[] { Nis, Peskov }.Order())
            );

        var soldiers = brief.EstimatesByUnit.Should().ContainSingle("the four measures all count soldiers").Subject;
        soldiers.Unit.Should().Be("soldiers");
        soldiers
            .Points.Select(p => p.ClaimId)
            .Should()
            .BeEquivalentTo(page.Estimates.SelectMany(e => e.Points).Select(p => p.ClaimId))
            .And.Contain(Nis);
        soldiers.Points.Select(p => p.Stated).Should().BeInAscendingOrder("the chart runs over time");
        soldiers.Measure.Name.Should().Contain("North Korean soldiers ferried to Vladivostok");

        var nis = brief.Sources.Should().ContainSingle(s => s.Id == NisStatement).Subject;
        nis.Title.Should().StartWith("National Intelligence Service statement");
        nis.Url.Should().Be(new Uri("https://www.nis.go.kr/statement-2024-10-18"));
        nis.Reliability.Should().Be(ReliabilityGrade.B);
        nis.Publisher.Should().Be("National Intelligence Service");
        nis.Claims.Should().BePositive();
        brief.SourcesTotal.Should().Be(brief.Sources.Count);
        brief.Sources.Select(s => s.Claims).Should().BeInDescendingOrder("the most cited sources come first");
    }

    [Fact]
    public async Task MeasuresInDifferentUnitsGetAChartEach()
    {
        var brief = await Service(Analyst).GetAsync(DemoIds.For("proposition", "nk-supplies-munitions"));

        brief!.EstimatesByUnit.Select(e => e.Unit).Should().BeEquivalentTo("containers", "shells");
    }

    [Fact]
    public async Task TheBriefIsReadLikeTheProposition()
    {
        (await Service(Analyst).GetAsync(Guid.NewGuid())).Should().BeNull();
        var anonymous = () => Service(TestAccess.Anonymous()).GetAsync(Deployment);
        await anonymous.Should().ThrowAsync<AccessDeniedException>();
        (await Service(TestAccess.Anonymous(allowAnonymousReading: true)).GetAsync(Deployment))
            .Should()
            .NotBeNull("with public reading on, anyone may read it, as the proposition page");
    }
}
