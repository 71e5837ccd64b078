using ConflictTracker.Intake;
using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>What checking a citation's quote against its source's stored text found
/// (docs/rules/quote-verification.md).</summary>
public enum QuoteCheckResult
{
    /// <summary>Nothing to check: neither the citation nor the claim has a quote, or the source has no stored
    /// text.</summary>
    NotCheckable,

    /// <summary>The stored text holds the words character for character.</summary>
    Found,

    /// <summary>The stored text holds the words once whitespace, quotation marks and dashes are made alike.</summary>
    FoundNormalised,

    /// <summary>The stored text does not hold the words, even after normalising.</summary>
    NotFound,
}

/// <summary>Which words of a citation were checked.</summary>
public enum QuotedWords
{
    /// <summary>The words as this source gives them (the citation's quote).</summary>
    CitationQuote,

    /// <summary>The claim's quote, as the citation has none of its own.</summary>
    ClaimQuote,

    /// <summary>The claim's translation: the source quotes the words in translation.</summary>
    ClaimTranslation,
}

/// <summary>The stored text a quote was checked against: the newest snapshot of the source.</summary>
public sealed record SnapshotRef(Guid Id, string Sha256, DateTimeOffset CapturedAt);

/// <summary>
/// The words as the snapshot has them (<see cref="Quote"/>, characters <see cref="Start"/> to <see cref="End"/>,
/// end exclusive) with the text just before and after, cut at a space and marked with "…" where cut.
/// </summary>
public sealed record QuotePassage(string Before, string Quote, string After, int Start, int End);

/// <summary>
/// The check of one citation: the outcome, which words were checked (null when there were none), the
/// snapshot they were checked against (null when there were no words or the source has no snapshot),
/// and where they were found.
/// </summary>
public sealed record QuoteCheck(
    QuoteCheckResult Result,
    QuotedWords? Words,
    SnapshotRef? Snapshot,
    QuotePassage? Passage
)
{
    public static readonly QuoteCheck Nothing = new(QuoteCheckResult.NotCheckable, null, null, null);
}

/// <summary>A citation's words: its own quote, else the claim's quote (and the claim's translation, tried
/// next).</summary>
public sealed record QuoteToCheck(
    Guid CitationId,
    Guid SourceId,
    string? CitationQuote,
    string? ClaimQuote,
    string? ClaimTranslation
)
{
    public IReadOnlyList<(QuotedWords Words, string Text)> Candidates()
    {
        if (!string.IsNullOrWhiteSpace(CitationQuote))
        {
            return [(QuotedWords.CitationQuote, CitationQuote)];
        }

        if (string.IsNullOrWhiteSpace(ClaimQuote))
        {
            return [];
        }

        return string.IsNullOrWhiteSpace(ClaimTranslation)
            ? [(QuotedWords.ClaimQuote, ClaimQuote)]
            : [(QuotedWords.ClaimQuote, ClaimQuote), (QuotedWords.ClaimTranslation, ClaimTranslation)];
    }

    public bool HasWords => Candidates().Count > 0;

    /// <summary>The words a "not found" is about: the first candidate's.</summary>
    public string? Text => Candidates() is [var first, ..] ? first.Text : null;
}

/// <summary>A snapshot's text with what identifies it.</summary>
public sealed record StoredText(Guid Id, Guid SourceId, string Sha256, DateTimeOffset CapturedAt, string Text)
{
    public SnapshotRef Ref => new(Id, Sha256, CapturedAt);
}

/// <summary>
/// Checks the quotes of claims against the stored text of their sources (docs/rules/quote-verification.md):
/// each citation's words against the newest snapshot of its source, with <see cref="QuoteMatcher"/>
/// (exactly, or equal after normalising whitespace, quotation marks and dashes). Nothing is stored: the
/// check is made when a claim is read, so it always reflects the current quote and the newest snapshot.
/// </summary>
public static class QuoteVerification
{
    /// <summary>Characters of context shown either side of a found quote, at most.</summary>
    public const int ContextLength = 160;

