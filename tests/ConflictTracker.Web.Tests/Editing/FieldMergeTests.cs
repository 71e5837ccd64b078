using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Shared;

namespace ConflictTracker.Web.Tests.Editing;

public class FieldMergeTests
{
    private static readonly Guid Vladivostok = Guid.NewGuid();
    private static readonly Guid Kursk = Guid.NewGuid();

    [Fact]
    public void OnlyTheFieldsIChangedGoOnTopOfTheirSave()
    {
        var original = new StatementInput
        {
            Summary = "Original wording.",
            Stance = Stance.Affirms,
            PlaceIds = [Vladivostok],
            StatedOn = "2024-10-18",
        };
        var theirs = original with { Summary = "Their wording.", PlaceIds = [Vladivostok, Kursk] };
        var mine = original with { Stance = Stance.Hedges, StatedOn = " 2024-10-18 " };

        var merged = FieldMerge.Apply(original, mine, theirs);

        merged.Summary.Should().Be("Their wording.", "I did not touch the wording");
        merged.PlaceIds.Should().Equal(Vladivostok, Kursk);
        merged.Stance.Should().Be(Stance.Hedges);
        FieldMerge.Changed(original, mine).Should().Equal(nameof(StatementInput.Stance));
    }

    [Fact]
    public void WhereWeBothChangedAFieldMineIsKept()
    {
        var original = new PropositionInput("North Korea sends troops", null);
        var theirs = original with { Statement = "North Korea sends troops to Russia" };
        var mine = original with
        {
            Statement = "North Korean troops are deployed to Russia",
            Description = "Neutral wording.",
        };

        FieldMerge.Apply(original, mine, theirs).Should().Be(mine);
    }
}
