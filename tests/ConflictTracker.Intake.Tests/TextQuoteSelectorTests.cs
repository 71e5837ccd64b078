namespace ConflictTracker.Intake.Tests;

public sealed class TextQuoteSelectorTests
{
    private const string Text =
        "The ministry said on Tuesday that nearly 1,500 North Korean soldiers had been ferried to Vladivostok by Russia's navy.";

    [Fact]
    public void ForTakesTheExactWordsWithUpToThirtyTwoCharactersEitherSide()
    {
        var start = Text.IndexOf("nearly", StringComparison.Ordinal);
        var end = start + "nearly 1,500 North Korean soldiers".Length;

        var selector = TextQuoteSelector.For(Text, start, end);

        selector.Exact.Should().Be("nearly 1,500 North Korean soldiers");
        selector.Prefix.Should().Be(Text[(start - 32)..start]).And.HaveLength(TextQuoteSelector.ContextLength);
        selector.Suffix.Should().Be(Text[end..(end + 32)]);
        (selector.Start, selector.End).Should().Be((start, end));
    }

    [Fact]
    public void ContextStopsAtTheEdgesOfTheText()
    {
        var selector = TextQuoteSelector.For(Text, 0, 3);

        selector.Exact.Should().Be("The");
        selector.Prefix.Should().BeEmpty();
        selector.Suffix.Should().Be(Text[3..35]);

        var last = TextQuoteSelector.For(Text, Text.Length - 6, Text.Length);
        last.Suffix.Should().BeEmpty();
    }

    [Fact]
    public void FitsOnlyWhileTheOffsetsStillPointAtTheExactWords()
    {
        var start = Text.IndexOf("Vladivostok", StringComparison.Ordinal);
        var selector = TextQuoteSelector.For(Text, start, start + "Vladivostok".Length);

        selector.Fits(Text).Should().BeTrue();
        selector.Fits("Breaking: " + Text).Should().BeFalse();
        selector.Fits(Text[..(start + 3)]).Should().BeFalse();
    }

    [Fact]
    public void OffsetsOutsideTheTextAreRefused()
    {
        var act = () => TextQuoteSelector.For(Text, 5, Text.Length + 1);
        var backwards = () => TextQuoteSelector.For(Text, 10, 5);
        var negative = () => TextQuoteSelector.For(Text, -1, 5);

        act.Should().Throw<ArgumentOutOfRangeException>();
        backwards.Should().Throw<ArgumentOutOfRangeException>();
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }
}
