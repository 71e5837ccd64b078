using ConflictTracker.Domain.Claims;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Claims;

/// <summary>
/// Counting stops at <see cref="ClaimSearchService.CountLimit"/> and says so; below it the count is
/// exact. A claim that matches through its words and its actor's name is counted and listed once,
/// and the merged pages cover every match once in order (docs/rules/search.md).
/// </summary>
public sealed class ClaimCountLimitTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestPostgres.CreateDemoDatabaseAsync();
        await using var db = database.CreateContext();
        db.ChangedBy = "count limit test";
        var proposition = await db.Propositions.OrderBy(p => p.Id).FirstAsync();
        // Budanov's own name in the wording of half of them: they match both through their words and their actor.
        var budanov = await db.Actors.SingleAsync(a => a.Name == "Kyrylo Budanov");
        for (var i = 0; i < ClaimSearchService.CountLimit + 50; i++)
        {
            db.Claims.Add(
                Claim.Create(
                    new NewClaim(
                        proposition,
                        budanov,
                        PartialDate.Day(2025, 1 + (i % 12), 1 + (i % 28)),
                        Stance.Neutral,
                        i % 2 == 0 ? $"Budanov said convoy {i} was seen." : $"A convoy was seen, report {i}."
                    )
                    {
                        Status = ClaimStatus.Published,
                    },
                    DateTimeOffset.UtcNow
                )
            );
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ClaimSearchService Service => new(database.ContextFactory, TestUsers.Analyst);

    [Fact]
    public async Task PastTheLimitTheTotalIsALowerBound()
    {
        var page = await Service.SearchAsync(new ClaimQuery { Text = "convoy" });

        page.Total.Should().Be(ClaimSearchService.CountLimit);
        page.TotalIsLowerBound.Should().BeTrue();
        page.Items.Should().HaveCount(ClaimQuery.DefaultPageSize);
    }

    [Fact]
    public async Task BelowTheLimitTheTotalIsExact()
    {
        var page = await Service.SearchAsync(
            new ClaimQuery { Text = "convoy", StatedFrom = new DateOnly(2025, 12, 1) }
        );

        page.Total.Should().Be(87); // the claims of December 2025: every twelfth of the 1,050
        page.TotalIsLowerBound.Should().BeFalse();
    }

    [Fact]
    public async Task AClaimMatchingByWordsAndByNameIsCountedAndListedOnce()
    {
        var query = new ClaimQuery
        {
            Text = "Budanov",
            StatedFrom = new DateOnly(2025, 12, 1),
            PageSize = 100,
        };

        var page = await Service.SearchAsync(query);

        // Every December claim is Budanov's (by name), half also name him in their words; plus none of the demo claims
        // (2024).
        page.Total.Should().Be(87);
        page.Items.Select(i => i.Id).Should().OnlyHaveUniqueItems().And.HaveCount(87);
    }

    [Fact]
    public async Task MergedPagesCoverEveryMatchOnceInOrder()
    {
        var query = new ClaimQuery { Text = "Budanov", PageSize = 100 };
        var seen = new List<ClaimListItem>();
        for (
            var page = await Service.SearchAsync(query);
            ;
            page = await Service.SearchAsync(query with { After = page.NextCursor })
        )
        {
            seen.AddRange(page.Items);
            if (page.NextCursor is null)
            {
                break;
            }
        }

        seen.Select(i => i.Id).Should().OnlyHaveUniqueItems();
        seen.Should().HaveCountGreaterThan(ClaimSearchService.CountLimit);
        // PostgreSQL orders uuids by their bytes, which is the order of their text.
        seen.Select(i => (i.StatedOnDate, Id: i.Id.ToString()))
            .Should()
            .BeInDescendingOrder(
                Comparer<(DateOnly Date, string Id)>.Create(
                    (a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.Id, b.Id)
                )
            );
    }
}
