using System.Security.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Claim = System.Security.Claims.Claim;

namespace ConflictTracker.Web.Tests.Review;

/// <summary>The Whose filter is part of the queue's query: an item deep in a long queue is still "mine".</summary>
public class QueueAssignmentDepthTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly IAccess Rui = TestAccess.For(
        new ClaimsPrincipal(
            new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "Rui@Example.org"), new Claim(ClaimTypes.Role, Roles.Reviewer)],
                "Test"
            )
        ),
        new SecurityOptions()
    );

    private ReviewQueueService Queue => new(fixture.Database.ContextFactory, Rui);

    [Fact]
    public async Task MineAndUnassignedFindItemsBeyondTheFirstPageOfALongQueue()
    {
        await using (var db = fixture.Database.CreateContext())
        {
            db.ChangedBy = "seed@example.org";
            var claim = await db.Claims.OrderBy(c => c.Id).FirstAsync();
            var start = DateTimeOffset.UtcNow.AddDays(-30);
            for (var i = 0; i < ReviewQueueService.PageSize + 20; i++)
            {
                db.Flags.Add(
                    Flag.OnClaim(claim, FlagKind.WeakSource, $"Flag {i}", "seed@example.org", start.AddMinutes(i))
                );
            }

            await db.SaveChangesAsync();
        }

        var newest = (await Queue.GetAsync(new QueueFilter(QueueKind.Flag, NewestFirst: true))).Items[0];
        (await Queue.GetAsync(new QueueFilter(QueueKind.Flag)))
            .Items.Should()
            .NotContain(i => i.Id == newest.Id, "oldest first, the newest flag is past the first page");

        await new ReviewAssignmentService(fixture.Database.ContextFactory, Rui, TimeProvider.System).AssignToMeAsync(
            newest.Id
        );

        (await Queue.GetAsync(new QueueFilter(QueueKind.Flag, Assignee: QueueAssignee.Mine)))
            .Items.Should()
            .ContainSingle()
            .Which.Id.Should()
            .Be(newest.Id);
        var unassigned = await Queue.GetAsync(new QueueFilter(QueueKind.Flag, Assignee: QueueAssignee.Unassigned));
        unassigned.Items.Should().HaveCount(ReviewQueueService.PageSize).And.NotContain(i => i.Id == newest.Id);
        unassigned.Truncated.Should().BeTrue();
    }
}

/// <summary>By proposition is the whole queue's order, not the oldest page's: a proposition first by name whose
/// items are the newest still comes first.</summary>
public class QueueByPropositionDepthTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly IAccess Rui = TestAccess.For(
        new ClaimsPrincipal(
            new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "rui@example.org"), new Claim(ClaimTypes.Role, Roles.Reviewer)],
                "Test"
            )
        ),
        new SecurityOptions()
    );

    [Fact]
    public async Task APropositionFirstByNameComesFirstHoweverNewItsItemsAre()
    {
        Guid first;
        await using (var db = fixture.Database.CreateContext())
        {
            db.ChangedBy = "seed@example.org";
            var byName = await db
                .Claims.Join(db.Propositions, c => c.PropositionId, p => p.Id, (c, p) => new { c.Id, p.Statement })
                .ToListAsync();
            var ordered = byName.OrderBy(c => c.Statement, StringComparer.Ordinal).ToList();
            var (earlyId, lateId) = (ordered[0].Id, ordered[^1].Id);
            var early = await db.Claims.SingleAsync(c => c.Id == earlyId);
            var late = await db.Claims.SingleAsync(c => c.Id == lateId);
            first = early.PropositionId;
            var start = DateTimeOffset.UtcNow.AddDays(-30);
            // A long queue of old flags on the proposition last by name, then three new ones on the first.
            for (var i = 0; i < ReviewQueueService.PageSize + 20; i++)
            {
                db.Flags.Add(
                    Flag.OnClaim(late, FlagKind.WeakSource, $"Old flag {i}", "seed@example.org", start.AddMinutes(i))
                );
            }

            for (var i = 0; i < 3; i++)
            {
                db.Flags.Add(
                    Flag.OnClaim(early, FlagKind.Other, $"New flag {i}", "seed@example.org", DateTimeOffset.UtcNow)
                );
            }

            await db.SaveChangesAsync();
        }

        var queue = new ReviewQueueService(fixture.Database.ContextFactory, Rui);
        var page = await queue.GetAsync(new QueueFilter(ByProposition: true));
        page.Items.Should().HaveCount(ReviewQueueService.PageSize);
        page.Items.Select(i => i.Proposition.Name).Should().BeInAscendingOrder(StringComparer.Ordinal);
        page.Items[0].Proposition.Id.Should().Be(first);
        page.Items.Where(i => i.Detail.StartsWith("New flag", StringComparison.Ordinal))
            .Should()
            .HaveCount(3, "the first proposition by name is read whole, however new its items");
        page.Truncated.Should().BeTrue();

        var unassigned = await queue.GetAsync(new QueueFilter(ByProposition: true, Assignee: QueueAssignee.Unassigned));
        unassigned.Items.Select(i => i.Id).Should().Equal(page.Items.Select(i => i.Id), "nothing is assigned yet");
    }
}
