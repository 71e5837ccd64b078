using ConflictTracker.Evidence.Storage;

namespace ConflictTracker.Evidence.Tests.Storage;

public class EvidenceKeyShapeTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void TheKeysEvidenceKeysMakesAreKeys()
    {
        EvidenceKeys.IsKey(EvidenceKeys.Original(Hash)).Should().BeTrue();
        EvidenceKeys.IsKey(EvidenceKeys.Preview(Hash, 0)).Should().BeTrue();
        EvidenceKeys.IsKey(EvidenceKeys.Preview(Hash, 17)).Should().BeTrue();
    }

    [Theory]
    [InlineData("previews/" + Hash + "/-1.jpg")]
    [InlineData("previews/" + Hash + "/01.jpg")]
    [InlineData("previews/" + Hash + "/0.png")]
    [InlineData("sha256/9f/87/" + Hash)]
    [InlineData("./sha256/9f/86/" + Hash)]
    [InlineData("sha256//9f/86/" + Hash)]
    [InlineData(null)]
    public void OtherShapesAreNot(string? key) => EvidenceKeys.IsKey(key).Should().BeFalse();

    [Theory]
    [InlineData("", true)]
    [InlineData("sha256/", true)]
    [InlineData("sha256/9f/", true)]
    [InlineData("previews/" + Hash + "/", true)]
    [InlineData("sha256", false)]
    [InlineData("../", false)]
    [InlineData("sha256/../", false)]
    [InlineData("/sha256/", false)]
    [InlineData("sha256/\n", false)]
    public void PrefixesAreFolderNamesEndingInASlash(string prefix, bool valid) =>
        EvidenceKeys.IsPrefix(prefix).Should().Be(valid);
}
