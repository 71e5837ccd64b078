using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake.Eval;

/// <summary>Counts for one article or for the whole set.</summary>
public sealed class Score
{
    public int Gold { get; set; }

    public int Predicted { get; set; }

    public int Matched { get; set; }

    public int StanceRight { get; set; }

    public int FigureRight { get; set; }

    public int DateRight { get; set; }

    public int PropositionScored { get; set; }

    public int PropositionRight { get; set; }

    public int RoleRight { get; set; }

    public List<string> Notes { get; } = [];

    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static double Ratio(int right, int of) => of == 0 ? 1 : (double)right / of;

    public void Add(Score other)
    {
        Gold += other.Gold;
        Predicted += other.Predicted;
        Matched += other.Matched;
        StanceRight += other.StanceRight;
        FigureRight += other.FigureRight;
        DateRight += other.DateRight;
        PropositionScored += other.PropositionScored;
        PropositionRight += other.PropositionRight;
        RoleRight += other.RoleRight;
    }
}

/// <summary>
/// Scores the extractor against the gold set. A draft matches a gold attribution when its speaker is
/// the same actor (same name after normalising; "@publisher" is the article's own outlet) and its
/// content covers at least half of the gold span's words; each gold attribution matches at most one
/// draft (the one covering most). Stance, figure (min, max and qualifier all equal), statement date
/// (same date and precision), proposition (the gold one among the top three; only attributions with
/// a gold proposition count) and citation role are scored over the matched pairs.
/// </summary>
public static class Evaluation
{
    public static Score Article(
        GoldArticle article,
        AttributionExtractor extractor,
        IReadOnlyDictionary<Guid, string> propositionKeys,
        Gazetteer? known = null
    )
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(extractor);
        var published = article.Published is null ? null : PartialDate.Parse(article.Published, "published");
        var drafts = extractor.Extract(article.Text, new ArticleFacts(published, article.Publisher, null));
        var score = new Score { Gold = article.Attributions.Count, Predicted = drafts.Count };
        var used = new HashSet<DraftStatement>();
        foreach (var gold in article.Attributions)
        {
            var location = QuoteMatcher.Locate(article.Text, gold.Span);
            if (!location.Found)
            {
                score.Notes.Add($"  ! gold span not in text: {gold.Span}");
                continue;
            }

            var goldWords = Word.Split(article.Text, location.Start, location.End);
            var best = drafts
                .Where(d => !used.Contains(d) && SameSpeaker(gold.Speaker, d, article.Publisher, known))
                .Select(d =>
                    (Draft: d, Covered: goldWords.Count(w => w.Start >= d.Content.Start && w.End <= d.Content.End))
                )
                .Where(x => x.Covered * 2 >= goldWords.Count && x.Covered > 0)
                .OrderByDescending(x => x.Covered)
                .FirstOrDefault();
            if (best.Draft is null)
            {
                var near = drafts
                    .Where(d => !used.Contains(d))
                    .Select(d => (d, goldWords.Count(w => w.Start >= d.Content.Start && w.End <= d.Content.End)))
                    .OrderByDescending(x => x.Item2)
                    .FirstOrDefault();
                score.Notes.Add(
                    $"  - missed: {gold.Speaker}: {Short(gold.Span)}"
                        + (
                            near.d is null || near.Item2 == 0
                                ? string.Empty
                                : $"  [nearest draft: {near.d.Speaker.Name} ({near.d.Speaker.Link}): {Short(near.d.Content.Exact)}]"
                        )
                );
                continue;
            }

            var draft = best.Draft;
            used.Add(draft);
            score.Matched++;
            Check(
                score,
                draft.Stance == gold.Stance,
                $"stance {draft.Stance} (cue {draft.Cue}) for {gold.Stance}",
                draft
            );
            Check(
                score,
                FigureEquals(gold.Figure, draft.Figure),
                $"figure {Show(draft.Figure)} for {Show(gold.Figure)}",
                draft,
                figure: true
            );
            Check(
                score,
                (draft.StatedOn?.ToIsoString() ?? "null")
                    == (gold.StatedOn is null ? "null" : PartialDate.Parse(gold.StatedOn, "statedOn").ToIsoString()),
                $"stated {draft.StatedOn?.ToIsoString()} for {gold.StatedOn}",
                draft,
                date: true
            );
            if (gold.Proposition is not null)
            {
                score.PropositionScored++;
                var right = draft.Propositions.Any(p => propositionKeys.GetValueOrDefault(p.Id) == gold.Proposition);
                if (right)
                {
                    score.PropositionRight++;
                }
                else
                {
                    score.Notes.Add(
                        $"  ~ proposition [{string.Join(", ", draft.Propositions.Select(p => propositionKeys.GetValueOrDefault(p.Id)))}] for {gold.Proposition}: {Short(draft.Content.Exact)}"
                    );
                }
            }

            if (draft.CitationRole == gold.CitationRole)
            {
                score.RoleRight++;
            }
            else
            {
                score.Notes.Add($"  ~ role {draft.CitationRole} for {gold.CitationRole}: {Short(draft.Content.Exact)}");
            }
        }

