using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Claims;

public class ClaimTests
{
    [Fact]
    public void ClaimWithAFigureCountsAMeasureOfItsOwnProposition()
    {
        var proposition = Make.Proposition();
        var measure = proposition.AddMeasure("North Korean soldiers ferried to Vladivostok", "soldiers");

        var claim = Claim.Create(
            Make.NewClaim(proposition) with
            {
                Measure = measure,
                Quantity = Quantity.Create(1500, null, QuantityQualifier.Nearly),
                EventPeriod = EventPeriod.Create(PartialDate.Day(2024, 10, 8), PartialDate.Day(2024, 10, 13)),
            },
            Make.Now
        );

        claim.MeasureId.Should().Be(measure.Id);
        claim.Quantity!.ImpliedInterval.Should().Be(new ImpliedInterval(1350, 1500));
        claim.Status.Should().Be(ClaimStatus.Draft);
        claim.RecordedAt.Should().Be(Make.Now);
    }

    [Fact]
    public void FigureOnAnotherPropositionsMeasureIsRefused()
    {
        var other = Make.Proposition("North Korea supplies Russia with artillery shells");
        var shells = other.AddMeasure("Shells", "shells");

        var act = () =>
            Claim.Create(Make.NewClaim() with { Measure = shells, Quantity = Quantity.Exactly(10) }, Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Measure");
    }

    [Fact]
    public void FigureWithoutMeasureAndMeasureWithoutFigureAreRefused()
    {
        var proposition = Make.Proposition();
        var measure = proposition.AddMeasure("Soldiers", "soldiers");

        var noMeasure = () =>
            Claim.Create(Make.NewClaim(proposition) with { Quantity = Quantity.Exactly(10) }, Make.Now);
        var noFigure = () => Claim.Create(Make.NewClaim(proposition) with { Measure = measure }, Make.Now);

        noMeasure.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Measure");
        noFigure.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Quantity");
    }

    [Fact]
    public void SpeakerCannotSpeakOnBehalfOfThemselves()
    {
        var peskov = Make.Actor("Dmitry Peskov", Domain.Actors.ActorKind.Person);

        var act = () => Claim.Create(Make.NewClaim(actor: peskov) with { OnBehalfOf = peskov }, Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("OnBehalfOfId");
    }

    [Fact]
    public void ClaimCannotBeStatedInTheFuture()
    {
        var act = () =>
            Claim.Create(Make.NewClaim() with { }, new DateTimeOffset(2024, 10, 17, 0, 0, 0, TimeSpan.Zero));

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("StatedOn");
    }

    [Fact]
    public void NewClaimCannotStartRetracted()
    {
        var act = () => Claim.Create(Make.NewClaim() with { Status = ClaimStatus.Retracted }, Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Status");
    }

    [Fact]
    public void SummaryIsRequired()
    {
        var act = () => Claim.Create(Make.NewClaim() with { Summary = "  " }, Make.Now);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Summary");
    }

    [Fact]
    public void CitationChainRunsFromOneOriginThroughReports()
    {
        var claim = Make.Claim();
        var interview = Make.Source("The War Zone interview");
        var article = Make.Source("Seed article");

        var origin = claim.Cite(interview, CitationRole.Origin, locator: "para. 3");
        var republication = claim.Cite(
            article,
            CitationRole.Republication,
            "nearly 11,000",
            "para. 12",
            derivedFrom: origin
        );

        claim.Citations.Should().HaveCount(2);
        republication.DerivedFromId.Should().Be(origin.Id);
        republication.ClaimId.Should().Be(claim.Id);
    }

    [Fact]
    public void ClaimHasOneOrigin()
    {
        var claim = Make.Claim();
        claim.Cite(Make.Source("A"), CitationRole.Origin);

        var act = () => claim.Cite(Make.Source("B"), CitationRole.Origin);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Citation.Role");
    }

    [Fact]
    public void SourceIsCitedOncePerClaim()
    {
        var claim = Make.Claim();
        var source = Make.Source();
        claim.Cite(source, CitationRole.FirstReport);

        var act = () => claim.Cite(source, CitationRole.Republication);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Citation.SourceId");
    }

    [Fact]
    public void CitationDerivesOnlyFromACitationOfTheSameClaim()
    {
        var first = Make.Claim();
        var foreign = first.Cite(Make.Source("A"), CitationRole.Origin);
        var second = Make.Claim();

        var act = () => second.Cite(Make.Source("B"), CitationRole.Republication, derivedFrom: foreign);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Citation.DerivedFromId");
    }

    [Fact]
    public void OriginDerivesFromNothing()
    {
        var claim = Make.Claim();
        var report = claim.Cite(Make.Source("A"), CitationRole.FirstReport);

        var act = () => claim.Cite(Make.Source("B"), CitationRole.Origin, derivedFrom: report);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("Citation.DerivedFromId");
    }

    [Fact]
    public void PlacesAreListedOnce()
    {
        var claim = Make.Claim();
        var vladivostok = Domain.Places.Place.Create("Vladivostok", "RU", 43.1155, 131.8855);

        claim.AddPlace(vladivostok);
        claim.AddPlace(vladivostok);

        claim.Places.Should().ContainSingle();
    }
}
