namespace ConflictTracker.Intake.Tests;

public sealed class PropositionRankerTests
{
    private static readonly KnownProposition Deployed = new(
        Guid.NewGuid(),
        "Foreign troops are deployed to the front",
        null,
        [new KnownMeasure(Guid.NewGuid(), "Foreign soldiers at the front", "soldiers")]
    );
    private static readonly KnownProposition Supplied = new(
        Guid.NewGuid(),
        "Russia is supplied with artillery shells from abroad",
        null,
        []
    );
    private static readonly PropositionRanker Ranker = new([Deployed, Supplied]);

    [Fact]
    public void WordsReportersUseForOneThingMatch()
    {
        // "personnel" and "sent" are the proposition's "troops" and "deployed"; "ammunition" and "shipped" its "shells"
        // and "supplied".
        Ranker.Rank("More personnel were sent to the front line last week", null)[0].Id.Should().Be(Deployed.Id);
        Ranker.Rank("Pyongyang shipped ammunition to Moscow by rail", null)[0].Id.Should().Be(Supplied.Id);
    }

    [Fact]
    public void AFiguresNounPointsToTheMeasureThatCountsIt()
    {
        var figure = FigureReader.Read("nearly 1,500 soldiers were sent to the front").First();

        var guess = Ranker.Rank("nearly 1,500 soldiers were sent to the front", figure)[0];

        guess.Id.Should().Be(Deployed.Id);
        guess.MeasureId.Should().Be(Deployed.Measures[0].Id);
    }

    [Fact]
    public void OneSharedWordIsACoincidence()
    {
        Ranker.Rank("The talks will resume at the front of the queue", null).Should().BeEmpty();
    }

    [Fact]
    public void AStatementWithNoWordsOfItsOwnIsRankedOnItsContext()
    {
        Ranker.Rank("This is yet another piece of disinformation", null).Should().BeEmpty();
        Ranker
            .Rank(
                "This is yet another piece of disinformation",
                null,
                "Kyiv said foreign troops had been deployed to the front.",
                null
            )[0]
            .Id.Should()
            .Be(Deployed.Id);
    }

    [Theory]
    [InlineData("deployments", "deploy")]
    [InlineData("deployed", "deploy")]
    [InlineData("supplies", "supply")]
    [InlineData("ferried", "ferry")]
    [InlineData("soldiers", "soldier")]
    [InlineData("shipped", "ship")]
    [InlineData("losses", "loss")]
    public void TheStemFoldsEndings(string word, string stem)
    {
        PropositionRanker.Stem(word).Should().Be(stem);
    }
}
