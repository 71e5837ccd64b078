using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake.Tests;

/// <summary>
/// The extractor's rules, one phenomenon per test, on small invented sentences and a small invented gazetteer (not
/// the demo data): who speaks, what is said, and the stance, figure, date and role the draft carries.
/// </summary>
public sealed class ExtractorTests
{
    private static readonly Guid Ministry = Guid.NewGuid();
    private static readonly Guid Kremlin = Guid.NewGuid();
    private static readonly Guid Intelligence = Guid.NewGuid();
    private static readonly Guid Marchuk = Guid.NewGuid();
    private static readonly Guid Orlov = Guid.NewGuid();
    private static readonly Guid Horak = Guid.NewGuid();
    private static readonly Guid Courier = Guid.NewGuid();
    private static readonly Guid Deployed = Guid.NewGuid();
    private static readonly Guid Supplied = Guid.NewGuid();

    // Wednesday 23 October 2024.
    private static readonly ArticleFacts Facts = new(PartialDate.Day(2024, 10, 23), "Daily Courier", null);

    private static readonly AttributionExtractor Extractor = new(
        new Gazetteer(
            [
                new KnownActor(Ministry, "Ministry of Defence of Ukraine", ActorKind.GovernmentBody, "UA", []),
                new KnownActor(Kremlin, "Kremlin", ActorKind.GovernmentBody, "RU", []),
                new KnownActor(
                    Intelligence,
                    "Military Intelligence of Ukraine",
                    ActorKind.IntelligenceService,
                    "UA",
                    []
                ),
                new KnownActor(Guid.NewGuid(), "Government of Ukraine", ActorKind.GovernmentBody, "UA", []),
                new KnownActor(Guid.NewGuid(), "Government of Poland", ActorKind.GovernmentBody, "PL", []),
                new KnownActor(Marchuk, "Olena Marchuk", ActorKind.Person, "UA", []),
                new KnownActor(Orlov, "Dmitri Orlov", ActorKind.Person, "RU", []),
                new KnownActor(Horak, "Ivan Horak", ActorKind.Person, "UA", []),
                new KnownActor(Courier, "Daily Courier", ActorKind.MediaOutlet, "GB", []),
            ],
            [
                new KnownAffiliation(Marchuk, Ministry, "Spokesperson of the Ministry", true, null, null),
                new KnownAffiliation(Orlov, Kremlin, "Press Secretary of the President", true, null, null),
                new KnownAffiliation(Horak, Intelligence, "Chief of Military Intelligence", true, null, null),
            ],
            [new KnownPlace(Guid.NewGuid(), "Kupiansk", "UA")],
            [
                new KnownProposition(
                    Deployed,
                    "Foreign troops are deployed to the front near Kupiansk",
                    null,
                    [new KnownMeasure(Guid.NewGuid(), "Foreign soldiers at the front", "soldiers")]
                ),
                new KnownProposition(Supplied, "Russia is supplied with shells and missiles from abroad", null, []),
            ]
        )
    );

    private static IReadOnlyList<DraftStatement> Drafts(string text) =>
        Extractor.Extract(ArticleText.Normalise(text), Facts);

    [Fact]
    public void ADirectQuoteWithItsSpeakerAfterIt()
    {
        var draft = Drafts("“We will hold the line at Kupiansk,” said Olena Marchuk.").Single();

        draft.Speaker.ActorId.Should().Be(Marchuk);
        draft.Speaker.Link.Should().Be(SpeakerLinkKind.Name);
        draft.Content.Exact.Should().Be("We will hold the line at Kupiansk");
        draft.Quote!.Exact.Should().Be("We will hold the line at Kupiansk");
        draft.Stance.Should().Be(Stance.Affirms);
        draft.OnBehalfOfId.Should().Be(Ministry);
    }

    [Fact]
    public void AnIndirectStatementAfterSaidThat()
    {
        var draft = Drafts("The Kremlin said on Tuesday that the convoy had crossed the border.").Single();

        draft.Speaker.ActorId.Should().Be(Kremlin);
        draft.Content.Exact.Should().Be("the convoy had crossed the border");
        draft.Quote.Should().BeNull();
        draft.StatedOn!.ToIsoString().Should().Be("2024-10-22");
        draft.CitationRole.Should().Be(CitationRole.FirstReport);
    }

    [Fact]
    public void AccordingToNamesTheSpeakerBeforeTheContent()
    {
        var draft = Drafts("According to the Ministry of Defence of Ukraine, the convoy had crossed the border.")
            .Single();

        draft.Speaker.ActorId.Should().Be(Ministry);
        draft.Content.Exact.Should().Be("the convoy had crossed the border");
    }

