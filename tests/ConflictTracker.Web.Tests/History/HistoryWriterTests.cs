using System.Text.Json;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.History;
using ConflictTracker.Testing;
using ConflictTracker.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.History;

/// <summary>Every save of a record writes its history in the same transaction: who, when, which fields, before and
/// after.</summary>
public class HistoryWriterTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private async Task<List<ChangeRecord>> HistoryAsync(Guid id)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.ChangeHistory.Where(c => c.EntityId == id).OrderBy(c => c.Id).ToListAsync();
    }

    private static JsonElement Field(ChangeRecord record, string field) =>
        JsonDocument.Parse(record.Changes).RootElement.GetProperty(field);

    [Fact]
    public async Task ANewClaimIsRecordedWithItsCitationsAndPlacesUnderTheClaim()
    {
        var sample = new Sample();
        await using (var db = fixture.Database.CreateContext())
        {
            db.ChangedBy = "ji-woo@example.org";
            sample.AddTo(db);
            await db.SaveChangesAsync();
        }

        var history = await HistoryAsync(sample.Claim.Id);

        history.Should().OnlyContain(c => c.ChangedBy == "ji-woo@example.org");
        history
            .Select(c => (c.EntityType, c.Action))
            .Should()
            .BeEquivalentTo(
                new[]
                {
                    ("Claim", ChangeAction.Created),
                    ("Citation", ChangeAction.Updated),
                    ("Citation", ChangeAction.Updated),
                    ("ClaimPlace", ChangeAction.Updated),
                }
            );
        var created = history.Single(c => c.EntityType == "Claim");
        Field(created, "Summary").GetProperty("after").GetString().Should().StartWith("Russia's navy ferried");
        Field(created, "Summary").GetProperty("before").ValueKind.Should().Be(JsonValueKind.Null);
        Field(created, "Stance").GetProperty("after").GetString().Should().Be("Affirms");
        Field(created, "StatedOn.Date").GetProperty("after").GetString().Should().Be("2024-10-18");
        history
            .Where(c => c.EntityType == "Citation")
            .Select(c => Field(c, "Role").GetProperty("after").GetString())
            .Should()
            .BeEquivalentTo("Origin", "FirstReport");
    }

    [Fact]
    public async Task AnEditRecordsOnlyTheChangedFieldsWithBeforeAndAfter()
    {
        var sample = new Sample();
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            await db.SaveChangesAsync();
        }

        await using (var db = fixture.Database.CreateContext())
        {
            db.ChangedBy = "rui@example.org";
            var claim = await db.Claims.SingleAsync(c => c.Id == sample.Claim.Id);
            var proposition = await db
                .Propositions.Include(p => p.Measures)
                .SingleAsync(p => p.Id == sample.Proposition.Id);
            var actor = await db.Actors.SingleAsync(a => a.Id == sample.Spokesman.Id);
            var agency = await db.Actors.SingleAsync(a => a.Id == sample.Agency.Id);
            claim.Revise(
                new NewClaim(proposition, actor, claim.StatedOn, claim.Stance, claim.Summary)
                {
                    OnBehalfOf = agency,
                    EventPeriod = claim.EventPeriod,
                    Quote = claim.Quote,
                    Measure = proposition.Measures.Single(),
                    Quantity = Quantity.Create(1500, null, QuantityQualifier.AtLeast),
                    Status = claim.Status,
                    Credibility = claim.Credibility,
                },
                sample.Now
            );
            await db.SaveChangesAsync();
        }

        var update = (await HistoryAsync(sample.Claim.Id)).Last();

        update.Action.Should().Be(ChangeAction.Updated);
        update.ChangedBy.Should().Be("rui@example.org");
        var fields = JsonDocument.Parse(update.Changes).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        fields.Should().BeEquivalentTo("Quantity.Qualifier");
        Field(update, "Quantity.Qualifier").GetProperty("before").GetString().Should().Be("Nearly");
        Field(update, "Quantity.Qualifier").GetProperty("after").GetString().Should().Be("AtLeast");
    }

    [Fact]
    public async Task RetractingAndRestoringAreRecordedAsSuch()
    {
        var sample = new Sample();
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            await db.SaveChangesAsync();
        }

        foreach (
            var change in new Action<Claim>[] { c => c.Retract("The agency withdrew the figure."), c => c.Restore() }
        )
        {
            await using var db = fixture.Database.CreateContext();
            var claim = await db.Claims.SingleAsync(c => c.Id == sample.Claim.Id);
            change(claim);
            await db.SaveChangesAsync();
        }

        var history = await HistoryAsync(sample.Claim.Id);
        history.Select(c => c.Action).Should().EndWith([ChangeAction.Retracted, ChangeAction.Restored]);
        Field(history[^2], "RetractionReason")
            .GetProperty("after")
            .GetString()
            .Should()
            .Be("The agency withdrew the figure.");
    }

    [Fact]
    public async Task AChangeWithoutAnAuthorIsNotSavedAtAll()
    {
        var sample = new Sample();
        await using var db = fixture.Database.CreateContext();
        db.ChangedBy = null;
        sample.AddTo(db);

        var save = () => db.SaveChangesAsync();

        await save.Should().ThrowAsync<InvalidOperationException>().WithMessage("*without an author*");
        await using var read = fixture.Database.CreateContext();
        (await read.Claims.AnyAsync(c => c.Id == sample.Claim.Id)).Should().BeFalse();
        (await read.ChangeHistory.AnyAsync(c => c.EntityId == sample.Claim.Id)).Should().BeFalse();
    }

    /// <summary>A save refused by the database once its history is written (here a stale version) keeps no history
    /// of the change: in the transaction the save opened, and in the caller's, which the caller then commits.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASaveRefusedAfterItsHistoryWasWrittenKeepsNone(bool callersTransaction)
    {
        var sample = new Sample();
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            await db.SaveChangesAsync();
        }

        await using var stale = fixture.Database.CreateContext();
        var staleClaim = await stale.Claims.SingleAsync(c => c.Id == sample.Claim.Id);
        await using (var db = fixture.Database.CreateContext())
        {
            (await db.Claims.SingleAsync(c => c.Id == sample.Claim.Id)).Retract("Withdrawn by the agency.");
            await db.SaveChangesAsync();
        }

        var transaction = callersTransaction ? await stale.Database.BeginTransactionAsync() : null;
        staleClaim.Retract("Withdrawn, as read before the other save.");

        var save = () => stale.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }
        else
        {
            // Rolled back at once, not left open (with its rows and locks) until the context goes.
            stale.Database.CurrentTransaction.Should().BeNull();
        }

        var history = (await HistoryAsync(sample.Claim.Id)).Where(c => c.EntityType == "Claim").ToList();
        history.Select(c => c.Action).Should().Equal(ChangeAction.Created, ChangeAction.Retracted);
        Field(history[^1], "RetractionReason").GetProperty("after").GetString().Should().Be("Withdrawn by the agency.");
    }

    [Fact]
    public async Task RecordsAreNeverDeleted()
    {
        var sample = new Sample();
        await using (var db = fixture.Database.CreateContext())
        {
            sample.AddTo(db);
            await db.SaveChangesAsync();
        }

        await using var delete = fixture.Database.CreateContext();
        delete.Remove(await delete.Claims.SingleAsync(c => c.Id == sample.Denial.Id));

        var save = () => delete.SaveChangesAsync();

        await save.Should().ThrowAsync<InvalidOperationException>().WithMessage("*never deleted*");
    }
}
