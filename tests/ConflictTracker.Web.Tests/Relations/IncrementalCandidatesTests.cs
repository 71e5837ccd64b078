using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Relations;

/// <summary>
/// Saving claims a few at a time refreshes only the pairs they can form, reading other figures through
/// an SQL test of their implied intervals (CandidateRefresh). Whatever the qualifiers, stances and
/// periods, the open candidates stored that way must be exactly what the rules find over all claims.
/// </summary>
public sealed class IncrementalCandidatesTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestPostgres.CreateDemoDatabaseAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SavingFiguresInSmallBatchesStoresWhatTheRulesFind(int seed)
    {
        var random = new Random(seed);
        var qualifiers = Enum.GetValues<QuantityQualifier>();
        for (var batch = 0; batch < 8; batch++)
        {
            await using var db = database.CreateContext();
            db.ChangedBy = "incremental candidates test";
            var proposition = await db
                .Propositions.Include(p => p.Measures)
                .Where(p => p.Measures.Any())
                .OrderBy(p => p.Id)
                .FirstAsync();
            var measure = proposition.Measures.OrderBy(m => m.Id).First();
            var actors = await db.Actors.OrderBy(a => a.Id).Take(4).ToListAsync();
            for (var i = 0; i < 5; i++)
            {
                var qualifier = qualifiers[random.Next(qualifiers.Length)];
                var value = 500 + random.Next(3000);
                var quantity =
                    qualifier == QuantityQualifier.Exact && random.Next(3) == 0
                        ? Quantity.Create(value, value + random.Next(1, 500), qualifier)
                        : Quantity.Create(value, null, qualifier);
                var day = new DateOnly(2024, 10, 1 + random.Next(28));
                db.Claims.Add(
                    Claim.Create(
                        new NewClaim(
                            proposition,
                            actors[random.Next(actors.Count)],
                            PartialDate.Create(day, DatePrecision.Day),
                            random.Next(4) == 0 ? Stance.Denies : Stance.Affirms,
                            $"Figure {batch}-{i}: {quantity}."
                        )
                        {
                            Status = ClaimStatus.Published,
                            Measure = measure,
                            Quantity = quantity,
                            EventPeriod =
                                random.Next(2) == 0
                                    ? null
                                    : EventPeriod.Create(
                                        PartialDate.Create(day.AddDays(-random.Next(10)), DatePrecision.Day),
                                        PartialDate.Create(day, DatePrecision.Day)
                                    ),
                        },
                        DateTimeOffset.UtcNow
                    )
                );
            }

            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var claims = await check.Claims.AsNoTracking().ToListAsync();
        var collective = (
            await check.Actors.AsNoTracking().Where(a => a.IsCollective).Select(a => a.Id).ToListAsync()
        ).ToHashSet();
        var expected = ContradictionCandidates
            .Find(claims.Select(c => ClaimFacts.Of(c, collective)))
            .Select(c => (c.First, c.Second, c.Rule))
            .ToHashSet();
        var stored = (await check.Candidates.AsNoTracking().Where(c => c.State == CandidateState.Open).ToListAsync())
            .Select(c => (c.FirstClaimId, c.SecondClaimId, c.Rule))
            .ToHashSet();

        expected
            .Should()
            .Contain(
                c => c.Rule == CandidateRule.IncompatibleFigures,
                "the generated figures must exercise the figure rules"
            );
        stored.Should().BeEquivalentTo(expected);
    }
}