    [Fact]
    public void HeIsTheLastPersonNamed()
    {
        var drafts = Drafts(
            "Ivan Horak said the convoy had crossed the border. He added that more trucks were on their way."
        );

        drafts.Should().HaveCount(2);
        drafts[1].Speaker.ActorId.Should().Be(Horak);
        drafts[1].Speaker.Link.Should().Be(SpeakerLinkKind.Pronoun);
        drafts[1].Content.Exact.Should().Be("more trucks were on their way");
    }

    [Fact]
    public void ATitleNamesTheOneWhoHoldsIt()
    {
        var spokesman = Drafts("The Kremlin's spokesman said the convoy carried only food.").Single();
        var chief = Drafts("Ukraine's military intelligence chief said the convoy carried shells.").Single();

        spokesman.Speaker.ActorId.Should().Be(Orlov);
        spokesman.Speaker.Link.Should().Be(SpeakerLinkKind.Title);
        chief.Speaker.ActorId.Should().Be(Horak);
        chief.Speaker.Link.Should().Be(SpeakerLinkKind.Title);
    }

    [Fact]
    public void ADenialDeniesWhatFollows()
    {
        var draft = Drafts("Dmitri Orlov denied that Russian soldiers were in the town.").Single();

        draft.Stance.Should().Be(Stance.Denies);
        draft.Content.Exact.Should().Be("Russian soldiers were in the town");
    }

    [Fact]
    public void CouldNotConfirmIsAHedge()
    {
        var draft = Drafts(
                "Ukraine's defence ministry said it could not confirm reports that the bridge had been destroyed."
            )
            .Single();

        draft.Speaker.ActorId.Should().Be(Ministry);
        draft.Stance.Should().Be(Stance.Hedges);
    }

    [Fact]
    public void MayAsTheMainVerbIsAHedgeButAModalBoundingAFigureIsNot()
    {
        Drafts("Olena Marchuk said Russia may send more troops.").Single().Stance.Should().Be(Stance.Hedges);
        Drafts("Olena Marchuk said the trucks could hold as many as 2,000 shells.")
            .Single()
            .Stance.Should()
            .Be(Stance.Affirms);
    }

    [Fact]
    public void TheFirstCountOfTheStatementIsItsFigureAndPointsToTheMeasure()
    {
        var draft = Drafts(
                "The Ministry of Defence of Ukraine said nearly 1,500 foreign soldiers had been deployed to the front near Kupiansk."
            )
            .Single();

        draft.Figure!.Min.Should().Be(1500m);
        draft.Figure.Qualifier.Should().Be(QuantityQualifier.Nearly);
        draft.Propositions.Should().NotBeEmpty();
        draft.Propositions[0].Id.Should().Be(Deployed);
        draft.Propositions[0].MeasureId.Should().NotBeNull();
        draft.PlaceIds.Should().ContainSingle();
    }

    [Fact]
    public void TwoSpeakersOfOneStatementAreTwoDrafts()
    {
        var drafts = Drafts("Kyiv and Warsaw said the convoy had crossed the border.");

        drafts.Select(d => d.Speaker.Name).Should().BeEquivalentTo(["Government of Ukraine", "Government of Poland"]);
        drafts
            .Should()
            .OnlyContain(d =>
                d.Content.Exact == "the convoy had crossed the border" && d.Speaker.Link == SpeakerLinkKind.Country
            );
    }

