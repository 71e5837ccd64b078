using System.Text;
using System.Text.Json;
using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Components.Shared;

namespace ConflictTracker.Web.Tests.Editing;

/// <summary>What a text field may hold fits in one message of the Blazor connection.</summary>
public class TextLimitsTests
{
    [Fact]
    public void TheLongestLimitIsFoundAmongAllLimits() => TextLimits.Longest.Should().Be(MaxLengths.Quote);

    [Theory]
    [InlineData('가')]
    [InlineData('\u0001')]
    [InlineData('"')]
    public void AFieldFilledToItsTypingCapFitsInOneMessage(char character)
    {
        var value = new string(character, TextLimits.TypingCap(TextLimits.Longest));
        // What the browser sends carries the value as JSON (escaped at worst as \uXXXX), in a message of its own.
        var onTheWire = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(value));

        onTheWire
            .Should()
            .BeLessThanOrEqualTo(
                (int)TextLimits.LargestFieldMessage - (4 * 1024),
                "the rest of the message (which event, which element) needs room too"
            );
    }

    [Fact]
    public void TheMessageSaysTheLimitAndTheLength() =>
        TextLimits
            .TooLong("Quote", MaxLengths.Quote, 10_412)
            .Should()
            .Be("Quote must be at most 10,000 characters (it has 10,412).");

    [Theory]
    [InlineData(null, 0)]
    [InlineData("  김용현\n", 3)]
    public void LengthIsCountedAsTheRulesCountIt(string? text, int length) =>
        TextLimits.LengthOf(text).Should().Be(length);
}
