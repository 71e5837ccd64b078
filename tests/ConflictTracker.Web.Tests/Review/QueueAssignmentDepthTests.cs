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