    [Theory]
    [InlineData("Analysts said the convoy had crossed the border.")]
    [InlineData("Polish analysts said the convoy had crossed the border.")]
    [InlineData("Ukrainian soldiers say the shells arrive by the thousands.")]
    [InlineData("Officials said the talks would resume next week.")]
    [InlineData("Many believe the war will go on for years.")]
    public void AVagueSourceIsNobody(string text)
    {
        Drafts(text).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Moscow denies these claims.")]
    [InlineData("The Kremlin has repeatedly dismissed the reports.")]
    [InlineData("The Kremlin has not confirmed the deployment.")]
    public void ContentThatOnlyPointsBackOrANegatedVerbStatesNothing(string text)
    {
        Drafts(text).Should().BeEmpty();
    }

    [Fact]
    public void DenyingTheseClaimsAddsNothingToTheClaimBeforeIt()
    {
        var draft = Drafts("While Kyiv insists the drones came from Iran, Moscow denies these claims.").Single();

        draft.Speaker.Name.Should().Be("Government of Ukraine");
        draft.Content.Exact.Should().Be("the drones came from Iran");
    }

    [Fact]
    public void TheContentBeforeTheSpeakerAndNeverTheDateline()
    {
        var draft = Drafts(
                "KYIV, Ukraine (AP) — The convoy had crossed the border near Kupiansk, the ministry's spokesperson, Olena Marchuk, said Tuesday, as shelling went on."
            )
            .Single();

        draft.Speaker.ActorId.Should().Be(Marchuk);
        draft.Content.Exact.Should().Be("The convoy had crossed the border near Kupiansk");
        draft.StatedOn!.ToIsoString().Should().Be("2024-10-22");
    }

    [Fact]
    public void AQuotationInterruptedByItsSpeakerIsOneStatement()
    {
        var draft = Drafts("“The convoy crossed at dawn,” Olena Marchuk said. “It carried shells, not food.”").Single();

        draft
            .Content.Exact.Should()
            .Be("The convoy crossed at dawn,” Olena Marchuk said. “It carried shells, not food.");
    }

    [Fact]
    public void AQuotationLeftOpenAtAParagraphsEndGoesOnInTheNextAndItsCloserSpeaks()
    {
        var drafts = Drafts(
            "Olena Marchuk said the convoy was a decoy.\n\n“It was never meant to cross.\n\n“The real attack came from the north,” she said."
        );

        drafts.Should().HaveCount(2);
        drafts[0].Content.Exact.Should().Be("the convoy was a decoy");
        drafts[1].Content.Exact.Should().Be("It was never meant to cross.\n\n“The real attack came from the north");
        drafts[1].Speaker.ActorId.Should().Be(Marchuk);
    }

    [Fact]
    public void AShortQuotationOpeningWithItStillSaysSomething()
    {
        var drafts = Drafts("Ivan Horak said the bridge was intact. “It will hold,” he added.");

        drafts.Should().HaveCount(2);
        drafts[1].Content.Exact.Should().Be("It will hold");
    }

    [Fact]
    public void ARelativeClauseAfterTheNameDescribesTheSpeaker()
    {
        var draft = Drafts(
                "Ivan Horak, who was the ministry's spokesman until September, told the Daily Courier in March that the convoy had crossed the border."
            )
            .Single();

        draft.Speaker.ActorId.Should().Be(Horak);
        draft.StatedOn!.ToIsoString().Should().Be("2024-03");
    }

    [Fact]
    public void ToldTheArticlesOwnOutletIsAFirstReportAndAnotherOutletARepublication()
    {
        var own = Drafts("Olena Marchuk told the Daily Courier that the convoy had crossed the border.").Single();
        var other = Drafts("Olena Marchuk told Radio Liberty that the convoy had crossed the border.").Single();
        var statement = Drafts("The Kremlin said in a statement that the convoy carried food.").Single();

        own.CitationRole.Should().Be(CitationRole.FirstReport);
        other.CitationRole.Should().Be(CitationRole.Republication);
        other.CreditedTo.Should().Be("Radio Liberty");
        statement.CitationRole.Should().Be(CitationRole.Republication);
    }

    [Fact]
    public void AStatementThatGoesOnTakesTheDateAndRoleOfTheOneBefore()
    {
        var drafts = Drafts(
            "Olena Marchuk told parliament on Monday that the convoy had crossed the border. She said more trucks were coming."
        );

        drafts.Should().HaveCount(2);
        drafts[1].Speaker.ActorId.Should().Be(Marchuk);
        drafts[1].StatedOn!.ToIsoString().Should().Be("2024-10-21");
        drafts[1].CitationRole.Should().Be(CitationRole.Republication);
    }

    [Fact]
    public void QuotedByAnOutletAsSayingCreditsTheOutlet()
    {
        var draft = Drafts("Olena Marchuk was quoted by the Interfax news agency as saying that the bridge was intact.")
            .Single();

        draft.Speaker.ActorId.Should().Be(Marchuk);
        draft.Content.Exact.Should().Be("the bridge was intact");
        draft.CitationRole.Should().Be(CitationRole.Republication);
        draft.CreditedTo.Should().Contain("Interfax");
    }

    [Fact]
    public void AHeadlineAndAnImpersonalItAreNotStatements()
    {
        var drafts = Drafts(
            "Kyiv says convoy crossed the border\n\nIt was reported that the convoy had crossed the border. Olena Marchuk said the convoy had crossed the border."
        );

        drafts.Should().ContainSingle().Which.Speaker.ActorId.Should().Be(Marchuk);
    }

    [Fact]
    public void AnUnknownNameIsProposedAsANewActor()
    {
        var draft = Drafts("Petro Danyliuk, a military analyst in Kyiv, said the convoy was a decoy.").Single();

        draft.Speaker.ActorId.Should().BeNull();
        draft.Speaker.Link.Should().Be(SpeakerLinkKind.New);
        draft.Speaker.Name.Should().Be("Petro Danyliuk");
        draft.Speaker.Kind.Should().Be(ActorKind.Person);
    }
}
