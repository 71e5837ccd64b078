using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.Activity;
using ConflictTracker.Web.Features.Comments;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using static ConflictTracker.Web.Tests.Alerts.AlertWorld;

namespace ConflictTracker.Web.Tests.Alerts;

/// <summary>Comments, mentions and activity feeds on the demo data.</summary>
public class CommentTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid Nis = DemoIds.For("claim", "nis-1500-vladivostok");
    private static readonly Guid Troops = DemoIds.For("proposition", "nk-troops-in-russia");

    private Testing.TestDatabase Database => fixture.Database;

    [Fact]
    public void MentionsAreFoundByDisplayNameOrEmailLocalPartNotInsideAddresses()
    {
        var jiwoo = new Mentions.Person(Guid.NewGuid(), "Ji-woo Park", "jpark@example.org");
        var ji = new Mentions.Person(Guid.NewGuid(), "Ji", "ji@example.org");
        var rui = new Mentions.Person(Guid.NewGuid(), "Rui Costa", "rui.costa@example.org");
        Mentions
            .Resolve("@ji-woo park and @RUI.COSTA, see mail to x@jpark", [jiwoo, ji, rui])
            .Should()
            .Equal(jiwoo.Id, rui.Id);
        Mentions.Resolve("@ji: and @jparker", [jiwoo, ji, rui]).Should().Equal(ji.Id);
    }

    [Fact]
    public async Task ACommentNotifiesThePeopleItMentionsOnceAndItsAuthorAloneMayEditIt()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var reviewer = await PersonAsync(Database, "Reviewer", "Mina Reviewer " + Guid.NewGuid().ToString("N")[..6]);
        var other = await PersonAsync(Database, "Editor");
        var local = other.Email[..other.Email.IndexOf('@', StringComparison.Ordinal)];

        var id = await Comments(Database, analyst)
            .AddAsync(CommentSubject.Claim, Nis, $"@{reviewer.DisplayName} and @{local}: is the source right? @me");
        (await Notifications(Database, reviewer).ListAsync())
            .Should()
            .ContainSingle(n => n.Kind == NotificationKind.Mention);
        var toOther = await Notifications(Database, other).ListAsync();
        toOther.Should().ContainSingle();
        toOther[0].Link.Should().Be($"/claims/{Nis}#comments");

        var thread = await Comments(Database, analyst).ListAsync(CommentSubject.Claim, Nis);
        var mine = thread.Single(c => c.Id == id);
        mine.Mine.Should().BeTrue();
        var byOther = () => Comments(Database, other).EditAsync(id, mine.Version, "Hijacked.");
        await byOther.Should().ThrowAsync<AccessDeniedException>();

        await Comments(Database, analyst).EditAsync(id, mine.Version, $"@{reviewer.DisplayName}: the source is fine.");
        (await Notifications(Database, reviewer).ListAsync()).Should().ContainSingle("one notification per comment");
        var stale = () => Comments(Database, analyst).EditAsync(id, mine.Version, "From an old page.");
        await stale.Should().ThrowAsync<ConcurrencyConflictException>();

        await using var db = Database.CreateContext();
        (await db.ChangeHistory.CountAsync(h => h.EntityId == id && h.EntityType == "Comment")).Should().Be(2);
        (await db.Comments.SingleAsync(c => c.Id == id)).EditedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task BadCommentsAreRefusedWithAMessageAndNothingIsSaved()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var blank = () => Comments(Database, analyst).AddAsync(CommentSubject.Claim, Nis, "   ");
        (await blank.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Text");
        var tooLong = () =>
            Comments(Database, analyst).AddAsync(CommentSubject.Claim, Nis, new string('x', Comment.MaxTextLength + 1));
        (await tooLong.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors["Text"]
            .Should()
            .ContainMatch("*at most 2,000 characters*");
        var nowhere = () => Comments(Database, analyst).AddAsync(CommentSubject.Flag, Guid.NewGuid(), "On nothing.");
        await nowhere.Should().ThrowAsync<RecordNotFoundException>();
        await using var db = Database.CreateContext();
        (await db.Comments.CountAsync(c => c.AuthorId == analyst.Id)).Should().Be(0);
    }

    [Fact]
    public async Task ActivityFeedsShowChangesAndCommentsNewestFirstAPageAtATime()
    {
        var editor = await PersonAsync(Database, "Editor");
        var claims = new List<Guid>();
        for (var i = 0; i < ActivityService.PageSize; i++)
        {
            claims.Add(
                await ClaimAsync(Database, editor.Email, DemoIds.For("actor", "budanov"), Troops, $"Claim {i}.")
            );
        }

        await Comments(Database, editor).AddAsync(CommentSubject.Claim, claims[^1], "The last word.");
        var activity = new ActivityService(Database.ContextFactory, Analyst);

        var first = await activity.ForUserAsync(editor.Id, null);
        first!.Title.Should().Be(editor.DisplayName);
        first.Items.Should().HaveCount(ActivityService.PageSize);
        first.Items[0].What.Should().Be("Commented on claim");
        first.Items[0].Detail.Should().Be("The last word.");
        first.Items[1].What.Should().Be("Created claim");
        first.Items[1].Link.Should().Be($"/claims/{claims[^1]}");
        first.Next.Should().NotBeNull();
        var second = await activity.ForUserAsync(editor.Id, first.Next);
        second!.Items.Should().ContainSingle().Which.Record.Should().Be("Claim 0.");
        second.Next.Should().BeNull();

        var proposition = await activity.ForPropositionAsync(Troops, null);
        proposition!.Items[0].What.Should().Be("Commented on claim");
        (await activity.ForPropositionAsync(Guid.NewGuid(), null)).Should().BeNull();
        (await activity.ForUserAsync(Guid.NewGuid(), null)).Should().BeNull();
    }
}
