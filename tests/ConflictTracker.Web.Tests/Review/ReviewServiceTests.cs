using System.Security.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Review;

/// <summary>Proposing and reviewing relations, raising and closing flags, on the demo data in PostgreSQL.</summary>
public class ReviewServiceTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly Guid Peskov = DemoIds.For("claim", "peskov-fake-news");

    private static IAccess As(string email, string role) =>
        TestAccess.For(
            new ClaimsPrincipal(
                new ClaimsIdentity([new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "Test")
            ),
            new SecurityOptions()
        );

    private ReviewService Service(IAccess access) => new(fixture.Database.ContextFactory, access, TimeProvider.System);

    [Fact]
    public async Task AnEditorProposesAContradictionAndAnotherReviewerConfirmsIt()
    {
        var editor = Service(As("ana@example.org", Roles.Editor));
        var reviewer = Service(As("rui@example.org", Roles.Reviewer));

        var id = await editor.ProposeRelationAsync(
            Peskov,
            Nis,
            RelationType.Contradicts,
            "The Kremlin denies what Seoul's figure affirms."
        );
        var twice = () => editor.ProposeRelationAsync(Peskov, Nis, RelationType.Contradicts, "Again.");
        await twice.Should().ThrowAsync<DomainValidationException>();
        var editorReviews = () => editor.ReviewRelationAsync(id, ReviewState.Confirmed, null);
        await editorReviews.Should().ThrowAsync<AccessDeniedException>("editors propose, reviewers decide");
        await reviewer.ReviewRelationAsync(id, ReviewState.Confirmed, "Both are on record.");

        var claim = await new ClaimDetailsService(fixture.Database.ContextFactory, Analyst).GetAsync(Nis);
        claim!
            .Related.Should()
            .ContainSingle(r =>
                r.ClaimId == Peskov && r.Type == RelationType.Contradicts && r.State == ReviewState.Confirmed
            );
        await using var db = fixture.Database.CreateContext();
        (
            await db
                .ChangeHistory.Where(c => c.EntityId == id)
                .OrderBy(c => c.Id)
                .Select(c => c.Action + " by " + c.ChangedBy)
                .ToListAsync()
        )
            .Should()
            .Equal("Created by ana@example.org", "Updated by rui@example.org");
    }

    [Fact]
    public async Task NobodyConfirmsTheirOwnProposalAndADismissalNeedsAReason()
    {
        var reviewer = Service(As("mina@example.org", Roles.Reviewer));
        var id = await reviewer.ProposeRelationAsync(
            DemoIds.For("claim", "budanov-11000-training"),
            DemoIds.For("claim", "zelenskyy-thousands"),
            RelationType.Corroborates,
            "Both say thousands."
        );

        var own = () => reviewer.ReviewRelationAsync(id, ReviewState.Confirmed, null);
        (await own.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey(nameof(ClaimRelation.ReviewedBy));
        var other = Service(As("jo@example.org", Roles.Reviewer));
        var noReason = () => other.ReviewRelationAsync(id, ReviewState.Dismissed, " ");
        (await noReason.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey(nameof(ClaimRelation.ReviewNote));
        await other.ReviewRelationAsync(id, ReviewState.Dismissed, "Different measures: training vs sent.");
        var again = () =>
            Service(As("kai@example.org", Roles.Reviewer)).ReviewRelationAsync(id, ReviewState.Confirmed, null);
        await again.Should().ThrowAsync<DomainValidationException>();
    }

    [Fact]
    public async Task FlagsAreRaisedByEditorsAndClosedByReviewersWithAReason()
    {
        var flag = await Service(As("ana@example.org", Roles.Editor))
            .FlagClaimAsync(Nis, FlagKind.WeakSource, "Only the agency's statement.");
        var analyst = () => Service(As("an@example.org", Roles.Analyst)).FlagClaimAsync(Nis, FlagKind.Other, "x");
        await analyst.Should().ThrowAsync<AccessDeniedException>();

        var reviewer = Service(As("rui@example.org", Roles.Reviewer));
        var noReason = () => reviewer.CloseFlagAsync(flag, FlagStatus.Resolved, null);
        await noReason.Should().ThrowAsync<DomainValidationException>();
        await reviewer.CloseFlagAsync(flag, FlagStatus.Resolved, "The seed article republishes it with a locator.");

        await using var db = fixture.Database.CreateContext();
        (await db.Flags.SingleAsync(f => f.Id == flag)).Status.Should().Be(FlagStatus.Resolved);
        (await db.ChangeHistory.CountAsync(c => c.EntityId == flag && c.EntityType == "Flag")).Should().Be(2);
    }
}
