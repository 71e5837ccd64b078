using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Claims;

public class ClaimRevisionTests
{
    [Fact]
    public void ReviseReplacesTheEditableFieldsAndKeepsTheRecordedTime()
    {
        var proposition = Make.Proposition();
        var measure = proposition.AddMeasure("Soldiers", "soldiers");
        var claim = Claim.Create(Make.NewClaim(proposition), Make.Now);

        claim.Revise(
            Make.NewClaim(proposition) with
            {
                Summary = "Revised.",
                Stance = Stance.Hedges,
                Measure = measure,
                Quantity = Quantity.Create(1500, null, QuantityQualifier.AtLeast),
                Status = ClaimStatus.Published,
            },
            Make.Now.AddDays(1)
        );

        claim.Summary.Should().Be("Revised.");
        claim.Stance.Should().Be(Stance.Hedges);
        claim.Quantity!.ImpliedInterval.High.Should().BeNull();
        claim.Status.Should().Be(ClaimStatus.Published);
        claim.RecordedAt.Should().Be(Make.Now);
    }

    [Fact]
    public void ReviseAppliesTheSameRulesAsCreateAndChangesNothingWhenRefused()
    {
        var claim = Claim.Create(Make.NewClaim(), Make.Now);

        var act = () => claim.Revise(Make.NewClaim() with { Summary = " ", Status = ClaimStatus.Retracted }, Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Keys.Should().BeEquivalentTo("Summary", "Status");
        claim.Summary.Should().Be(Make.NewClaim().Summary);
    }

    [Fact]
    public void RetractNeedsAReasonAndRestoreUndoesIt()
    {
        var claim = Claim.Create(Make.NewClaim() with { Status = ClaimStatus.Published }, Make.Now);

        var noReason = () => claim.Retract("  ");
        noReason.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("RetractionReason");

        claim.Retract("The ministry withdrew the figure.");
        claim.Status.Should().Be(ClaimStatus.Retracted);
        claim.RetractionReason.Should().Be("The ministry withdrew the figure.");
        ((Action)(() => claim.Retract("again"))).Should().Throw<DomainValidationException>();
        ((Action)(() => claim.Revise(Make.NewClaim(), Make.Now)))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Errors.Should()
            .ContainKey("Status");

        claim.Restore();
        claim.Status.Should().Be(ClaimStatus.Published);
        claim.RetractionReason.Should().BeNull();
        ((Action)(() => claim.Restore())).Should().Throw<DomainValidationException>();
    }
}