        foreach (var extra in drafts.Where(d => !used.Contains(d)))
        {
            score.Notes.Add(
                $"  + extra: {extra.Speaker.Name} ({extra.Speaker.Link}, \"{extra.Speaker.Mention}\"): {Short(extra.Content.Exact)}"
            );
        }

        return score;
    }

    private static void Check(
        Score score,
        bool right,
        string note,
        DraftStatement draft,
        bool figure = false,
        bool date = false
    )
    {
        if (right)
        {
            if (figure)
            {
                score.FigureRight++;
            }
            else if (date)
            {
                score.DateRight++;
            }
            else
            {
                score.StanceRight++;
            }

            return;
        }

        score.Notes.Add($"  ~ {note}: {Short(draft.Content.Exact)}");
    }

    private static bool SameSpeaker(string gold, DraftStatement draft, string? publisher, Gazetteer? known)
    {
        if (gold == "@publisher")
        {
            return draft.Speaker.Name == "@publisher"
                || (publisher is not null && Gazetteer.Key(draft.Speaker.Name) == Gazetteer.Key(publisher));
        }

        if (Gazetteer.Key(gold) == Gazetteer.Key(draft.Speaker.Name))
        {
            return true;
        }

        // A proposed new actor's name is the editor's to confirm: it matches when all of its words are in the
        // gold name or all of the gold name's are in it ("General Staff" and "General Staff of the Armed Forces of
        // Ukraine").
        // A speaker the database knows must be linked to it: proposing a look-alike new actor is a miss.
        if (draft.Speaker.ActorId is null && known is not null && known.ByName(gold).Count > 0)
        {
            return false;
        }

        if (draft.Speaker.ActorId is null)
        {
            var proposed = Gazetteer.Words(draft.Speaker.Name).Where(w => w.Length > 1).ToHashSet();
            var wanted = Gazetteer.Words(gold).Where(w => w.Length > 1).ToHashSet();
            return proposed.Count > 0
                && wanted.Count > 0
                && (proposed.IsSubsetOf(wanted) || wanted.IsSubsetOf(proposed));
        }

        return false;
    }

    private static bool FigureEquals(GoldFigure? gold, FoundFigure? found) =>
        gold is null
            ? found is null
            : found is not null && found.Min == gold.Min && found.Max == gold.Max && found.Qualifier == gold.Qualifier;

    private static string Show(GoldFigure? f) => f is null ? "none" : $"{f.Qualifier} {f.Min}-{f.Max}";

    private static string Show(FoundFigure? f) => f is null ? "none" : $"{f.Qualifier} {f.Min}-{f.Max}";

    private static string Short(string s)
    {
        s = s.Replace('\n', ' ');
        return s.Length <= 90 ? s : s[..87] + "...";
    }
}
