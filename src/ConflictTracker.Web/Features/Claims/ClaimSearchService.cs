using System.Globalization;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// The claims explorer's query: full-text and name search, filters, and keyset pagination
/// (never OFFSET). The rules are written down in docs/rules/search.md.
/// </summary>
public sealed partial class ClaimSearchService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public const int MaxTextLength = 200;

    /// <summary>
    /// Totals are counted exactly up to this many claims; past it the page says "more than 1,000"
    /// (<see cref="ClaimPage.TotalIsLowerBound"/>): counting every match of a broad search at a million
    /// claims would cost more than finding the page (docs/rules/search.md, docs/performance.md).
    /// </summary>
    public const int CountLimit = 1_000;

    public async Task<ClaimPage> SearchAsync(ClaimQuery query, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Read, "search claims");
        var (after, before) = Validate(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await PlanForValuesAsync(db, cancellationToken);
        var (parts, reading) = await PartsAsync(db, query, cancellationToken);
        // Each part's ids, up to one more than the count limit: their number is the count, and a part
        // known in full (few matches) is paged from its ids, whatever PostgreSQL would have guessed
        // for it (a word it has no statistics for can look common and send it reading every claim).
        var counted = 0;
        var pageParts = new List<IQueryable<Claim>>();
        foreach (var part in parts)
        {
            var ids = await part.Counted.Select(c => c.Id).Take(CountLimit + 1).ToListAsync(cancellationToken);
            counted += ids.Count;
            if (ids.Count > CountLimit)
            {
                pageParts.Add(part.Paged);
            }
            else if (ids.Count > 0)
            {
                pageParts.Add(db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)));
            }
        }

        var backwards = before is not null;
        var rows =
            pageParts.Count == 0
                ? []
                : await Project(db, Page(db, pageParts, query.Sort, after ?? before, backwards, query.PageSize + 1))
                    .ToListAsync(cancellationToken);
        var more = rows.Count > query.PageSize;
        rows = rows.Take(query.PageSize).ToList();
        if (backwards)
        {
            rows.Reverse();
        }

        var items = rows.Select(r => r.ToItem()).ToList();
        var hasPrevious = backwards ? more : after is not null;
        var hasNext = backwards || more;
        return new ClaimPage(
            items,
            Math.Min(counted, CountLimit),
            hasPrevious && rows.Count > 0 ? rows[0].CursorFor(query.Sort).Encode() : null,
            hasNext && rows.Count > 0 ? rows[^1].CursorFor(query.Sort).Encode() : null,
            [.. TextTerms.Of(SearchText.Parse(query.Text).Words), .. reading.Synonyms, .. reading.StandIns]
        )
        {
            TotalIsLowerBound = counted > CountLimit,
            Reading = reading,
        };
    }

    /// <summary>
    /// The next <paramref name="size"/> claims past <paramref name="cursor"/> in the sort order (or before
    /// it, <paramref name="backwards"/>): the first ones of each part, merged. Each part is ordered and
    /// cut on its own, so PostgreSQL can pick the best plan for each (docs/performance.md).
    /// </summary>
    private static IQueryable<Claim> Page(
        AppDbContext db,
        List<IQueryable<Claim>> parts,
        ClaimSort sort,
        ClaimCursor? cursor,
        bool backwards,
        int size
    )
    {
        IQueryable<Claim> Cut(IQueryable<Claim> part)
        {
            if (cursor is { } at)
            {
                part = AfterCursor(part, sort, at, towardsEnd: !backwards);
            }

            return Order(part, sort, reverse: backwards).Take(size);
        }

        var page = Cut(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            page = page.Concat(Cut(part));
        }

        if (parts.Count == 1)
        {
            return page;
        }

        // The merged page is a list of ids the outer query reads the claims of: EF cannot read the
        // claims' collections (places) straight from a UNION ALL.
        var ids = Order(page, sort, reverse: backwards).Take(size).Select(c => c.Id);
        return Order(db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)), sort, reverse: backwards);
    }

    /// <summary>
    /// Every claim matching <paramref name="query"/>, in its order, read in keyset pages of
    /// <see cref="ClaimQuery.MaxPageSize"/> with a fresh context each (no long-held connection, no
    /// count): what exports stream. The query's page size and cursors are ignored.
    /// </summary>
    public async IAsyncEnumerable<ClaimListItem> StreamAsync(
        ClaimQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "export claims");
        var all = query with { PageSize = ClaimQuery.MaxPageSize, After = null, Before = null };
        Validate(all);
        ClaimCursor? cursor = null;
        while (true)
        {
            List<ClaimRow> rows;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                await PlanForValuesAsync(db, cancellationToken);
                rows = await Project(
                        db,
                        Page(
                            db,
                            (await PartsAsync(db, all, cancellationToken)).Parts.Select(p => p.Paged).ToList(),
                            all.Sort,
                            cursor,
                            backwards: false,
                            all.PageSize
                        )
                    )
                    .ToListAsync(cancellationToken);
            }

            foreach (var row in rows)
            {
                yield return row.ToItem();
            }

            if (rows.Count < all.PageSize)
            {
                yield break;
            }

            cursor = rows[^1].CursorFor(all.Sort);
        }
    }

    /// <summary>
    /// A search's statements are planned for the values they are run with, even when prepared (statements are
    /// prepared automatically: <see cref="DatabaseOptions.Tuned"/>): whether a word is rare or common decides
    /// between the full-text index and reading newest first, and a plan made once for any word would be wrong for
    /// one of them. The setting is the connection's for this search; the pool resets it when the connection goes
    /// back (RESET ALL).
    /// </summary>
    private static async Task PlanForValuesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET plan_cache_mode = force_custom_plan", cancellationToken);
    }

    /// <summary>Checks a query by the search's own rules (dates in order, text length, page size) without running
    /// it.</summary>
    public static void Check(ClaimQuery query) =>
        Validate(query with { PageSize = ClaimQuery.MaxPageSize, After = null, Before = null });

    private static (ClaimCursor? After, ClaimCursor? Before) Validate(ClaimQuery query)
    {
        var errors = new ValidationErrors();
        if (query.PageSize is < 1 or > ClaimQuery.MaxPageSize)
        {
            errors.Add(nameof(query.PageSize), $"Show between 1 and {ClaimQuery.MaxPageSize} claims a page.");
        }

        if (query.Text is { Length: > MaxTextLength })
        {
            errors.Add(nameof(query.Text), $"Search text must be at most {MaxTextLength} characters.");
        }

        if (query.Text is { } text)
        {
            errors.Check(() => Rules.CheckCharacters(text, "Search text"));
        }

        if (query.StatedFrom > query.StatedTo)
        {
            errors.Add(nameof(query.StatedTo), "The statement date range ends before it starts.");
        }

        if (query.EventFrom > query.EventTo)
        {
            errors.Add(nameof(query.EventTo), "The event date range ends before it starts.");
        }

        errors.Check(() => Rules.CountryCode(query.ActorCountry, nameof(query.ActorCountry)));
        if (query.After is not null && query.Before is not null)
        {
            errors.Add(nameof(query.After), "Ask for the page after a position or before one, not both.");
        }

        var after = query.After is null
            ? (ClaimCursor?)null
            : errors.Check(() => ClaimCursor.Decode(query.After, nameof(query.After)));
        var before = query.Before is null
            ? (ClaimCursor?)null
            : errors.Check(() => ClaimCursor.Decode(query.Before, nameof(query.Before)));
        errors.ThrowIfAny();
        return (after, before);
    }

    /// <summary>
    /// The matching claims as disjoint parts whose union is the result, and how the search text was read.
    /// The text is read first (<see cref="SearchText"/>): its figures and stance words become filters on every
    /// part. Without words left: one part. With words: the claims whose own words match (GIN full-text index);
    /// the others whose actor, or the actor they spoke for, has a name matching the text or one word of it (the
    /// other words then in the claim's own words); and the rest that cite a matching source or name a matching
    /// place. Each part's condition is on the claim itself, so PostgreSQL can read it newest first or through an
    /// index, whichever is cheaper for those words.
    /// </summary>
    private static async Task<(IReadOnlyList<Part> Parts, SearchReading Reading)> PartsAsync(
        AppDbContext db,
        ClaimQuery query,
        CancellationToken cancellationToken
    )
    {
        var parsed = SearchText.Parse(query.Text);
        var synonyms = await SynonymsAsync(db, parsed, cancellationToken);
        var (figures, words) = await UnitsAsync(db, parsed, synonyms, cancellationToken);
        var claims = Filter(db, query, parsed.Stances, figures);
        var reading = new SearchReading(
            figures.Select(f => f.Condition.Describe()).ToList(),
            parsed.Stances,
            [],
            null,
            synonyms.Where(g => WordsOf(words).Contains(g.Key)).SelectMany(g => g.Value).Distinct().ToList()
        );
        if (string.IsNullOrWhiteSpace(words))
        {
            return ([new Part(claims, claims)], reading);
        }

        var text = words;
        // A name in the text: the whole text, else the one word most like an actor's name or alias (pg_trgm
        // word similarity). Its actors stand in for it in the second part.
        var candidates = new List<string> { text };
        candidates.AddRange(
            WordsOf(text).Where(w => w.Length >= 3 && !string.Equals(w, text, StringComparison.OrdinalIgnoreCase))
        );
        var names = await db
            .Database.SqlQuery<NameMatch>(
                $"""
                SELECT c.ord AS candidate, m.actor_id AS actor_id, a.name AS name,
                       max(m.similarity)::float8 AS similarity
                FROM unnest({candidates.ToArray()}) WITH ORDINALITY AS c(word, ord)
                CROSS JOIN LATERAL (
                    SELECT x.id AS actor_id, word_similarity(c.word, x.name) AS similarity
                    FROM actors x WHERE c.word <% x.name
                    UNION ALL
                    SELECT alias.actor_id, word_similarity(c.word, alias.name)
                    FROM actor_aliases alias WHERE c.word <% alias.name) m
                JOIN actors a ON a.id = m.actor_id
                GROUP BY c.ord, m.actor_id, a.name
                """
            )
            .ToListAsync(cancellationToken);
        var chosen =
            names.Count == 0 ? (long?)null
            : names.Any(n => n.Candidate == 1) ? 1
            : names.OrderByDescending(n => n.Similarity).ThenBy(n => n.Candidate).First().Candidate;
        var named = names.Where(n => n.Candidate == chosen).ToList();
        var actors = named.Select(n => n.ActorId).Distinct().ToArray();
        var nameWord = chosen is { } at ? candidates[(int)at - 1] : null;
        // The words besides the name, which the actor's claims must still contain.
        var otherWords = chosen is null or 1 ? null : WithoutWord(text, nameWord!);
        if (named.Count > 0 && named.All(n => n.Similarity < 1))
        {
            reading = reading with
            {
                StandIns = named.OrderByDescending(n => n.Similarity).Select(n => n.Name).Distinct().ToList(),
                Typed = nameWord,
            };
        }

        // The full-text queries and what else the text matches are worked out first, in one small statement:
        // the ids of the sources and places it names. Sent back as values, they let PostgreSQL plan each
        // part with the facts (a rare word: the GIN index; a common one: newest first; no matching source:
        // nothing to read) instead of guessing for subqueries it cannot see into.
        var (textSql, textArgs) = TsQuery(text, synonyms, 0);
        var (otherSql, otherArgs) = otherWords is null
            ? ("NULL::tsquery", [])
            : TsQuery(otherWords, synonyms, textArgs.Length);
        var placeArg = "{" + (textArgs.Length + otherArgs.Length).ToString(CultureInfo.InvariantCulture) + "}";
        // Only SQL written here and argument placeholders ({0}, {1}, ...) are put into the text; every value the
        // searcher typed is a parameter.
        var termsSql = $"""
            SELECT CASE WHEN numnode(q.words) = 0 THEN NULL ELSE q.words END AS words,
                   CASE WHEN numnode(q.other) = 0 THEN NULL ELSE q.other END AS other,
                   ARRAY(SELECT s.id FROM sources s WHERE s.search_vector @@ q.words) AS sources,
                   ARRAY(SELECT p.id FROM places p WHERE {placeArg} <% p.name) AS places
            FROM (SELECT {textSql} AS words, {otherSql} AS other) q
            """;
        var terms = await db
            .Database.SqlQueryRaw<SearchTerms>(termsSql, [.. textArgs, .. otherArgs, text])
            .SingleAsync(cancellationToken);
        if (terms.Words is not { } matchWords)
        {
            // Text without a single word ("?", "…", an emoji) cannot match anything by its words, and
            // PostgreSQL cannot run an empty full-text query: it is no text filter (docs/rules/search.md).
            return ([new Part(claims, claims)], reading);
        }

        var ownWords = claims.Where(c => EF.Property<NpgsqlTsVector>(c, Search.VectorColumn).Matches(matchWords));
        var parts = new List<Part> { new(ownWords, ownWords) };
        var notOwnWords = claims.Where(c => !EF.Property<NpgsqlTsVector>(c, Search.VectorColumn).Matches(matchWords));
        var other = terms.Other;
        // The actor's claims stand in when the whole text named it, or when the other words are a query.
        actors = actors.Length > 0 && (otherWords is null || other is not null) ? actors : [];
        var byActor = notOwnWords.Where(c =>
            actors.Contains(c.AssertedById) || (c.OnBehalfOfId != null && actors.Contains(c.OnBehalfOfId.Value))
        );
        if (other is not null)
        {
            byActor = byActor.Where(c => EF.Property<NpgsqlTsVector>(c, Search.VectorColumn).Matches(other));
        }

        if (actors.Length > 0)
        {
            parts.Add(new Part(byActor, byActor));
        }

        if (terms.Sources.Length > 0 || terms.Places.Length > 0)
        {
            var (sources, places) = (terms.Sources, terms.Places);
            // Disjoint from the actor's part: not that actor's, or (when other words had to match) not matching them.
            var rest = other is null
                ? notOwnWords.Where(c =>
                    !actors.Contains(c.AssertedById)
                    && (c.OnBehalfOfId == null || !actors.Contains(c.OnBehalfOfId.Value))
                )
                : notOwnWords.Where(c =>
                    (
                        !actors.Contains(c.AssertedById)
                        && (c.OnBehalfOfId == null || !actors.Contains(c.OnBehalfOfId.Value))
                    ) || !EF.Property<NpgsqlTsVector>(c, Search.VectorColumn).Matches(other)
                );
            // Counted from the sources and places (a join); paged newest first, each claim tested with
            // two index probes, which stops as soon as the page is full.
            var cited = db
                .Citations.Where(citation => sources.Contains(citation.SourceId))
                .Select(citation => citation.ClaimId)
                .Union(
                    db.Set<Dictionary<string, object>>(ClaimPlacesTable)
                        .Where(cp => places.Contains(EF.Property<Guid>(cp, "place_id")))
                        .Select(cp => EF.Property<Guid>(cp, "claim_id"))
                );
            parts.Add(
                new Part(
                    rest.Where(c => cited.Contains(c.Id)),
                    rest.Where(c =>
                        db.Citations.Any(citation => citation.ClaimId == c.Id && sources.Contains(citation.SourceId))
                        || db.Set<Dictionary<string, object>>(ClaimPlacesTable)
                            .Any(cp =>
                                EF.Property<Guid>(cp, "claim_id") == c.Id
                                && places.Contains(EF.Property<Guid>(cp, "place_id"))
                            )
                    )
                )
            );
        }

        return (parts, reading);
    }

    /// <summary>
    /// The full-text query of <paramref name="text"/> as SQL with its arguments (numbered from <paramref
    /// name="first"/>): the words under both the 'simple' and 'english' configurations, as websearch_to_tsquery
    /// reads them, and each plain word with synonyms as a group matching any of its terms (ANDed with the rest).
    /// </summary>
    private static (string Sql, object[] Args) TsQuery(
        string text,
        IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms,
        int first
    )
    {
        static string Both(int n) =>
            $"(websearch_to_tsquery('simple', {{{n}}}) || websearch_to_tsquery('english', {{{n}}}))";

        var args = new List<object>();
        var plain = new List<string>();
        var groups = new List<string>();
        var tokens = Tokens(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var key = Key(token);
            var nextToOr =
                (i > 0 && tokens[i - 1].Equals("or", StringComparison.OrdinalIgnoreCase))
                || (i + 1 < tokens.Count && tokens[i + 1].Equals("or", StringComparison.OrdinalIgnoreCase));
            if (
                !token.StartsWith('"')
                && !token.StartsWith('-')
                && !nextToOr
                && synonyms.TryGetValue(key, out var group)
            )
            {
                groups.Add(string.Join(" or ", group.Select(t => t.Contains(' ') ? $"\"{t}\"" : t)));
            }
            else
            {
                plain.Add(token);
            }
        }

        args.Add(string.Join(' ', plain));
        var sql = Both(first);
        foreach (var group in groups)
        {
            sql += " && " + Both(first + args.Count);
            args.Add(group);
        }

        return (sql, [.. args]);
    }

    /// <summary>The text's tokens: quoted phrases whole, other words split on spaces.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var segments = text.Split('"');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i % 2 == 1)
            {
                tokens.Add($"\"{segments[i]}\"");
            }
            else
            {
                tokens.AddRange(segments[i].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return tokens;
    }

    /// <summary>A word as synonyms and names are looked up: lower-case, without surrounding punctuation.</summary>
    private static string Key(string word) => word.Trim(KeyTrim).ToLowerInvariant();

    private static readonly char[] KeyTrim = [',', '.', ';', ':', '!', '?', '(', ')', '\'', '’'];

    /// <summary>The plain words of the text outside quotes and operators, as lookup keys.</summary>
    private static List<string> WordsOf(string? text) =>
        text is null
            ? []
            : Tokens(text)
                .Where(t =>
                    !t.StartsWith('"') && !t.StartsWith('-') && !t.Equals("or", StringComparison.OrdinalIgnoreCase)
                )
                .Select(Key)
                .Where(k => k.Length > 0)
                .Distinct()
                .ToList();

    private static string? WithoutWord(string text, string word)
    {
        var kept = Tokens(text).Where(t => Key(t) != word).ToList();
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    /// <summary>
    /// The active synonym groups for the text's words and its figures' unit words: each word that is a term of
    /// a group, with all the terms of its groups (itself first).
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> SynonymsAsync(
        AppDbContext db,
        SearchQuery parsed,
        CancellationToken cancellationToken
    )
    {
        var keys = WordsOf(parsed.Words)
            .Concat(parsed.Figures.Where(f => f.Unit is not null).Select(f => Key(f.Unit!)))
            .Distinct()
            .ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var groups = await db
            .SynonymGroups.AsNoTracking()
            .Where(g => g.Active && g.Terms.Any(t => keys.Contains(t)))
            .Select(g => g.Terms)
            .ToListAsync(cancellationToken);
        return keys.Where(k => groups.Any(g => g.Contains(k)))
            .ToDictionary(
                k => k,
                k =>
                    (IReadOnlyList<string>)
                        [k, .. groups.Where(g => g.Contains(k)).SelectMany(g => g).Where(t => t != k).Distinct()]
            );
    }

    /// <summary>
    /// Each figure with the measures its unit word names (the measure's unit, stemmed, or a synonym of it); a
    /// word after a figure that names no measure's unit is an ordinary word again, returned with the text.
    /// </summary>
    private static async Task<(IReadOnlyList<Figure> Figures, string? Words)> UnitsAsync(
        AppDbContext db,
        SearchQuery parsed,
        IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms,
        CancellationToken cancellationToken
    )
    {
        var figures = new List<Figure>();
        var words = parsed.Words;
        foreach (var figure in parsed.Figures)
        {
            if (figure.Unit is null)
            {
                figures.Add(new Figure(figure, null));
                continue;
            }

            var key = Key(figure.Unit);
            var units = synonyms.TryGetValue(key, out var group) ? group.ToArray() : [key];
            var measures = await db
                .Database.SqlQuery<Guid>(
                    $"""
                    SELECT m.id AS "Value" FROM measures m
                    WHERE EXISTS (SELECT 1 FROM unnest({units}) u
                                  WHERE to_tsvector('english', m.unit) @@ plainto_tsquery('english', u)
                                     OR lower(m.unit) = u)
                    """
                )
                .ToListAsync(cancellationToken);
            if (measures.Count > 0)
            {
                figures.Add(new Figure(figure, measures.ToArray()));
            }
            else
            {
                figures.Add(new Figure(figure with { Unit = null }, null));
                words = string.IsNullOrEmpty(words) ? figure.Unit : $"{words} {figure.Unit}";
            }
        }

        return (figures, words);
    }

    /// <summary>A figure condition and, when it named a unit, the measures counted in it.</summary>
    private sealed record Figure(FigureCondition Condition, Guid[]? Measures);

    private sealed record NameMatch(long Candidate, Guid ActorId, string Name, double Similarity);

    /// <summary>One part of the matches: the same claims as a query shaped for counting and one shaped for reading a
    /// page.</summary>
    private sealed record Part(IQueryable<Claim> Counted, IQueryable<Claim> Paged);

    /// <summary>The search text's full-text query, the query of its words besides an actor's name, and the ids of the
    /// sources (by title) and places (by name) it matches.</summary>
    private sealed record SearchTerms(NpgsqlTsQuery? Words, NpgsqlTsQuery? Other, Guid[] Sources, Guid[] Places);

    /// <summary>The join table of claims and the places they name (a shared-type entity, ClaimConfiguration).</summary>
    private const string ClaimPlacesTable = "claim_places";

    /// <summary>Every filter but the search text's words: the stances and figures read from it included.</summary>
    private static IQueryable<Claim> Filter(
        AppDbContext db,
        ClaimQuery query,
        IReadOnlyList<Stance> textStances,
        IReadOnlyList<Figure> figures
    )
    {
        var statuses = query.EffectiveStatuses.ToList();
        var claims = db.Claims.AsNoTracking().Where(c => statuses.Contains(c.Status));

        if (query.PropositionId is { } propositionId)
        {
            claims = claims.Where(c => c.PropositionId == propositionId);
        }

        if (query.ActorId is { } actorId)
        {
            claims = claims.Where(c => c.AssertedById == actorId || c.OnBehalfOfId == actorId);
        }

        if (Rules.CountryCode(query.ActorCountry, nameof(query.ActorCountry)) is { } country)
        {
            claims = claims.Where(c => db.Actors.Any(a => a.Id == c.AssertedById && a.CountryCode == country));
        }

        if (query.ActorKind is { } kind)
        {
            claims = claims.Where(c => db.Actors.Any(a => a.Id == c.AssertedById && a.Kind == kind));
        }

        if (query.Stances.Count > 0)
        {
            var stances = query.Stances.ToList();
            claims = claims.Where(c => stances.Contains(c.Stance));
        }

        // A date range matches a claim whose (partial) date could fall inside it: the spans overlap.
        if (query.StatedFrom is { } statedFrom)
        {
            claims = claims.Where(c => EF.Property<DateOnly>(c, Search.StatedOnLatestColumn) >= statedFrom);
        }

        if (query.StatedTo is { } statedTo)
        {
            claims = claims.Where(c => c.StatedOn.Date <= statedTo);
        }

        if (query.EventFrom is { } eventFrom)
        {
            claims = claims.Where(c => EF.Property<DateOnly?>(c, Search.EventEndLatestColumn) >= eventFrom);
        }

        if (query.EventTo is { } eventTo)
        {
            claims = claims.Where(c => c.EventPeriod != null && c.EventPeriod.StartDate <= eventTo);
        }

        if (query.MinReliability is { } grade)
        {
            var good = Enum.GetValues<ReliabilityGrade>().Where(g => g <= grade).ToList();
            claims = claims.Where(c =>
                db.Citations.Any(citation =>
                    citation.ClaimId == c.Id
                    && db.Sources.Any(s =>
                        s.Id == citation.SourceId
                        && good.Contains(
                            s.Reliability
                                ?? db.Actors.Where(a => a.Id == s.PublisherId)
                                    .Select(a => a.Reliability)
                                    .FirstOrDefault()
                                ?? ReliabilityGrade.F
                        )
                    )
                )
            );
        }

        if (query.MinCredibility is { } credibility)
        {
            var credible = Enum.GetValues<Credibility>().Where(r => r <= credibility).ToList();
            claims = claims.Where(c => c.Credibility != null && credible.Contains(c.Credibility.Value));
        }

        if (query.HasQuantity is { } hasQuantity)
        {
            claims = hasQuantity ? claims.Where(c => c.MeasureId != null) : claims.Where(c => c.MeasureId == null);
        }

        if (query.PlaceId is { } placeId)
        {
            claims = claims.Where(c => c.Places.Any(p => p.Id == placeId));
        }

        if (textStances.Count > 0)
        {
            var stances = textStances.ToList();
            claims = claims.Where(c => stances.Contains(c.Stance));
        }

        // A figure condition matches a claim whose stated figure (its minimum to maximum) overlaps the
        // asked interval (docs/rules/search.md, "Figures").
        foreach (var (condition, measures) in figures)
        {
            claims = claims.Where(c => c.Quantity != null);
            var low = condition.Low;
            claims = condition.LowInclusive
                ? claims.Where(c => c.Quantity!.Max >= low)
                : claims.Where(c => c.Quantity!.Max > low);
            if (condition.High is { } high)
            {
                claims = condition.HighInclusive
                    ? claims.Where(c => c.Quantity!.Min <= high)
                    : claims.Where(c => c.Quantity!.Min < high);
            }

            if (measures is not null)
            {
                claims = claims.Where(c => c.MeasureId != null && measures.Contains(c.MeasureId.Value));
            }
        }

        return claims;
    }

    /// <summary>Rows strictly past the cursor: towards the end of the sort order, or back towards its start.</summary>
    private static IQueryable<Claim> AfterCursor(
        IQueryable<Claim> claims,
        ClaimSort sort,
        ClaimCursor cursor,
        bool towardsEnd
    )
    {
        var ascending = sort == ClaimSort.OldestStatement;
        var greater = towardsEnd == ascending;
        var id = cursor.Id;
        if (sort == ClaimSort.RecentlyRecorded)
        {
            var at = cursor.Key;
            return greater
                ? claims.Where(c =>
                    EF.Functions.GreaterThan(ValueTuple.Create(c.RecordedAt, c.Id), ValueTuple.Create(at, id))
                )
                : claims.Where(c =>
                    EF.Functions.LessThan(ValueTuple.Create(c.RecordedAt, c.Id), ValueTuple.Create(at, id))
                );
        }

        var date = cursor.Date;
        return greater
            ? claims.Where(c =>
                EF.Functions.GreaterThan(ValueTuple.Create(c.StatedOn.Date, c.Id), ValueTuple.Create(date, id))
            )
            : claims.Where(c =>
                EF.Functions.LessThan(ValueTuple.Create(c.StatedOn.Date, c.Id), ValueTuple.Create(date, id))
            );
    }

    private static IQueryable<Claim> Order(IQueryable<Claim> claims, ClaimSort sort, bool reverse)
    {
        var descending = (sort != ClaimSort.OldestStatement) != reverse;
        return (sort, descending) switch
        {
            (ClaimSort.RecentlyRecorded, true) => claims
                .OrderByDescending(c => c.RecordedAt)
                .ThenByDescending(c => c.Id),
            (ClaimSort.RecentlyRecorded, false) => claims.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id),
            (_, true) => claims.OrderByDescending(c => c.StatedOn.Date).ThenByDescending(c => c.Id),
            _ => claims.OrderBy(c => c.StatedOn.Date).ThenBy(c => c.Id),
        };
    }

    /// <summary>The row fields a list shows; the ordering of <paramref name="claims"/> is kept.</summary>
    internal static IQueryable<ClaimRow> Project(AppDbContext db, IQueryable<Claim> claims) =>
        from claim in claims
        join actor in db.Actors on claim.AssertedById equals actor.Id
        join proposition in db.Propositions on claim.PropositionId equals proposition.Id
        select new ClaimRow
        {
            Id = claim.Id,
            ActorId = actor.Id,
            Actor = actor.Name,
            OnBehalfOf = db.Actors.Where(a => a.Id == claim.OnBehalfOfId).Select(a => a.Name).FirstOrDefault(),
            Stance = claim.Stance,
            StatedOn = claim.StatedOn,
            RecordedAt = claim.RecordedAt,
            Summary = claim.Summary,
            Quote = claim.Quote,
            Quantity = claim.Quantity,
            Unit = db.Measures.Where(m => m.Id == claim.MeasureId).Select(m => m.Unit).FirstOrDefault(),
            EventPeriod = claim.EventPeriod,
            PropositionId = proposition.Id,
            Proposition = proposition.Statement,
            Places = claim.Places.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
            Status = claim.Status,
            Credibility = claim.Credibility,
        };
}

