using System.Security.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Claim = System.Security.Claims.Claim;

namespace ConflictTracker.Web.Tests.Review;

/// <summary>The review queue at a working pace, on the demo data: items that tell apart, assignment with its filters
/// and history, and the orders (docs/rules/review-queue.md).</summary>
public class QueueAssignmentTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static IAccess As(string email) =>
        TestAccess.For(
            new ClaimsPrincipal(
                new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, Roles.Reviewer)],
                    "Test"
                )
            ),
            new SecurityOptions()
        );

    private static readonly IAccess Rui = As("rui@example.org");
    private static readonly IAccess Kai = As("kai@example.org");

    private ReviewQueueService Queue(IAccess access) => new(fixture.Database.ContextFactory, access);

    private ReviewAssignmentService Assignments(IAccess access) =>
        new(fixture.Database.ContextFactory, access, TimeProvider.System);

    [Fact]
    public async Task AReviewerTakesAnItemTheFiltersFollowAndASecondReviewerIsToldWhoHasIt()
    {
        var all = await Queue(Rui).GetAsync(new QueueFilter());
        var item = all.Items.First(i => i.AssignedTo is null);

        await Assignments(Rui).AssignToMeAsync(item.Id);

        (await Queue(Rui).GetAsync(new QueueFilter(Assignee: QueueAssignee.Mine)))
            .Items.Should()
            .ContainSingle(i => i.Id == item.Id)
            .Which.AssignedTo.Should()
            .Be("rui@example.org");
        (await Queue(Kai).GetAsync(new QueueFilter(Assignee: QueueAssignee.Mine))).Items.Should().BeEmpty();
        (await Queue(Kai).GetAsync(new QueueFilter(Assignee: QueueAssignee.Unassigned)))
            .Items.Should()
            .NotContain(i => i.Id == item.Id)
            .And.HaveCount(all.Items.Count(i => i.AssignedTo is null) - 1);

        var takeOver = () => Assignments(Kai).AssignToMeAsync(item.Id);
        (await takeOver.Should().ThrowAsync<DomainValidationException>()).WithMessage(
            "*rui@example.org has this item already*"
        );

        await Assignments(Kai).UnassignAsync(item.Id);
        await Assignments(Kai).AssignToMeAsync(item.Id);
        (await Queue(Kai).GetAsync(new QueueFilter(Assignee: QueueAssignee.Mine)))
            .Items.Should()
            .ContainSingle(i => i.Id == item.Id);

        await using var db = fixture.Database.CreateContext();
        (
            await db
                .ChangeHistory.Where(c => c.EntityId == item.Id && c.EntityType == "ReviewAssignment")
                .OrderBy(c => c.Id)
                .Select(c => c.ChangedBy)
                .ToListAsync()
        )
            .Should()
            .Equal("rui@example.org", "kai@example.org", "kai@example.org");
    }

    [Fact]
    public async Task OnlyAWaitingItemCanBeTaken()
    {
        var act = () => Assignments(Rui).AssignToMeAsync(Guid.NewGuid());

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Item");
        var analyst = () => Assignments(Analyst).AssignToMeAsync(Guid.NewGuid());
        await analyst.Should().ThrowAsync<AccessDeniedException>();
    }

    [Fact]
    public async Task ItemsNameBothSpeakersAndFiguresAndTheRule()
    {
        var page = await Queue(Rui).GetAsync(new QueueFilter(QueueKind.Candidate));

        var figures = page.Items.Where(i => i.What == "Incompatible figures").ToList();
        figures.Should().NotBeEmpty();
        figures
            .Should()
            .OnlyContain(i =>
                i.FirstSpeaker != null && i.SecondSpeaker != null && i.FirstFigure != null && i.SecondFigure != null
            );
        page.Items.Where(i => i.IsGroup).Should().OnlyContain(i => i.FirstSpeaker != null && i.SecondSpeaker == null);
    }

    [Fact]
    public async Task TheQueueIsOldestFirstOrGroupedByProposition()
    {
        var oldest = (await Queue(Rui).GetAsync(new QueueFilter())).Items;
        oldest.Select(i => i.Since).Should().BeInAscendingOrder();

        var grouped = (await Queue(Rui).GetAsync(new QueueFilter(ByProposition: true))).Items;
        grouped.Select(i => i.Proposition.Name).Should().BeInAscendingOrder(StringComparer.Ordinal);
        foreach (var proposition in grouped.GroupBy(i => i.Proposition.Id))
        {
            proposition.Select(i => i.Since).Should().BeInAscendingOrder();
        }

        grouped.Should().BeEquivalentTo(oldest, "grouping reorders, it does not filter");
    }
}
