using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Flags;

namespace ConflictTracker.Domain.Tests.Flags;

public class FlagTests
{
    [Fact]
    public void FlagIsRaisedOpenAndClosedOnceWithAReason()
    {
        var flag = Flag.OnClaim(
            Make.Claim(),
            FlagKind.WeakSource,
            "Only one anonymous post",
            "rui@example.org",
            Make.Now
        );
        flag.Status.Should().Be(FlagStatus.Open);

        flag.Close(FlagStatus.Resolved, "Second source added", "ana@example.org", Make.Now.AddDays(1));

        flag.Status.Should().Be(FlagStatus.Resolved);
        var again = () => flag.Close(FlagStatus.Dismissed, "Again", "ana@example.org", Make.Now.AddDays(2));
        again.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Status");
    }

    [Fact]
    public void ClosingNeedsAReason()
    {
        var flag = Flag.OnClaim(
            Make.Claim(),
            FlagKind.TranslationNeeded,
            "Korean original missing",
            "rui@example.org",
            Make.Now
        );

        var act = () => flag.Close(FlagStatus.Dismissed, null, "ana@example.org", Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Resolution");
    }
}
