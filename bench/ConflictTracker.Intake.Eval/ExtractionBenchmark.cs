using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake.Eval;

/// <summary>Drafts for a 2,000-word article (the gold set's articles joined until 2,000 words), against the demo
/// gazetteer.</summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class ExtractionBenchmark
{
    /// <summary>The 95th percentile beside the mean: the budget is for every article, not the average one.</summary>
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95);
    }

    private AttributionExtractor extractor = null!;
    private string article = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var root = GoldSet.FindRoot();
        extractor = new AttributionExtractor(GoldSet.DemoGazetteer(root).Gazetteer);
        var builder = new StringBuilder();
        foreach (var a in GoldSet.Articles(root))
        {
            builder.Append(a.Text).Append("\n\n");
        }

        var words = 0;
        var text = builder.ToString();
        var end = 0;
        for (var i = 0; i < text.Length && words < 2000; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                words++;
            }

            end = i;
        }

        var stop = text.IndexOf("\n\n", end, StringComparison.Ordinal);
        article = text[..(stop < 0 ? text.Length : stop)];
    }

    [Benchmark]
    public int DraftsFor2000Words() =>
        extractor.Extract(article, new ArticleFacts(PartialDate.Month(2024, 10), null, null)).Count;
}
