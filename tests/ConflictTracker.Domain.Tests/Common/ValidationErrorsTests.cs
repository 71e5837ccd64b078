using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Common;

public class ValidationErrorsTests
{
    [Fact]
    public void ReportsEveryBadFieldAtOnce()
    {
        var act = () => Actor.Create("", (ActorKind)99, "Korea", new string('x', MaxLengths.Note + 1));

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Errors.Keys.Should()
            .BeEquivalentTo("Name", "Kind", "CountryCode", "Description");
    }
}