internal sealed class ClaimRow
{
    public Guid Id { get; init; }

    public Guid ActorId { get; init; }

    public string Actor { get; init; } = "";

    public string? OnBehalfOf { get; init; }

    public Stance Stance { get; init; }

    public PartialDate StatedOn { get; init; } = null!;

    public DateTimeOffset RecordedAt { get; init; }

    public string Summary { get; init; } = "";

    public Quote? Quote { get; init; }

    public Quantity? Quantity { get; init; }

    public string? Unit { get; init; }

    public EventPeriod? EventPeriod { get; init; }

    public Guid PropositionId { get; init; }

    public string Proposition { get; init; } = "";

    public List<string> Places { get; init; } = [];

    public ClaimStatus Status { get; init; }

    public Credibility? Credibility { get; init; }

    public ClaimCursor CursorFor(ClaimSort sort) =>
        sort == ClaimSort.RecentlyRecorded ? new ClaimCursor(RecordedAt, Id) : ClaimCursor.FromDate(StatedOn.Date, Id);

    public ClaimListItem ToItem() =>
        new(
            Id,
            ActorId,
            Actor,
            OnBehalfOf,
            Stance,
            StatedOn.ToString(),
            StatedOn.Date,
            Summary,
            Quote?.Translation ?? Quote?.Text,
            Quantity?.ToString(Unit),
            EventPeriod?.ToString(),
            PropositionId,
            Proposition,
            Places,
            Status,
            Credibility
        );
}