    /// <summary>Checks each citation, reading the newest snapshot of every source concerned in one statement.</summary>
    public static async Task<IReadOnlyDictionary<Guid, QuoteCheck>> CheckAsync(
        AppDbContext db,
        IReadOnlyCollection<QuoteToCheck> quotes,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(quotes);
        var sourceIds = quotes.Where(q => q.HasWords).Select(q => q.SourceId).Distinct().ToList();
        var snapshots =
            sourceIds.Count == 0
                ? new Dictionary<Guid, StoredText>()
                : await NewestSnapshots(db, sourceIds).ToDictionaryAsync(s => s.SourceId, cancellationToken);
        return quotes.ToDictionary(q => q.CitationId, q => Check(q, snapshots.GetValueOrDefault(q.SourceId)));
    }

    /// <summary>
    /// The newest snapshot of each source that has one: latest capture, then the highest id (ids are
    /// time-ordered). <c>ClaimDetailsService</c> reads it the same way within its one statement.
    /// </summary>
    /// <remarks>
    /// The form matters: <c>let ... FirstOrDefault()</c> becomes correlated subqueries that find the
    /// source's few snapshots through the index on <c>(source_id, sha256)</c>, while a join on
    /// <c>Take(1)</c> becomes a ROW_NUMBER() over every snapshot of every source.
    /// </remarks>
    public static IQueryable<StoredText> NewestSnapshots(AppDbContext db, IReadOnlyCollection<Guid> sourceIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from source in db.Sources.AsNoTracking()
            where sourceIds.Contains(source.Id)
            let newest = db
                .SourceSnapshots.Where(s => s.SourceId == source.Id)
                .OrderByDescending(s => s.CapturedAt)
                .ThenByDescending(s => s.Id)
                .FirstOrDefault()
            where newest != null
            select new StoredText(newest.Id, newest.SourceId, newest.Sha256, newest.CapturedAt, newest.Text);
    }

    /// <summary>The check of one citation against the newest snapshot of its source (null: the source has
    /// none).</summary>
    public static QuoteCheck Check(QuoteToCheck quote, StoredText? snapshot)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var candidates = quote.Candidates();
        if (candidates.Count == 0)
        {
            return QuoteCheck.Nothing;
        }

        if (snapshot is null)
        {
            return new QuoteCheck(QuoteCheckResult.NotCheckable, candidates[0].Words, null, null);
        }

        foreach (var (words, text) in candidates)
        {
            var at = QuoteMatcher.Locate(snapshot.Text, text);
            if (at.Found)
            {
                var result = at.Match == QuoteMatch.Exact ? QuoteCheckResult.Found : QuoteCheckResult.FoundNormalised;
                return new QuoteCheck(result, words, snapshot.Ref, Passage(snapshot.Text, at.Start, at.End));
            }
        }

        return new QuoteCheck(QuoteCheckResult.NotFound, candidates[0].Words, snapshot.Ref, null);
    }

    /// <summary>
    /// The outcome of a whole claim, for one cell of an export: not found when any checked citation is
    /// not found, else found after normalising when any is, else found when any is, else not checkable.
    /// </summary>
    public static QuoteCheckResult Summary(IEnumerable<QuoteCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var results = checks.Select(c => c.Result).ToHashSet();
        return results.Contains(QuoteCheckResult.NotFound) ? QuoteCheckResult.NotFound
            : results.Contains(QuoteCheckResult.FoundNormalised) ? QuoteCheckResult.FoundNormalised
            : results.Contains(QuoteCheckResult.Found) ? QuoteCheckResult.Found
            : QuoteCheckResult.NotCheckable;
    }

    /// <summary>The found words with up to <see cref="ContextLength"/> characters either side, cut at white
    /// space.</summary>
    public static QuotePassage Passage(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = Math.Max(0, start - ContextLength);
        if (from > 0)
        {
            // Start after a space so the context does not open in the middle of a word.
            var space = text.IndexOfAny([' ', '\n', '\t', '\r'], from, start - from);
            from = space < 0 ? from : space + 1;
        }

        var to = Math.Min(text.Length, end + ContextLength);
        if (to < text.Length)
        {
            var space = text.LastIndexOfAny([' ', '\n', '\t', '\r'], to - 1, to - end);
            to = space < 0 ? to : space;
        }

        var before = (from > 0 ? "…" : string.Empty) + text[from..start];
        var after = text[end..to] + (to < text.Length ? "…" : string.Empty);
        return new QuotePassage(before, text[start..end], after, start, end);
    }
}
