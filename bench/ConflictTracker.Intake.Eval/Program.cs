using System.Globalization;
using BenchmarkDotNet.Running;
using ConflictTracker.Intake;
using ConflictTracker.Intake.Eval;

// scripts/eval-intake.sh [--verbose] [--set dev|heldout|all]: scores the extractor on tests/intake-gold
// (the dev set, tuned on) or on a folder under it (heldout: never tuned on; look at it rarely).
// scripts/bench.sh intake: the BenchmarkDotNet timing of drafts for a 2,000-word article.
if (args.Contains("--bench"))
{
    BenchmarkRunner.Run<ExtractionBenchmark>(args: args.Where(a => a != "--bench").ToArray());
    return 0;
}

if (args.Contains("--time"))
{
    // A quick look at speed between benchmark runs: the benchmark's 2,000-word article, 100 times.
    var bench = new ExtractionBenchmark();
    bench.Setup();
    bench.DraftsFor2000Words();
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < 100; i++)
    {
        bench.DraftsFor2000Words();
    }

    Console.WriteLine(
        string.Create(
            CultureInfo.InvariantCulture,
            $"{watch.Elapsed.TotalMilliseconds / 100:0.0} ms per 2,000-word article"
        )
    );
    return 0;
}

var verbose = args.Contains("--verbose");
var sets = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--set" && i + 1 < args.Length)
    {
        sets.AddRange(args[++i] == "all" ? ["dev", "heldout"] : [args[i]]);
    }
}

if (sets.Count == 0)
{
    sets.Add("dev");
}

var root = GoldSet.FindRoot();
var (gazetteer, keys) = GoldSet.DemoGazetteer(root);
var extractor = new AttributionExtractor(gazetteer);
var inv = CultureInfo.InvariantCulture;
var draftsAt = Array.IndexOf(args, "--drafts");
if (draftsAt >= 0 && draftsAt + 1 < args.Length)
{
    // --drafts <article name prefix>: every draft of one dev article, for looking into an error.
    // --drafts <file.txt> [yyyy-mm-dd]: the same for any text file.
    var article = File.Exists(args[draftsAt + 1])
        ? new GoldArticle("-", null, draftsAt + 2 < args.Length ? args[draftsAt + 2] : null, [])
        {
            Text = ArticleText.Normalise(File.ReadAllText(args[draftsAt + 1])),
        }
        : GoldSet.Articles(root).First(a => a.Name.StartsWith(args[draftsAt + 1], StringComparison.Ordinal));
    var published = article.Published is null
        ? null
        : ConflictTracker.Domain.Claims.PartialDate.Parse(article.Published, "published");
    foreach (var d in extractor.Extract(article.Text, new ArticleFacts(published, article.Publisher, null)))
    {
        Console.WriteLine(
            string.Create(
                inv,
                $"#{d.Number} s{d.Sentence} {d.Speaker.Name} [{d.Speaker.Link} \"{d.Speaker.Mention}\"] {d.Stance}/{d.Cue} {d.StatedOn?.ToIsoString()} {d.CitationRole} credit={d.CreditedTo} fig={d.Figure?.Qualifier} {d.Figure?.Min} props=[{string.Join(",", d.Propositions.Select(p => keys.GetValueOrDefault(p.Id) + ":" + p.Score.ToString("0.00", inv)))}]"
            )
        );
        Console.WriteLine($"    {d.Content.Exact.Replace('\n', ' ')}");
    }

    return 0;
}

foreach (var set in sets)
{
    Console.WriteLine(
        $"{(set == "dev" ? "article" : $"article ({set})"), -28} {"gold", 5} {"found", 5} {"P", 6} {"R", 6} {"F1", 6} {"stance", 7} {"figure", 7} {"date", 7} {"prop@3", 7} {"role", 7}"
    );
    var total = new Score();
    foreach (var article in GoldSet.Articles(root, set))
    {
        var score = Evaluation.Article(article, extractor, keys, gazetteer);
        total.Add(score);
        Print(article.Name, score);
        if (verbose)
        {
            foreach (var note in score.Notes)
            {
                Console.WriteLine(note);
            }
        }
    }

    Print(set == "dev" ? "overall" : $"overall ({set})", total);
    Console.WriteLine();
}

return 0;

void Print(string name, Score s) =>
    Console.WriteLine(
        string.Create(
            inv,
            $"{name, -28} {s.Gold, 5} {s.Predicted, 5} {s.Precision, 6:0.00} {s.Recall, 6:0.00} {s.F1, 6:0.00} {Score.Ratio(s.StanceRight, s.Matched), 7:P0} {Score.Ratio(s.FigureRight, s.Matched), 7:P0} {Score.Ratio(s.DateRight, s.Matched), 7:P0} {Score.Ratio(s.PropositionRight, s.PropositionScored), 7:P0} {Score.Ratio(s.RoleRight, s.Matched), 7:P0}"
        )
    );
