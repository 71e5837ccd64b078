using ConflictTracker.Intake.Eval;

namespace ConflictTracker.Intake.Tests;

/// <summary>
/// A floor under the extractor's quality: the whole development gold set (tests/intake-gold, against the demo
/// data) scored as scripts/eval-intake.sh scores it. The held-out articles are not looked at here.
/// </summary>
public sealed class GoldSetQualityTests
{
    [Fact]
    public void TheGoldSetScoresAtLeastTheFloor()
    {
        var root = GoldSet.FindRoot();
        var (gazetteer, keys) = GoldSet.DemoGazetteer(root);
        var extractor = new AttributionExtractor(gazetteer);
        var articles = GoldSet.Articles(root);
        var total = new Score();
        foreach (var article in articles)
        {
            total.Add(Evaluation.Article(article, extractor, keys, gazetteer));
        }

        articles.Should().HaveCountGreaterThanOrEqualTo(9);
        total.Gold.Should().BeGreaterThan(100);
        total.F1.Should().BeGreaterThanOrEqualTo(0.85);
        total.Precision.Should().BeGreaterThanOrEqualTo(0.85);
        total.Recall.Should().BeGreaterThanOrEqualTo(0.85);
    }

    [Fact]
    public void TheRepositoryRootIsFoundFromTheTestsOwnFolder()
    {
        var root = GoldSet.FindRoot();

        File.Exists(Path.Combine(root, "ConflictTracker.sln")).Should().BeTrue();
        Directory.GetFiles(GoldSet.Folder(root), "*.json").Should().NotBeEmpty();
    }
}
