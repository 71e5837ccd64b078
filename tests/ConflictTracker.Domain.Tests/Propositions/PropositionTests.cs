using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;

namespace ConflictTracker.Domain.Tests.Propositions;

public class PropositionTests
{
    [Fact]
    public void StartsUnverifiedAndNeedsARationaleToBeAssessed()
    {
        var proposition = Make.Proposition();
        proposition.Assessment.Should().Be(Assessment.Unverified);

        var act = () => proposition.Assess(Assessment.Likely, null);
        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("AssessmentRationale");

        proposition.Assess(Assessment.Likely, "Seoul and Kyiv agree; video evidence");
        proposition.Assessment.Should().Be(Assessment.Likely);
    }

    [Fact]
    public void MeasureNamesAreUniqueWithinAProposition()
    {
        var proposition = Make.Proposition();
        proposition.AddMeasure("Soldiers in Russia", "soldiers");

        var act = () => proposition.AddMeasure("soldiers in russia", "soldiers");

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Measure.Name");
    }
}
