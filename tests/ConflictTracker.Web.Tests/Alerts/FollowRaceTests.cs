using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;
using static ConflictTracker.Web.Tests.Alerts.AlertWorld;

namespace ConflictTracker.Web.Tests.Alerts;

/// <summary>Follow clicked twice at once (a double click, two tabs): every click succeeds, one row results.</summary>
public class FollowRaceTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static readonly Guid Budanov = DemoIds.For("actor", "budanov");

    [Fact]
    public async Task ConcurrentFollowsAndUnfollowsOfOneRecordAllSucceedAndLeaveOneRowInTheRequestedState()
    {
        var analyst = await PersonAsync(fixture.Database, "Analyst");

        await Task.WhenAll(
            Enumerable
                .Range(0, 12)
                .Select(_ =>
                    Task.Run(() => Follows(fixture.Database, analyst).SetAsync(FollowTarget.Actor, Budanov, true))
                )
        );
        (await RowsAsync(analyst)).Should().ContainSingle().Which.Active.Should().BeTrue();

        await Task.WhenAll(
            Enumerable
                .Range(0, 12)
                .Select(_ =>
                    Task.Run(() => Follows(fixture.Database, analyst).SetAsync(FollowTarget.Actor, Budanov, false))
                )
        );
        (await RowsAsync(analyst)).Should().ContainSingle().Which.Active.Should().BeFalse();
        (await Follows(fixture.Database, analyst).IsFollowingAsync(FollowTarget.Actor, Budanov)).Should().BeFalse();
    }

    private async Task<List<Follow>> RowsAsync(Person person)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Follows.Where(f => f.UserId == person.Id && f.TargetId == Budanov).ToListAsync();
    }
}
