using ConflictTracker.Evidence.Storage;

namespace ConflictTracker.Evidence.Tests;

public class EvidenceKeysTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void AnOriginalsKeyNamesItsHashAndReadsBack()
    {
        var key = EvidenceKeys.Original(Hash);

        key.Should().Be($"sha256/9f/86/{Hash}");
        EvidenceKeys.Sha256Of(key).Should().Be(Hash);
        EvidenceKeys.Sha256Of(EvidenceKeys.Preview(Hash, 0)).Should().BeNull();
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")]
    [InlineData("")]
    public void AnythingButALowerCaseSha256IsRefused(string value)
    {
        var make = () => EvidenceKeys.Original(value);

        make.Should().Throw<ArgumentException>();
    }
}
