using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Domain.Tests.Sources;

public class SourceTests
{
    [Fact]
    public void KeepsAllItsMetadata()
    {
        var publisher = Make.Actor("The War Zone", Domain.Actors.ActorKind.MediaOutlet);
        var hash = new string('a', 64);

        var source = Source.Create(
            SourceKind.Interview,
            "Budanov interview",
            "https://www.twz.com/x",
            publisher,
            PartialDate.Month(2024, 10),
            new DateOnly(2024, 10, 25),
            "en",
            "https://web.archive.org/web/2024/https://www.twz.com/x",
            hash.ToUpperInvariant(),
            ReliabilityGrade.C
        );

        source.PublisherId.Should().Be(publisher.Id);
        source.Url!.OriginalString.Should().Be("https://www.twz.com/x");
        source.ContentHash.Should().Be(hash, "hashes are stored in lower case");
        source.Status.Should().Be(SourceStatus.Active);
    }

    [Fact]
    public void BadUrlsHashAndDatesAreAllReported()
    {
        var act = () =>
            Source.Create(
                SourceKind.Article,
                "Title",
                "javascript:alert(1)",
                null,
                PartialDate.Day(2024, 10, 18),
                new DateOnly(2024, 10, 1),
                "en",
                "file:///tmp/x",
                "not-a-hash"
            );

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Errors.Keys.Should()
            .BeEquivalentTo("Url", "ArchiveUrl", "ContentHash", "RetrievedOn");
    }

    [Theory]
    [InlineData(ReliabilityGrade.A, ReliabilityGrade.C, ReliabilityGrade.A)]
    [InlineData(null, ReliabilityGrade.C, ReliabilityGrade.C)]
    [InlineData(null, null, ReliabilityGrade.F)]
    public void OwnGradeOverridesThePublishersAndUnknownIsF(
        ReliabilityGrade? own,
        ReliabilityGrade? publishers,
        ReliabilityGrade expected
    )
    {
        Source.EffectiveReliability(own, publishers).Should().Be(expected);
    }
}
