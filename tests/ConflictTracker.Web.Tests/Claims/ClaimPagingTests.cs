using ConflictTracker.Domain.Claims;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Web.Tests.Claims;

/// <summary>Keyset pages: every claim exactly once, forwards and backwards, even while claims are being
/// added.</summary>
public class ClaimPagingTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Theory]
    [InlineData(ClaimSort.NewestStatement)]
    [InlineData(ClaimSort.OldestStatement)]
    [InlineData(ClaimSort.RecentlyRecorded)]
    public async Task PagesCoverEveryClaimOnceInOrderAndBackAgain(ClaimSort sort)
    {
        var service = new ClaimSearchService(fixture.Database.ContextFactory, Analyst);
        var everything = (await service.SearchAsync(new ClaimQuery { Sort = sort, PageSize = 100 }))
            .Items.Select(i => i.Id)
            .ToList();

        var pages = new List<ClaimPage>();
        var query = new ClaimQuery { Sort = sort, PageSize = 4 };
        for (
            var page = await service.SearchAsync(query);
            ;
            page = await service.SearchAsync(query with { After = page.NextCursor })
        )
        {
            pages.Add(page);
            if (page.NextCursor is null)
            {
                break;
            }
        }

        pages.SelectMany(p => p.Items).Select(i => i.Id).Should().Equal(everything);
        pages.Should().HaveCount(7);

        var back = await service.SearchAsync(query with { Before = pages[^1].PreviousCursor });
        back.Items.Select(i => i.Id).Should().Equal(pages[^2].Items.Select(i => i.Id));
        var first = await service.SearchAsync(query with { Before = pages[1].PreviousCursor });
        first.Items.Select(i => i.Id).Should().Equal(pages[0].Items.Select(i => i.Id));
        first.PreviousCursor.Should().BeNull();
    }

    [Fact]
    public async Task ClaimsAddedBetweenPageLoadsCauseNoGapsOrDuplicates()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using (database)
        {
            await new DemoDataLoader(
                database.ContextFactory,
                TimeProvider.System,
                NullLogger<DemoDataLoader>.Instance
            ).LoadAsync();
            var service = new ClaimSearchService(database.ContextFactory, Analyst);
            var query = new ClaimQuery { PageSize = 5 };
            var seen = new List<Guid>();
            var added = new List<Guid>();
            var statedOn = new DateOnly(2024, 11, 1);

            for (
                var page = await service.SearchAsync(query);
                ;
                page = await service.SearchAsync(query with { After = page.NextCursor })
            )
            {
                seen.AddRange(page.Items.Select(i => i.Id));
                // A newer claim (sorts before the cursor) arrives while the analyst reads each page.
                added.Add(await AddClaimAsync(database, statedOn));
                statedOn = statedOn.AddDays(1);
                if (page.NextCursor is null)
                {
                    break;
                }
            }

            seen.Should().OnlyHaveUniqueItems().And.HaveCount(25).And.NotContain(added);
            (await service.SearchAsync(query with { PageSize = 100 })).Total.Should().Be(25 + added.Count);
        }
    }

    private static async Task<Guid> AddClaimAsync(TestDatabase database, DateOnly statedOn)
    {
        await using var db = database.CreateContext();
        var proposition = await db.Propositions.FirstAsync();
        var actor = await db.Actors.FirstAsync();
        var claim = Claim.Create(
            new NewClaim(
                proposition,
                actor,
                PartialDate.Create(statedOn, DatePrecision.Day),
                Stance.Neutral,
                $"Added while paging {statedOn}"
            )
            {
                Status = ClaimStatus.Published,
            },
            DateTimeOffset.UtcNow
        );
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return claim.Id;
    }
}
