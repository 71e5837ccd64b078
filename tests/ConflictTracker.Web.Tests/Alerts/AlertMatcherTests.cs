using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Review;
using Microsoft.EntityFrameworkCore;
using static ConflictTracker.Web.Tests.Alerts.AlertWorld;

namespace ConflictTracker.Web.Tests.Alerts;

/// <summary>The alert matcher on the demo data: what notifies whom (docs/rules/alerts-and-comments.md).</summary>
public class AlertMatcherTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid Budanov = DemoIds.For("actor", "budanov");
    private static readonly Guid Zelenskyy = DemoIds.For("actor", "zelenskyy");
    private static readonly Guid Troops = DemoIds.For("proposition", "nk-troops-in-russia");
    private static readonly Guid Gains = DemoIds.For("proposition", "nk-gains");

    private Testing.TestDatabase Database => fixture.Database;

    [Fact]
    public async Task ASavedSearchNotifiesItsOwnerOnceOfANewMatchingClaimEvenAfterARestart()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var editor = await PersonAsync(Database, "Editor");
        var word = Word();
        await Matcher(Database).RunAsync();
        await Searches(Database, analyst).CreateAsync("Watch", $"/claims?q={word}", notify: true);

        var matching = await ClaimAsync(Database, editor.Email, Budanov, Troops, $"Budanov said {word} today.");
        await ClaimAsync(Database, editor.Email, Budanov, Troops, "Something else entirely.");
        await Matcher(Database).RunAsync();

        var list = await Notifications(Database, analyst).ListAsync();
        list.Should().ContainSingle();
        list[0].Kind.Should().Be(NotificationKind.SearchMatch);
        list[0].Link.Should().Be($"/claims/{matching}");
        list[0].Title.Should().Contain("Watch");

        // A restart that lost the cursor's last move reads the same history again: nothing is repeated.
        await Database.ExecuteAsync("UPDATE alert_cursors SET last_change_id = last_change_id - 20");
        await Matcher(Database).RunAsync();
        (await Notifications(Database, analyst).ListAsync()).Should().ContainSingle();
        (await Notifications(Database, analyst).UnreadCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task NobodyIsNotifiedOfTheirOwnChangeNorByASearchThatDoesNotNotify()
    {
        var editor = await PersonAsync(Database, "Editor");
        var quiet = await PersonAsync(Database, "Analyst");
        var word = Word();
        await Matcher(Database).RunAsync();
        await Searches(Database, editor).CreateAsync("Mine", $"q={word}", notify: true);
        await Searches(Database, quiet).CreateAsync("Quiet", $"q={word}", notify: false);

        await ClaimAsync(Database, editor.Email, Budanov, Troops, $"A claim with {word}.");
        await Matcher(Database).RunAsync();

        (await Notifications(Database, editor).ListAsync()).Should().BeEmpty("the editor saved it themselves");
        (await Notifications(Database, quiet).ListAsync()).Should().BeEmpty("that search does not notify");
    }

    [Fact]
    public async Task FollowersOfAnActorOrAPropositionHearOfItsNewClaimsOncePerClaim()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var editor = await PersonAsync(Database, "Editor");
        await Matcher(Database).RunAsync();
        await Follows(Database, analyst).SetAsync(FollowTarget.Actor, Zelenskyy, true);
        await Follows(Database, analyst).SetAsync(FollowTarget.Proposition, Gains, true);

        var byActor = await ClaimAsync(Database, editor.Email, Zelenskyy, Troops, "Zelenskyy on troops.");
        var onProposition = await ClaimAsync(Database, editor.Email, Budanov, Gains, "Budanov on gains.");
        var both = await ClaimAsync(Database, editor.Email, Zelenskyy, Gains, "Zelenskyy on gains.");
        await ClaimAsync(Database, editor.Email, Budanov, Troops, "Neither followed.");
        await Matcher(Database).RunAsync();

        var list = await Notifications(Database, analyst).ListAsync();
        list.Select(n => n.Link)
            .Should()
            .BeEquivalentTo([$"/claims/{byActor}", $"/claims/{onProposition}", $"/claims/{both}"]);
        list.Single(n => n.Link == $"/claims/{byActor}").Kind.Should().Be(NotificationKind.ActorClaim);
        list.Single(n => n.Link == $"/claims/{onProposition}").Kind.Should().Be(NotificationKind.PropositionClaim);

        await Follows(Database, analyst).SetAsync(FollowTarget.Actor, Zelenskyy, false);
        await ClaimAsync(Database, editor.Email, Zelenskyy, Troops, "After unfollowing.");
        await Matcher(Database).RunAsync();
        (await Notifications(Database, analyst).ListAsync()).Should().HaveCount(3);
    }

    [Fact]
    public async Task AContradictionInvolvingAFollowedActorNotifiesItsFollowers()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var editor = await PersonAsync(Database, "Editor");
        var affirms = await ClaimAsync(Database, editor.Email, Budanov, Gains, "Gains were made.");
        var denies = await ClaimAsync(
            Database,
            editor.Email,
            Zelenskyy,
            Gains,
            "No gains were made.",
            Domain.Claims.Stance.Denies
        );
        await Matcher(Database).RunAsync();
        await Follows(Database, analyst).SetAsync(FollowTarget.Actor, Budanov, true);

        var relation = await new ReviewService(
            Database.ContextFactory,
            editor.Access,
            TimeProvider.System
        ).ProposeRelationAsync(denies, affirms, RelationType.Contradicts, "One affirms what the other denies.");
        await Matcher(Database).RunAsync();

        var list = await Notifications(Database, analyst).ListAsync();
        list.Should().ContainSingle(n => n.Kind == NotificationKind.Contradiction);
        (await Notifications(Database, editor).ListAsync()).Should().BeEmpty();
        await using var db = Database.CreateContext();
        (await db.Notifications.CountAsync(n => n.UserId == analyst.Id && n.EventKey == $"contradiction:{relation}"))
            .Should()
            .Be(1);
    }

    [Fact]
    public async Task AChangedAssessmentNotifiesTheFollowersOfTheProposition()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var other = await PersonAsync(Database, "Analyst");
        await Matcher(Database).RunAsync();
        await Follows(Database, analyst).SetAsync(FollowTarget.Proposition, Gains, true);

        await using (var db = Database.CreateContext())
        {
            db.ChangedBy = "reviewer@test.example";
            var proposition = await db.Propositions.SingleAsync(p => p.Id == Gains);
            proposition.Assess(Assessment.Disputed, "Both sides say opposite things.");
            await db.SaveChangesAsync();
        }

        await Matcher(Database).RunAsync();

        var list = await Notifications(Database, analyst).ListAsync();
        list.Should().ContainSingle(n => n.Kind == NotificationKind.AssessmentChanged);
        list.Single(n => n.Kind == NotificationKind.AssessmentChanged).Link.Should().Be($"/propositions/{Gains}");
        (await Notifications(Database, other).ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task NotificationsAreMarkedReadOnlyByTheirOwner()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var other = await PersonAsync(Database, "Analyst");
        var editor = await PersonAsync(Database, "Editor");
        await Matcher(Database).RunAsync();
        await Follows(Database, analyst).SetAsync(FollowTarget.Actor, Budanov, true);
        await ClaimAsync(Database, editor.Email, Budanov, Troops, "First.");
        await ClaimAsync(Database, editor.Email, Budanov, Troops, "Second.");
        await Matcher(Database).RunAsync();
        var list = await Notifications(Database, analyst).ListAsync();
        list.Should().HaveCount(2);

        (await Notifications(Database, other).MarkReadAsync(list[0].Id)).Should().BeFalse();
        (await Notifications(Database, analyst).UnreadCountAsync()).Should().Be(2);
        (await Notifications(Database, analyst).MarkReadAsync(list[0].Id)).Should().BeTrue();
        (await Notifications(Database, analyst).UnreadCountAsync()).Should().Be(1);
        (await Notifications(Database, analyst).MarkAllReadAsync()).Should().Be(1);
        (await Notifications(Database, analyst).UnreadCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ManyFollowersAreAllNotifiedThoughTheirIdsExceedOneDatabaseNotification()
    {
        // 250 ids make a payload over PostgreSQL's 8000 bytes: sent in one, it rolled the batch back each time.
        var editor = await PersonAsync(Database, "Editor");
        await Matcher(Database).RunAsync();
        var followers = new List<Person>();
        for (var i = 0; i < 250; i++)
        {
            var person = await PersonAsync(Database, "Analyst");
            await Follows(Database, person).SetAsync(FollowTarget.Proposition, Gains, true);
            followers.Add(person);
        }

        var claim = await ClaimAsync(Database, editor.Email, Budanov, Gains, "Budanov on gains, to many.");
        await Matcher(Database).RunAsync();

        foreach (var person in new[] { followers[0], followers[149], followers[150], followers[^1] })
        {
            (await Notifications(Database, person).ListAsync())
                .Select(n => n.Link)
                .Should()
                .Contain($"/claims/{claim}");
        }

        await using var db = Database.CreateContext();
        var ids = followers.Select(f => f.Id).ToList();
        (await db.Notifications.CountAsync(n => ids.Contains(n.UserId) && n.Link == $"/claims/{claim}"))
            .Should()
            .Be(250);
    }

    [Fact]
    public async Task ASearchTheDatabaseRefusesIsSkippedAndTheOtherNotificationsAreStillStored()
    {
        var analyst = await PersonAsync(Database, "Analyst");
        var editor = await PersonAsync(Database, "Editor");
        var word = Word();
        await Matcher(Database).RunAsync();
        await Searches(Database, analyst).CreateAsync("Breaks", $"q={word}", notify: true);
        await Follows(Database, analyst).SetAsync(FollowTarget.Proposition, Gains, true);
        var claim = await ClaimAsync(Database, editor.Email, Budanov, Gains, $"Budanov on gains, {word}.");

        // The word search reads the synonym list: without it the database refuses the search (42P01), which aborted
        // the matcher's whole transaction, so storing the follow's notification failed too (25P02), at every run.
        await Database.ExecuteAsync("ALTER TABLE synonym_groups RENAME TO synonym_groups_away");
        try
        {
            await Matcher(Database).RunAsync();
        }
        finally
        {
            await Database.ExecuteAsync("ALTER TABLE synonym_groups_away RENAME TO synonym_groups");
        }

        var list = await Notifications(Database, analyst).ListAsync();
        list.Should().Contain(n => n.Kind == NotificationKind.PropositionClaim && n.Link == $"/claims/{claim}");
        list.Should().NotContain(n => n.Kind == NotificationKind.SearchMatch);
    }
}
