using System.Text.RegularExpressions;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake;

/// <summary>What the extractor needs to know about the article itself.</summary>
public sealed record ArticleFacts(
    PartialDate? Published,
    string? PublisherName,
    Guid? PublisherId,
    string? Language = "en"
);

/// <summary>
/// Finds attributed statements in an English article with rules (docs/intake.md lists them): verbs
/// of saying and "according to" in the words outside quotation marks, the speaker on either side of
/// the verb, the content after "that", in the quotation, or before the speaker, then stance, figures,
/// dates, places, propositions and the citation role for each. Runs offline in well under the
/// 100 ms budget for a 2,000-word article.
/// </summary>
public sealed partial class AttributionExtractor(Gazetteer gazetteer)
{
    private const char Masked = '\u2591';

    public IReadOnlyList<DraftStatement> Extract(string text, ArticleFacts facts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        var layout = new ArticleLayout(text);
        var run = new Run(gazetteer, layout, facts);
        return run.Execute();
    }

    /// <summary>One pass over one article.</summary>
    private sealed class Run(Gazetteer gazetteer, ArticleLayout layout, ArticleFacts facts)
    {
        private readonly string text = layout.Text;
        private readonly SpeakerResolver speakers = new(gazetteer, layout.Text, facts.Published?.Latest);
        private readonly List<Working> found = [];
        private readonly PropositionRanker ranker = new(gazetteer.Propositions);
        private readonly string frame = Mask(layout);
        private readonly List<(Guid Id, string Key, List<string> Distinctive)> places = PlaceWords(gazetteer);
        private readonly string topic = string.Join(
            ' ',
            layout.Sentences.Take(2).Select(s => layout.Text[s.Start..s.End])
        );
        private readonly int headlineEnd = HeadlineEnd(layout.Text);

        public List<DraftStatement> Execute()
        {
            if (layout.Dateline is not null)
            {
                speakers.HomeCountry = speakers
                    .Countries(layout.Dateline.Start, layout.Dateline.End)
                    .Select(c => c.Code)
                    .FirstOrDefault();
            }

            var sentences = layout.Sentences;
            int? openQuote = null;
            for (var s = 0; s < sentences.Count; s++)
            {
                var sentence = sentences[s];
                if (IsLink(sentence))
                {
                    continue;
                }

                var before = found.Count;
                if (sentence.End <= headlineEnd)
                {
                    // "Kyiv says drones hit refinery": a headline sums up a statement the story gives in full.
                }
                else if (s + 1 < sentences.Count && IsEmbeddedPostLink(sentences[s + 1]))
                {
                    found.Add(EmbeddedPost(sentence));
                    speakers.Remember(found[^1].Speaker, sentence.Start);
                }
                else
                {
                    Attribute(sentence);
                }

                if (
                    openQuote is { } opened
                    && found.Count > before
                    && sentence.Quotes.Count > 0
                    && found[before].ContentStart == sentence.Quotes[0].Start
                )
                {
                    // "“A.\n\n“B,” she said.": the quotation left open at the paragraph before goes on in this one.
                    found[before].ContentStart = opened;
                    found[before].QuoteStart = opened;
                    openQuote = null;
                }
                else if (openQuote is { } unclaimed)
                {
                    ExtendLast(sentences[s - 1], unclaimed);
                    openQuote = null;
                }

                if (
                    found.Count == before
                    && IsPureQuote(sentence)
                    && !sentence.Quotes[^1].Closed
                    && s + 1 < sentences.Count
                    && sentences[s + 1].Quotes.Count > 0
                    && sentences[s + 1].Quotes[0].Start <= SkipSpace(sentences[s + 1].Start) + 1
                )
                {
                    // Wire style: a quotation left open at a paragraph's end goes on in the next; whoever closes it
                    // speaks.
                    openQuote = sentence.Quotes[0].Start;
                }
                else if (
                    found.Count == before
                    && IsPureQuote(sentence)
                    && found.Count > 0
                    && found[^1].Sentence.Index >= s - 2
                    && found[^1].Sentence.Paragraph >= sentence.Paragraph - 1
                )
                {
                    // A quotation with no verb of its own goes on from the statement before it.
                    var last = found[^1];
                    last.ContentEnd = Math.Max(last.ContentEnd, QuoteEnd(sentence));
                    last.QuoteEnd = last.QuoteStart is null ? null : Math.Max(last.QuoteEnd ?? 0, QuoteEnd(sentence));
                    if (last.QuoteStart is null && last.ContentStart >= sentence.Start)
                    {
                        last.QuoteStart = sentence.Quotes[0].Start;
                    }
                }

                speakers.Scan(sentence.Start, sentence.End);
            }

            return found.Select((w, i) => Finish(w, i + 1)).Where(d => d is not null).Select(d => d!).ToList();
        }

        /// <summary>The end of the headline: a first line of at most 25 words, not ending as a sentence does, with a
        /// blank line after it; 0 when there is none.</summary>
        private static int HeadlineEnd(string text)
        {
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end <= 0 || text.IndexOf('\n', 0, end) >= 0)
            {
                return 0;
            }

            var line = text[..end].TrimEnd();
            return
                ArticleText.WordCount(line) <= 25
                && !line.EndsWith('.')
                && !ArticleLayout.IsClosingMark(line[^1])
                && line[^1] != '"'
                ? end
                : 0;
        }

        /// <summary>Extends the last statement over a pure quotation that nobody closed with a verb of
        /// saying.</summary>
        private void ExtendLast(Sentence sentence, int quoteStart)
        {
            if (found.Count == 0 || found[^1].Sentence.Paragraph < sentence.Paragraph - 1)
            {
                return;
            }

            var last = found[^1];
            last.ContentEnd = Math.Max(last.ContentEnd, QuoteEnd(sentence));
            last.QuoteStart ??= quoteStart;
            last.QuoteEnd = Math.Max(last.QuoteEnd ?? 0, QuoteEnd(sentence));
        }

        private static int QuoteEnd(Sentence sentence) => sentence.Quotes.Max(q => q.End);

        private bool IsPureQuote(Sentence sentence)
        {
            if (sentence.Quotes.Count == 0)
            {
                return false;
            }

            for (var i = sentence.Start; i < sentence.End; i++)
            {
                if (char.IsLetterOrDigit(frame[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsLink(Sentence sentence) => LinkPattern().IsMatch(text[sentence.Start..sentence.End].Trim());

        private bool IsEmbeddedPostLink(Sentence sentence) =>
            IsLink(sentence)
            && text[sentence.Start..sentence.End].Contains("twitter.com", StringComparison.OrdinalIgnoreCase);

        private Working EmbeddedPost(Sentence sentence)
        {
            var account = gazetteer.Actors.FirstOrDefault(a =>
                a.Kind == ActorKind.Other && Gazetteer.NameWords(a.Name).Contains("social")
            );
            var link = account is not null
                ? SpeakerResolver.Link(account, "embedded post", sentence.Start, sentence.Start, SpeakerLinkKind.Media)
                : new SpeakerLink(
                    "embedded post",
                    sentence.Start,
                    sentence.Start,
                    SpeakerLinkKind.Media,
                    null,
                    "Unidentified social media account",
                    ActorKind.Other,
                    null
                );
            var end = sentence.End;
            while (end > sentence.Start && text[end - 1] is '.' or ' ')
            {
                end--;
            }

            return new Working(sentence, link, "embedded post", sentence.Start, end)
            {
                Credit = "an embedded social media post",
                Republication = true,
                CueStart = sentence.Start,
                CueEnd = sentence.Start,
            };
        }

        private void Attribute(Sentence sentence)
        {
            var cues = new List<Match>();
            for (
                var m = CuePattern().Match(frame, sentence.Start, sentence.End - sentence.Start);
                m.Success;
                m = m.NextMatch()
            )
            {
                cues.Add(m);
            }

            var consumedUntil = sentence.Start;
            Working? previous = null;
            subject = null;
            foreach (var cue in cues)
            {
                if (cue.Index < consumedUntil)
                {
                    continue;
                }

                var attempt = Try(sentence, cue, previous, consumedUntil);
                if (attempt is null)
                {
                    continue;
                }

                if (
                    previous is not null
                    && attempt.Speaker.ActorId == previous.Speaker.ActorId
                    && attempt.Speaker.Name == previous.Speaker.Name
                    && (attempt.QuoteStart == attempt.ContentStart || attempt.ContentStart < previous.ContentEnd)
                )
                {
                    // The same speaker's quotation goes on in the same sentence ("..., adding, “...”"): one statement.
                    // "..., warning that ..." is a statement of its own.
                    previous.ContentStart = Math.Min(previous.ContentStart, attempt.ContentStart);
                    previous.ContentEnd = Math.Max(previous.ContentEnd, attempt.ContentEnd);
                    previous.QuoteStart ??= attempt.QuoteStart;
                    previous.QuoteEnd = attempt.QuoteEnd ?? previous.QuoteEnd;
                    previous.Denial |= attempt.Denial;
                    previous.Hedge |= attempt.Hedge;
                    consumedUntil = Math.Max(consumedUntil, Math.Max(attempt.ContentEnd, attempt.CueEnd));
                    continue;
                }

                found.Add(attempt);
                speakers.Remember(attempt.Speaker, attempt.CueStart);
                foreach (var extra in attempt.Companions)
                {
                    found.Add(extra);
                }

                previous = attempt;
                consumedUntil = Math.Max(
                    attempt.CueEnd,
                    attempt.ContentEnd > attempt.CueEnd ? attempt.ContentEnd : attempt.SpeakerEnd
                );
            }
        }

        private Working? Try(Sentence sentence, Match cue, Working? previous, int consumedUntil)
        {
            var verb = cue.Groups["cue"].Value.ToLowerInvariant();
            if (cue.Groups["by"].Success)
            {
                verb = "was quoted as saying"; // "was quoted by the TASS news agency as saying": the outlet is the credit
            }

            var cueStart = cue.Groups["cue"].Index;
            var cueEnd = cueStart + cue.Groups["cue"].Length;
            var after = SkipSpace(cueEnd);
            if (verb.StartsWith("according", StringComparison.Ordinal))
            {
                if (previous is not null && OutletAfter(cueEnd, sentence.End) is { } outlet)
                {
                    // "..., the NIS said in September, according to Yonhap": the outlet is where it was read, not a
                    // second speaker.
                    previous.Credit = outlet;
                    return null;
                }

                return According(sentence, cueStart, cueEnd);
            }

            if (IsNegated(sentence, cueStart))
            {
                // "has not acknowledged", "did not say how", "has neither confirmed nor denied": nothing is stated.
                return null;
            }

            var weak = Lexicon.WeakCues.Contains(verb);
            var next = NextWord(cueEnd);
            if (
                weak
                && !Lexicon.ShowVerbs.Contains(verb)
                && next != "that"
                && !(
                    after < text.Length
                    && (
                        text[after] is ':' or '\u201C' or '"'
                        || (text[after] == ',' && OpensQuote(SkipSpace(after + 1)))
                    )
                )
            )
            {
                return null;
            }

            // Who speaks: before the verb (from the start of the clause), else after it ("said Budanov").
            var clauseStart = ClauseStart(sentence, cueStart, consumedUntil);
            var left = TrimPhrase(clauseStart, cueStart);
            SpeakerLink? speaker = null;
            int speakerStart,
                speakerEnd;
            var inverted = false;
            var media = false;
            string? mediaCredit = null;
            if (left.End > left.Start && !IsOnlyPunctuation(left.Start, left.End))
            {
                (speakerStart, speakerEnd) = SpeakerSegment(left.Start, left.End);
                if (Lexicon.ShowVerbs.Contains(verb) || verb == "claimed")
                {
                    // The media noun opens the subject, whatever describes it after a comma: "The video, released on
                    // Friday, shows".
                    if (MediaSubject(left.Start, left.End).IsMedia && !MediaSubject(speakerStart, speakerEnd).IsMedia)
                    {
                        (speakerStart, speakerEnd) = (left.Start, left.End);
                    }

                    var (isMedia, by) = MediaSubject(speakerStart, speakerEnd);
                    if (!isMedia)
                    {
                        if (Lexicon.ShowVerbs.Contains(verb))
                        {
                            return null;
                        }
                    }
                    else
                    {
                        media = true;
                        mediaCredit = text[speakerStart..speakerEnd].Trim();
                        speaker = by is { } b
                            ? Resolve(b.Start, b.End, cueStart, nearestLast: false)
                            : MediaOwner(speakerStart, speakerEnd)
                                ?? EarlierRelease(sentence, speakerStart, speakerEnd)
                                ?? Publisher(speakerStart, speakerEnd);
                    }
                }

                if (!media)
                {
                    var contentFollows =
                        !RestIsShort(cueEnd, sentence.End)
                        || QuoteBeforeTouches(sentence, left.Start)
                        || sentence.Quotes.Any(q => q.Start > cueEnd);
                    (speaker, speakerStart, speakerEnd) = ResolvePhrase(
                        left.Start,
                        left.End,
                        speakerStart,
                        speakerEnd,
                        cueStart,
                        contentFollows
                    );
                }

                if (
                    speaker is null
                    && previous is not null
                    && IsParticiple(verb)
                    && IsOnlyPunctuation(left.Start, left.End)
                )
                {
                    speaker = previous.Speaker;
                }
            }
            else
            {
                // "“...,” said Budanov" / ", adding, “...”" / "X warned about ..., telling a gathering that ..."
                if (IsParticiple(verb) && (previous ?? subject) is { } before)
                {
                    speaker = previous?.Speaker ?? before.Speaker;
                    speakerStart = speakerEnd = cueStart;
                }
                else
                {
                    var phraseEnd = PhraseEnd(cueEnd, sentence.End);
                    speakerStart = SkipSpace(cueEnd);
                    speakerEnd = phraseEnd;
                    speaker = Resolve(speakerStart, speakerEnd, cueStart, nearestLast: false);
                    inverted = true;
                }
            }

            if (speaker is null)
            {
                pendingConjoined.Clear();
                return null;
            }

            subject = new Working(sentence, speaker, verb, cueEnd, cueEnd);
            if (
                !inverted && Lexicon.DenialCues.Contains(verb)
                || verb.StartsWith("confirm", StringComparison.Ordinal)
                || verb.StartsWith("acknowledg", StringComparison.Ordinal)
            )
            {
                // "Russia denies these claims", "has repeatedly denied the reports": the object only points back.
                var objectStart = SkipSpace(cueEnd);
                var comma = text.IndexOfAny([',', ';'], objectStart, Math.Max(0, sentence.End - objectStart));
                var objectEnd = TrimBack(objectStart, comma < 0 ? sentence.End : comma);
                if (IsPointer(objectStart, objectEnd))
                {
                    pendingConjoined.Clear();
                    return null;
                }
            }

            // What is said.
            int contentStart,
                contentEnd;
            int? quoteStart = null,
                quoteEnd = null;
            string? credit = null;
            var afterVerb = inverted ? speakerEnd : cueEnd;
            var (thatAt, addressee) = FindThat(afterVerb, sentence.End);
            if (addressee is { } a && IsCredit(a.Start, a.End))
            {
                credit = text[a.Start..a.End].Trim(' ', ',');
            }

            var quoteAfter = QuoteAfter(afterVerb, sentence);
            var quoteBefore = sentence.Quotes.LastOrDefault(q =>
                q.End <= (inverted ? cueStart : speakerStart) && q.Start >= sentence.Start
            );
            var quoteTouches = quoteBefore is not null && !inverted && IsOnlyPunctuation(quoteBefore.End, speakerStart);
            if (thatAt >= 0)
            {
                contentStart = SkipSpace(thatAt + 4);
                contentEnd = ContentEnd(contentStart, sentence.End);
            }
            else if (quoteTouches)
            {
                // "“A,” Lankov told the BBC, adding, “B.”" and "“A,” he said, “B.”": one quotation, interrupted by its
                // speaker.
                contentStart = sentence.Quotes.First(q => q.Start >= sentence.Start).Start;
                contentEnd = quoteAfter?.End ?? quoteBefore!.End;
                quoteStart = contentStart;
                quoteEnd = contentEnd;
            }
            else if (quoteAfter is not null && !inverted)
            {
                contentStart = quoteAfter.Start;
                contentEnd = quoteAfter.End;
                quoteStart = quoteAfter.Start;
                quoteEnd = quoteAfter.End;
            }
            else if (
                quoteBefore is not null
                && (
                    inverted || RestIsShort(afterVerb, sentence.End) || IsOnlyPunctuation(quoteBefore.End, speakerStart)
                )
            )
            {
                contentStart = sentence.Quotes.First(q => q.Start >= sentence.Start).Start;
                contentEnd = quoteBefore.End;
                quoteStart = contentStart;
                quoteEnd = contentEnd;
            }
            else if (
                speakerStart > sentence.Start + 10
                && (
                    RestIsShort(afterVerb, sentence.End)
                    || (AdverbialTail(afterVerb, sentence.End) && IsClause(sentence.Start, speakerStart))
                )
            )
            {
                // "North Korea has sent troops, the ministry said."; "..., the ministry's spokesperson, Olena Marchuk,
                // said": the
                // speaker's title before the name is no content either.
                contentStart = sentence.Start;
                contentEnd = TrimBack(sentence.Start, SpeakerPhraseStart(sentence.Start, speakerStart));
            }
            else
            {
                contentStart = SkipAdverbials(afterVerb, sentence.End);
                if (
                    verb is "told" or "tells" or "tell" or "telling"
                    && AddresseeEnd(contentStart, sentence.End) is { } told
                )
                {
                    // "told Reuters his centre had published", "told reporters the ministry was": whom it was told is
                    // not content.
                    credit ??= text[contentStart..told].Trim();
                    contentStart = SkipAdverbials(told, sentence.End);
                }

                contentEnd = ContentEnd(contentStart, sentence.End);
                if (!media && !Lexicon.ShowVerbs.Contains(verb) && !IsClauseContent(contentStart, contentEnd))
                {
                    // "warned about the direct involvement of ...", "denied the presence of ...": a noun phrase, not a
                    // statement.
                    pendingConjoined.Clear();
                    return null;
                }
            }

            if (contentEnd - contentStart < 3 || IsPointer(contentStart, contentEnd))
            {
                return null;
            }

            if (credit is null && contentEnd <= cueStart && IsCredit(afterVerb, sentence.End))
            {
                // "“...,” he told The Associated Press.": the words after the verb say whom it was told.
                credit = text[afterVerb..sentence.End].Trim(' ', ',', '.');
            }

            if (quoteStart is null)
            {
                var inner = sentence.Quotes.FirstOrDefault(q => q.Start >= contentStart && q.End <= contentEnd + 1);
                if (inner is not null)
                {
                    quoteStart = inner.Start;
                    quoteEnd = sentence
                        .Quotes.Where(q => q.Start >= contentStart && q.End <= contentEnd + 1)
                        .Max(q => q.End);
                }
            }

            if (cue.Groups["by"].Success)
            {
                credit = cue.Groups["by"].Value.Trim();
            }

            var working = new Working(sentence, speaker, verb, contentStart, contentEnd)
            {
                QuoteStart = quoteStart,
                QuoteEnd = quoteEnd,
                CueStart = cueStart,
                CueEnd = cueEnd,
                SpeakerEnd = Math.Max(speakerEnd, cueEnd),
                Credit = credit ?? mediaCredit,
                Denial = Lexicon.DenialCues.Contains(verb),
                Hedge = Lexicon.HedgeCues.Contains(verb),
                Media = media,
            };
            SplitFigures(working);
            foreach (var other in pendingConjoined)
            {
                working.Companions.Add(
                    new Working(sentence, other, verb, contentStart, working.ContentEnd)
                    {
                        QuoteStart = quoteStart,
                        QuoteEnd = quoteEnd,
                        CueStart = cueStart,
                        CueEnd = cueEnd,
                        SpeakerEnd = working.SpeakerEnd,
                        Credit = working.Credit,
                        Denial = working.Denial,
                        Hedge = working.Hedge,
                    }
                );
            }

            pendingConjoined.Clear();
            return working;
        }

        private Working? According(Sentence sentence, int cueStart, int cueEnd)
        {
            var npStart = SkipSpace(cueEnd);
            var segments = Segments(npStart, sentence.End);
            if (segments.Count == 0)
            {
                return null;
            }

            var speakerSeg = segments[0];
            var speaker = Resolve(speakerSeg.Start, speakerSeg.End, cueStart, nearestLast: false);
            if (speaker is null)
            {
                return null;
            }

            var after = 1;
            while (after < segments.Count && IsAppositive(segments[after].Start, segments[after].End))
            {
                after++;
            }

            int contentStart,
                contentEnd;
            var leading = TrimBack(sentence.Start, cueStart);
            if (leading - sentence.Start > 10)
            {
                // "A, according to X, B" or "A, according to X."
                contentStart = sentence.Start;
                contentEnd = after < segments.Count ? ContentEnd(segments[after].Start, sentence.End) : leading;
            }
            else
            {
                if (after >= segments.Count)
                {
                    return null;
                }

                contentStart = SkipSpace(segments[after].Start);
                contentEnd = ContentEnd(contentStart, sentence.End);
            }

            if (contentEnd - contentStart < 3 || IsPointer(contentStart, contentEnd))
            {
                return null;
            }

            var credit = speaker.Kind == ActorKind.MediaOutlet ? speaker.Name : null;
            var w = new Working(sentence, speaker, "according to", contentStart, contentEnd)
            {
                CueStart = cueStart,
                CueEnd = cueEnd,
                SpeakerEnd = speakerSeg.End,
                Credit = credit,
            };
            var inner = sentence.Quotes.Where(q => q.Start >= contentStart && q.End <= contentEnd + 1).ToList();
            if (inner.Count > 0)
            {
                w.QuoteStart = inner[0].Start;
                w.QuoteEnd = inner[^1].End;
            }

            SplitFigures(w);
            return w;
        }

        private bool QuoteBeforeTouches(Sentence sentence, int at) =>
            sentence.Quotes.Any(q => q.End <= at && IsOnlyPunctuation(q.End, at));

        /// <summary>Words after the verb that only say where, when or to whom ("in his evening video address on
        /// Tuesday", "a news conference in Brussels").</summary>
        private bool AdverbialTail(int from, int end)
        {
            var words = Word.Split(text, from, end);
            if (words.Count == 0)
            {
                return true;
            }

            // "said Wednesday, as Kyiv and Seoul pressed their allies", "said on Thursday, warning that": after where,
            // when and to
            // whom, a comma and a clause of the sentence's own (a conjunction or a participle) is no content of this
            // verb.
            var comma = frame.IndexOf(',', from, end - from);
            var head = comma < 0 ? words : words.Where(w => w.End <= comma).ToList();
            var tail = comma < 0 ? [] : words.Where(w => w.Start > comma).ToList();
            if (
                head.Any(w => w.Norm == "that")
                || text[from..(comma < 0 ? end : comma)].Any(c => c is '"' || ArticleLayout.IsOpeningMark(c))
            )
            {
                return false;
            }

            if (
                tail.Count > 0
                && head.All(w => w.Capitalised || char.IsDigit(w.Raw[0]) || Lexicon.CircumstanceWords.Contains(w.Norm))
                && (
                    Lexicon.Subordinators.Contains(tail[0].Norm)
                    || (tail[0].Norm.EndsWith("ing", StringComparison.Ordinal) && tail[0].Norm.Length > 4)
                )
            )
            {
                return true;
            }

            if (
                words.Any(w => w.Norm == "that") || text[from..end].Any(c => c is '"' || ArticleLayout.IsOpeningMark(c))
            )
            {
                return false;
            }

            return words[0].Norm
                    is "in"
                        or "at"
                        or "on"
                        or "during"
                        or "to"
                        or "after"
                        or "before"
                        or "while"
                        or "late"
                        or "early"
                        or "yesterday"
                        or "today"
                        or "last"
                        or "this"
                        or "earlier"
                        or "a"
                        or "an"
                        or "reporters"
                        or "journalists"
                        or "lawmakers"
                        or "via"
                        or "through"
                        or "when"
                || (words[0].Capitalised && words.Count <= 4);
        }

        /// <summary>Text that reads as a clause of its own (a verb, or long enough), not "Later, on October
        /// 18,".</summary>
        private bool IsClause(int start, int end)
        {
            var words = Word.Split(text, start, end);
            return words.Count >= 4
                && (
                    words.Count >= 7
                    || words.Any(w =>
                        IsFiniteVerb(w.Norm)
                        || w.Norm.EndsWith("ed", StringComparison.Ordinal)
                        || w.Norm is "remain" or "remains" or "shows" or "show"
                    )
                );
        }

        /// <summary>
        /// The speaker in a phrase before the verb: a person in its last part ("Reacting to the visuals, President
        /// Volodymyr Zelenskyy"), else a person opening it ("Andrei Lankov, director of the Korea Risk Group,
        /// told"), else whoever the last part names. "Seoul and Kyiv" are two speakers.
        /// </summary>
        private (SpeakerLink? Speaker, int Start, int End) ResolvePhrase(
            int leftStart,
            int leftEnd,
            int segStart,
            int segEnd,
            int cueStart,
            bool contentFollows
        )
        {
            var segments = Segments(leftStart, leftEnd);
            if (segments.Count > 1 && contentFollows && IsAppositive(segStart, segEnd))
            {
                // "Andrei Lankov, director of the Korea Risk Group and a professor at Kookmin University, told": the
                // name opens the phrase.
                var head = segments[0];
                var named = Resolve(head.Start, head.End, cueStart, nearestLast: false);
                if (named is not null)
                {
                    return (named, head.Start, head.End);
                }
            }

            var conjoined = Conjoined(segStart, segEnd, cueStart);
            if (conjoined is not null)
            {
                return (conjoined, segStart, segEnd);
            }

            var last = Resolve(segStart, segEnd, cueStart, nearestLast: true);
            if (last is { Kind: ActorKind.Person } || segments.Count <= 1 || !contentFollows)
            {
                return (last, segStart, segEnd);
            }

            var first = segments[0];
            var opening = Resolve(first.Start, first.End, cueStart, nearestLast: false);
            if (opening is { Kind: ActorKind.Person } || (opening is not null && last is null))
            {
                return (opening, first.Start, first.End);
            }

            return (last ?? Resolve(leftStart, leftEnd, cueStart, nearestLast: true), segStart, segEnd);
        }

        private readonly List<SpeakerLink> pendingConjoined = [];

        /// <summary>A negation just before the verb ("did not say", "has never publicly acknowledged", "neither
        /// confirmed nor denied").</summary>
        private bool IsNegated(Sentence sentence, int cueStart)
        {
            var words = Word.Split(text, Math.Max(sentence.Start, cueStart - 40), cueStart);
            var seen = 0;
            for (var i = words.Count - 1; i >= 0 && seen < 4; i--, seen++)
            {
                var w = words[i].Norm;
                if (
                    w is "not" or "never" or "neither" or "nor"
                    || (w == "t" && i > 0 && words[i - 1].Norm.EndsWith('n'))
                )
                {
                    return true;
                }

                if (
                    !(
                        w
                        is "has"
                            or "have"
                            or "had"
                            or "did"
                            or "does"
                            or "do"
                            or "was"
                            or "were"
                            or "is"
                            or "are"
                            or "yet"
                            or "so"
                            or "far"
                            or "also"
                            or "publicly"
                            or "officially"
                            or "explicitly"
                            or "directly"
                            or "formally"
                            or "confirmed"
                            or "t"
                            or "would"
                            or "could"
                            or "will"
                            or "can"
                    )
                )
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>The outlet named right after "according to", when it is one ("Yonhap News Agency", "The War
        /// Zone").</summary>
        private string? OutletAfter(int from, int end)
        {
            var segments = Segments(SkipSpace(from), end);
            if (segments.Count == 0)
            {
                return null;
            }

            var phrase = text[segments[0].Start..segments[0].End].Trim();
            var known = speakers.Find(segments[0].Start, segments[0].End);
            if (known.Any(k => k.Kind == ActorKind.MediaOutlet))
            {
                return known.First(k => k.Kind == ActorKind.MediaOutlet).Name;
            }

            return known.Count == 0 && Word.Split(phrase, 0, phrase.Length).Count <= 5 ? OutletIn(phrase) : null;
        }

        /// <summary>The speaker of the sentence's last verb of saying, kept for a participle after it ("..., telling a
        /// gathering that").</summary>
        private Working? subject;

        /// <summary>
        /// Content after a verb with no "that" and no quotation must be a clause ("said the troops were trained"): it
        /// has an
        /// auxiliary or modal, a past form, a verb after a name or pronoun, or "of" with a gerund ("accused North Korea
        /// of
        /// providing weapons"). A bare noun phrase ("denied the presence of troops") is not a statement.
        /// </summary>
        private bool IsClauseContent(int start, int end)
        {
            var words = Word.Split(text, start, end);
            if (words.Count == 0 || words[0].Norm is "about" or "of" or "against" or "over" or "on" or "for" or "with")
            {
                return false;
            }

            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i].Norm;
                if (
                    IsFiniteVerb(w) && words[i].Raw != "May"
                    || w is "do" or "does" or "should" or "must" or "shall" or "won" && i > 0
                    || Lexicon.IrregularPast.Contains(w)
                )
                {
                    return true;
                }

                if (i > 0 && w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
                {
                    return true;
                }

                if (i > 0 && w.EndsWith("ing", StringComparison.Ordinal) && words[i - 1].Norm == "of")
                {
                    return true;
                }

                if (
                    i > 0
                    && w.Length > 3
                    && w.EndsWith('s')
                    && !w.EndsWith("ss", StringComparison.Ordinal)
                    && words[i - 1].Norm is "he" or "she" or "it" or "this" or "that"
                )
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Ukraine and South Korea", "Washington and NATO": two speakers of one statement. The first is
        /// returned, the second waits.</summary>
        private SpeakerLink? Conjoined(int start, int end, int cueStart)
        {
            var words = Word.Split(text, start, end);
            var and = words.FindIndex(w => w.Norm == "and");
            if (and <= 0 || and == words.Count - 1 || words.Count(w => w.Norm == "and") > 1)
            {
                return null;
            }

            var a = Resolve(words[0].Start, words[and - 1].End, cueStart, nearestLast: true);
            var b = Resolve(words[and + 1].Start, end, cueStart, nearestLast: false);
            if (a is null || b is null || a.Name == b.Name)
            {
                return null;
            }

            var known = speakers.Find(start, end);
            if (known.Any(k => k.Start < words[and].Start && k.End > words[and].End))
            {
                return null; // "Centre for Strategic Communication and Information Security" is one name
            }

            pendingConjoined.Add(b);
            return a;
        }

        /// <summary>"..., which could hold as many as 4.8 million shells": a second figure in a clause of its own is a
        /// second statement.</summary>
        private void SplitFigures(Working w)
        {
            var content = text[w.ContentStart..w.ContentEnd];
            var clause = ClauseSplit().Match(content);
            if (!clause.Success)
            {
                return;
            }

            var head = FigureReader.Read(content[..clause.Index]).ToList();
            var tail = FigureReader.Read(content[clause.Index..]).ToList();
            if (head.Count == 0 || tail.Count == 0)
            {
                return;
            }

            var splitAt = w.ContentStart + clause.Index;
            var second = new Working(w.Sentence, w.Speaker, w.Verb, SkipSpace(splitAt + 1), w.ContentEnd)
            {
                CueStart = w.CueStart,
                CueEnd = w.CueEnd,
                SpeakerEnd = w.SpeakerEnd,
                Credit = w.Credit,
                Denial = w.Denial,
                Hedge = w.Hedge,
            };
            w.ContentEnd = TrimBack(w.ContentStart, splitAt);
            w.Companions.Add(second);
        }

        /// <summary>"An Associated Press analysis of satellite images", "BBC footage": the outlet or actor named before
        /// the media noun.</summary>
        private SpeakerLink? MediaOwner(int start, int end)
        {
            var words = Word.Split(text, start, end);
            var mediaAt = words.FindIndex(w => Lexicon.MediaNouns.Contains(w.Norm));
            if (mediaAt <= 0)
            {
                return null;
            }

            var owner = speakers.Find(words[0].Start, words[mediaAt - 1].End).FirstOrDefault();
            if (owner is not null)
            {
                return IsPublisher(owner.Name) ? Publisher(start, end) : owner with { Link = SpeakerLinkKind.Media };
            }

            var outlet = OutletIn(text[words[0].Start..words[mediaAt - 1].End]);
            return outlet is not null && IsPublisher(outlet) ? Publisher(start, end) : null;
        }

        /// <summary>
        /// "The video, released on Friday, shows": a definite video with no owner is the one the two sentences before
        /// say
        /// someone released ("his centre had published a video"); "his centre" is the organisation that person speaks
        /// for.
        /// </summary>
        private SpeakerLink? EarlierRelease(Sentence sentence, int start, int end)
        {
            var words = Word.Split(text, start, end);
            if (words.Count == 0 || words[0].Norm != "the" || sentence.Index == 0)
            {
                return null;
            }

            var from = layout.Sentences[Math.Max(0, sentence.Index - 2)].Start;
            var release = ReleasePattern().Matches(text[from..sentence.Start]).LastOrDefault();
            if (release is null)
            {
                return null;
            }

            var subjectStart = from + release.Groups["subject"].Index;
            var subjectEnd = subjectStart + release.Groups["subject"].Length;
            if (release.Groups["possessive"].Success)
            {
                var person = speakers.LastPerson(subjectStart);
                var noun = release.Groups["noun"].Value.ToLowerInvariant();
                var organisation = person?.ActorId is { } id
                    ? gazetteer
                        .Affiliations(id)
                        .Where(a => a.Affiliation.SpeaksFor)
                        .Select(a => a.Organisation)
                        .OrderByDescending(o =>
                            Gazetteer
                                .NameWords(o.Name)
                                .Any(w => w.StartsWith(noun[..Math.Min(4, noun.Length)], StringComparison.Ordinal))
                        )
                        .FirstOrDefault()
                    : null;
                return organisation is null
                    ? null
                    : SpeakerResolver.Link(organisation, text[start..end].Trim(), start, end, SpeakerLinkKind.Media);
            }

            var releaser = Resolve(subjectStart, subjectEnd, subjectEnd, nearestLast: true);
            return releaser is null
                ? null
                : releaser with
                {
                    Link = SpeakerLinkKind.Media,
                    Mention = text[start..end].Trim(),
                    Start = start,
                    End = end,
                };
        }

        private SpeakerLink? Publisher(int start, int end) =>
            facts.PublisherName is null && facts.PublisherId is null
                ? new SpeakerLink(
                    text[start..end].Trim(),
                    start,
                    end,
                    SpeakerLinkKind.Media,
                    null,
                    "@publisher",
                    ActorKind.MediaOutlet,
                    null
                )
                : new SpeakerLink(
                    text[start..end].Trim(),
                    start,
                    end,
                    SpeakerLinkKind.Media,
                    facts.PublisherId,
                    facts.PublisherName ?? "@publisher",
                    ActorKind.MediaOutlet,
                    null
                );

        /// <summary>Links a speaker phrase; null when it names nobody identifiable.</summary>
        private SpeakerLink? Resolve(int start, int end, int cueAt, bool nearestLast)
        {
            var words = Word.Split(text, start, end);
            if (words.Count == 0)
            {
                return null;
            }

            var first = words[0].Norm;
            if (words.Count <= 2 && first is "he" or "she")
            {
                return speakers.LastPerson(start) is { } p
                    ? p with
                    {
                        Mention = words[0].Raw,
                        Start = words[0].Start,
                        End = words[0].End,
                        Link = SpeakerLinkKind.Pronoun,
                    }
                    : null;
            }

            if (
                first is "it"
                && Word.Split(text, words[0].End, cueAt)
                    .Any(w => w.Norm is "was" or "is" or "has" or "had" or "been" or "be")
            )
            {
                return null; // "It was reported that", "it is believed": nobody speaks
            }

            if (words.Count <= 2 && first is "it")
            {
                return speakers.LastOrganisation(start) is { } o
                    ? o with
                    {
                        Mention = words[0].Raw,
                        Start = words[0].Start,
                        End = words[0].End,
                        Link = SpeakerLinkKind.Pronoun,
                    }
                    : null;
            }

            if (first is "they" or "we" or "i" or "you" or "one")
            {
                return null;
            }

            // "Netanyahu's office", "Zelenskyy's office": the office the person speaks for, else a new one named for
            // them.
            var owned = words.FindLastIndex(w =>
                w.End + 1 < text.Length && text[w.End] is '\'' or '\u2019' && text[w.End + 1] == 's'
            );
            if (
                owned >= 0
                && owned + 1 < words.Count
                && words
                    .Skip(owned + 1)
                    .All(w =>
                        w.Norm is "office" or "press" or "administration" or "government" or "cabinet" or "secretariat"
                    )
                && Resolve(words[0].Start, words[owned].End, cueAt, nearestLast) is { Kind: ActorKind.Person } owner
            )
            {
                var office = owner.ActorId is { } id
                    ? gazetteer
                        .Affiliations(id, facts.Published?.Latest)
                        .Where(a => a.Affiliation.SpeaksFor)
                        .Select(a => a.Organisation)
                        .FirstOrDefault()
                    : null;
                return office is not null
                    ? SpeakerResolver.Link(office, text[start..end].Trim(), start, end, SpeakerLinkKind.Title)
                    : new SpeakerLink(
                        text[start..end].Trim(),
                        start,
                        end,
                        SpeakerLinkKind.New,
                        null,
                        $"Office of {owner.Name}",
                        ActorKind.GovernmentBody,
                        null
                    );
            }

            // "a statement from the ministry", "a post by the agency": whoever made it.
            var from = words.FindIndex(w => w.Norm is "from" or "by" or "of");
            if (
                from is > 0 and <= 3
                && words.Take(from).Any(w => Lexicon.Documents.Contains(w.Norm))
                && from + 1 < words.Count
            )
            {
                return Resolve(words[from + 1].Start, end, cueAt, nearestLast);
            }

            var known = speakers.Find(start, end);
            var countries = speakers.Countries(start, end);
            var person = nearestLast
                ? known.LastOrDefault(k => k.Kind == ActorKind.Person)
                : known.FirstOrDefault(k => k.Kind == ActorKind.Person);
            if (person is not null)
            {
                return person;
            }

            var fresh = speakers.NewName(start, end, nearestLast);
            if (fresh is { Kind: ActorKind.Person } && !known.Any(k => k.Start <= fresh.Start && k.End >= fresh.End))
            {
                return fresh;
            }

            var title = speakers.Title(start, end, known, countries);
            if (title is not null)
            {
                return title;
            }

            var organisation = known.FirstOrDefault(k => k.Kind != ActorKind.Person);
            if (organisation is not null)
            {
                return organisation;
            }

            var head = words[^1].Norm;
            var vague = words.Any(w => Lexicon.VagueHeads.Contains(w.Norm));
            if (vague)
            {
                // "US officials", "South Korean officials": the country speaks; "experts say": nobody identifiable.
                var vagueAt = words.FindIndex(w => Lexicon.VagueHeads.Contains(w.Norm));
                var country = countries.FirstOrDefault(c =>
                    vagueAt > 0
                    && c.End == words[vagueAt - 1].End
                    && words[vagueAt].Norm is "officials" or "authorities"
                );
                return country.Code is null
                    ? null
                    : speakers.CountryGovernment(country.Code, text[start..end].Trim(), start, end);
            }

            if (
                Lexicon.AnaphorHeads.Contains(head)
                && words.Count <= 4
                && first is "the" or "a" or "its" or "an" or "that"
            )
            {
                var anaphor = speakers.Anaphor(head, start, start, end);
                if (anaphor is not null)
                {
                    return anaphor;
                }
            }

            var partial = speakers.PartialOrganisation(start, end);
            if (partial is not null)
            {
                return partial;
            }

            if (fresh is not null)
            {
                return fresh;
            }

            if (countries.Count > 0 && CountryBody(start, end, words, countries) is { } body)
            {
                return body;
            }

            if (
                countries.Count > 0
                && words.Count <= 5
                && !words.Any(w => Lexicon.RoleNouns.Contains(w.Norm) || Lexicon.BodyNouns.Contains(w.Norm))
            )
            {
                var c = countries[0];
                return speakers.CountryGovernment(c.Code, text[c.Start..c.End], c.Start, c.End);
            }

            return null;
        }

        /// <summary>
        /// A country's body the database does not know: "Russia's embassy in Seoul" is the Russian Embassy in Seoul,
        /// "North
        /// Korea's foreign ministry" the North Korean Foreign Ministry (a new actor, named with the country's
        /// adjective).
        /// </summary>
        private SpeakerLink? CountryBody(
            int start,
            int end,
            List<Word> words,
            List<(string Code, int Start, int End)> countries
        )
        {
            var country = countries[0];
            var after = words.FindIndex(w => w.Start >= country.End);
            if (
                after < 0
                || words.Count > 8
                || words.Take(after).Any(w => w.End <= country.Start && w.Norm is not ("the" or "a"))
            )
            {
                return null;
            }

            var rest = words.Skip(after).ToList();
            var body = rest.FindIndex(w => Lexicon.BodyNouns.Contains(w.Norm));
            if (
                body < 0
                || rest.Take(body).Any(w => !Lexicon.BodyModifiers.Contains(w.Norm))
                || rest.Any(w => Lexicon.RoleNouns.Contains(w.Norm))
            )
            {
                return null;
            }

            var tail = rest.Skip(body + 1).ToList();
            if (
                tail.Count > 0
                && !(tail[0].Norm is "in" or "to" or "at" && tail.Count >= 2 && tail.Skip(1).All(w => w.Capitalised))
            )
            {
                tail = [];
            }

            var named = rest.Take(body + 1).Select(w => char.ToUpperInvariant(w.Raw[0]) + w.Raw[1..]).ToList();
            var name =
                SpeakerResolver.Demonym(country.Code)
                + " "
                + string.Join(' ', named)
                + (tail.Count > 0 ? " " + text[tail[0].Start..tail[^1].End] : string.Empty);
            var kind = rest.Any(w =>
                w.Norm is "army" or "navy" or "force" or "forces" or "staff" or "guard" or "military"
            )
                ? ActorKind.Military
                : ActorKind.GovernmentBody;
            return new SpeakerLink(text[start..end].Trim(), start, end, SpeakerLinkKind.New, null, name, kind, null);
        }

        /// <summary>Where the speaker's phrase begins when it follows the content: short parts without a verb before
        /// the name are its title.</summary>
        private int SpeakerPhraseStart(int from, int speakerStart)
        {
            var segments = Segments(from, speakerStart);
            var at = speakerStart;
            for (var k = segments.Count - 1; k > 0; k--)
            {
                var words = Word.Split(text, segments[k].Start, segments[k].End);
                if (words.Count == 0)
                {
                    continue;
                }

                if (words.Count > 6 || IsClauseContent(segments[k].Start, segments[k].End))
                {
                    break;
                }

                at = segments[k].Start;
            }

            return at;
        }

        /// <summary>The part of a speaker phrase that names the speaker: after the last comma, unless the phrase ends
        /// in an appositive ("X, a lecturer at Y,").</summary>
        private (int Start, int End) SpeakerSegment(int start, int end)
        {
            var segments = Segments(start, end);
            if (segments.Count <= 1)
            {
                return (start, end);
            }

            var endsWithComma = text[start..end].TrimEnd().EndsWith(',');
            if (!endsWithComma)
            {
                var last = segments[^1];
                if (Word.Split(text, last.Start, last.End).Count > 0)
                {
                    return (last.Start, last.End);
                }
            }

            return (start, end);
        }

        private List<(int Start, int End)> Segments(int start, int end)
        {
            var list = new List<(int, int)>();
            var from = start;
            var depth = 0;
            for (var i = start; i < end; i++)
            {
                var c = frame[i];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (
                    c is ',' or ';' or ':'
                    && depth == 0
                    && !(i > 0 && i + 1 < end && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
                )
                {
                    if (Word.Split(text, from, i).Count > 0)
                    {
                        list.Add((from, i));
                    }

                    from = i + 1;
                }
            }

            if (Word.Split(text, from, end).Count > 0)
            {
                list.Add((from, end));
            }

            return list;
        }

        private bool IsAppositive(int start, int end)
        {
            var words = Word.Split(text, start, end);
            if (words.Count == 0)
            {
                return true;
            }

            var first = words[0];
            if (first.Norm is "who" or "whose" or "whom" or "which")
            {
                return true; // a relative clause about the name before it: "Shin Won-sik, who was defence minister until September,"
            }

            var verbs = new[]
            {
                "is",
                "are",
                "was",
                "were",
                "has",
                "have",
                "had",
                "will",
                "would",
                "could",
                "can",
                "may",
                "might",
                "helps",
                "help",
                "shows",
            };
            if (words.Any(w => verbs.Contains(w.Norm)))
            {
                return false;
            }

            // A description opens with an article, a title or a role ("a lecturer at", "director of", "head of");
            // "about 12,000
            // soldiers remain" opens a clause.
            if (
                !(
                    first.Norm is "the" or "a" or "an" or "its" or "his" or "her" or "their"
                    || Lexicon.TitleWords.Contains(first.Norm)
                    || Lexicon.RoleNouns.Contains(first.Norm)
                )
            )
            {
                return false;
            }

            // A title with a name in it is the speaker, not a description of one: "South Korea's Defence Minister Kim
            // Yong-hyun".
            return !speakers.Find(start, end).Any(k => k.Kind == ActorKind.Person)
                && speakers.NewName(start, end, nearestLast: true) is not { Kind: ActorKind.Person };
        }

        private (bool IsMedia, (int Start, int End)? By) MediaSubject(int start, int end)
        {
            var words = Word.Split(text, start, end);
            var mediaAt = words.FindIndex(w => Lexicon.MediaNouns.Contains(w.Norm));
            if (mediaAt < 0 || mediaAt > 3)
            {
                return (false, null);
            }

            var byAt = words.FindIndex(mediaAt, w => w.Norm is "by" or "from");
            if (byAt >= 0 && byAt + 1 < words.Count)
            {
                return (true, (words[byAt + 1].Start, end));
            }

            return (true, null);
        }

        private int ClauseStart(Sentence sentence, int cueStart, int consumedUntil)
        {
            var start = Math.Max(sentence.Start, consumedUntil);
            // After a closing quotation mark: "“...,” Budanov told".
            for (var i = cueStart - 1; i >= start; i--)
            {
                if (
                    ArticleLayout.IsClosingMark(text[i])
                    || (text[i] == '"' && frame[i] == '"' && i > 0 && frame[i - 1] == Masked)
                )
                {
                    return i + 1;
                }

                if (frame[i] == Masked)
                {
                    return i + 1;
                }

                if (text[i] == ';')
                {
                    return i + 1;
                }
            }

            return start;
        }

        /// <summary>Drops what comes before the subject: "While", "But", "Later, on October 18,", auxiliaries after it
        /// ("has also", "was quoted as").</summary>
        private (int Start, int End) TrimPhrase(int start, int end)
        {
            var words = Word.Split(text, start, end);
            var s = 0;
            while (
                s < words.Count
                && words[s].Norm
                    is "while"
                        or "but"
                        or "and"
                        or "however"
                        or "meanwhile"
                        or "also"
                        or "with"
                        or "as"
                        or "though"
                        or "although"
                        or "when"
                        or "so"
                        or "yet"
                        or "still"
                        or "even"
                        or "if"
            )
            {
                s++;
            }

            var e = words.Count;
            while (e > s + 1 && DateTail(words, e) is var cut && cut > 0)
            {
                e -= cut;
            }

            while (
                e > s
                && words[e - 1].Norm
                    is "both"
                        or "jointly"
                        or "each"
                        or "together"
                        or "all"
                        or "has"
                        or "have"
                        or "had"
                        or "also"
                        or "further"
                        or "later"
                        or "again"
                        or "once"
                        or "then"
                        or "was"
                        or "were"
                        or "is"
                        or "are"
                        or "quoted"
                        or "as"
                        or "been"
                        or "reportedly"
                        or "separately"
                        or "previously"
                        or "earlier"
                        or "repeatedly"
                        or "publicly"
                        or "can"
                        or "be"
                        or "heard"
                        or "will"
                        or "would"
                        or "did"
                        or "does"
                        or "not"
                        or "had"
                        or "recently"
                        or "flatly"
                        or "strongly"
                        or "firmly"
                        or "categorically"
                        or "immediately"
            )
            {
                e--;
            }

            if (e <= s)
            {
                return (end, end);
            }

            return (words[s].Start, words[e - 1].End);
        }

        /// <summary>How many words at the end are a time ("on Monday", "yesterday", "in March", "on Oct. 8", "last
        /// week"), 0 if none.</summary>
        private static int DateTail(List<Word> words, int e)
        {
            var last = words[e - 1].Norm;
            string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            if (last is "yesterday" or "today" or "earlier" or "later")
            {
                return 1;
            }

            if (
                e >= 2
                && (days.Contains(last) || DateReader.MonthNumber(last) is not null && words[e - 1].Capitalised)
                && words[e - 2].Norm is "on" or "in" or "last" or "this"
            )
            {
                return 2;
            }

            if (
                e >= 3
                && char.IsDigit(last[0])
                && DateReader.MonthNumber(words[e - 2].Raw) is not null
                && words[e - 3].Norm is "on" or "in"
            )
            {
                return 3;
            }

            if (e >= 2 && last is "week" or "month" or "year" && words[e - 2].Norm is "last" or "this")
            {
                return 2;
            }

            return 0;
        }

        private bool IsOnlyPunctuation(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsParticiple(string verb) =>
            verb.EndsWith("ing", StringComparison.Ordinal) || verb is "added" or "said";

        /// <summary>"told The War Zone that", "said in parliament that": the "that" within a few words after the verb,
        /// and whom it was told to.</summary>
        private (int That, (int Start, int End)? Addressee) FindThat(int from, int end)
        {
            var words = Word.Split(text, from, Math.Min(end, from + 140));
            for (var i = 0; i < words.Count && i < 12; i++)
            {
                if (frame[words[i].Start] == Masked)
                {
                    break;
                }

                if (words[i].Norm == "that")
                {
                    var addressee = i > 0 ? (from, words[i].Start) : ((int, int)?)null;
                    return (words[i].Start, addressee);
                }

                if (
                    (i > 0 && IsFiniteVerb(words[i].Norm) && words[i].Raw != "May")
                    || Lexicon.CueVerbs.Contains(words[i].Norm)
                )
                {
                    break; // a clause of its own, or another verb of saying ("told Reuters, adding that"): no "that" for this verb
                }
            }

            // "told Al Jazeera, “...”": the addressee ends at the comma or colon.
            var comma = text.IndexOfAny([',', ':'], from, Math.Min(end, from + 60) - from);
            while (comma > 0 && comma + 1 < end && char.IsDigit(text[comma - 1]) && char.IsDigit(text[comma + 1]))
            {
                comma = text.IndexOfAny([',', ':'], comma + 1, Math.Max(0, Math.Min(end, from + 60) - comma - 1)); // "3,000" is a number
            }

            if (comma > from && Word.Split(text, from, comma).Count is > 0 and <= 6)
            {
                return (-1, (from, comma));
            }

            return (-1, null);
        }

        private static bool IsFiniteVerb(string word) =>
            word
                is "is"
                    or "are"
                    or "was"
                    or "were"
                    or "has"
                    or "have"
                    or "had"
                    or "will"
                    or "would"
                    or "could"
                    or "can"
                    or "may"
                    or "might"
                    or "should"
                    or "did";

        private QuoteSpan? QuoteAfter(int from, Sentence sentence)
        {
            var next = sentence.Quotes.FirstOrDefault(q => q.Start >= from);
            if (next is null)
            {
                return null;
            }

            // Only punctuation and at most a few words (the addressee) between the verb and the quotation.
            var between = Word.Split(text, from, next.Start - 1);
            return
                between.Count <= 6 && text[from..(next.Start - 1)].Contains(',', StringComparison.Ordinal)
                || between.Count == 0
                || text[from..next.Start].Contains(':', StringComparison.Ordinal)
                ? sentence
                    .Quotes.Where(q => q.Start >= from)
                    .Aggregate(
                        next,
                        (a, b) => b.Start - a.End < 6 && IsOnlyPunctuation(a.End, b.Start) ? a with { End = b.End } : a
                    )
                : null;
        }

        /// <summary>Words after a verb that credit an outlet, a listener or a venue ("The Associated Press",
        /// "reporters", "in a statement"), not "separately".</summary>
        private bool IsCredit(int start, int end)
        {
            if (end <= start)
            {
                return false;
            }

            var phrase = text[start..end];
            var words = Word.Split(text, start, end);
            return OutletIn(phrase) is not null
                || words.Any(w => Lexicon.Listeners.Contains(w.Norm))
                || Lexicon.Venue(phrase) is { Length: > 4 }
                || words.Any(w => w.Capitalised && DateReader.MonthNumber(w.Raw) is null && !IsWeekday(w.Norm));
        }

        /// <summary>The end of whom something was told, right after "told": a name in capitals ("Reuters", "The War
        /// Zone") or a listener ("reporters", "state television").</summary>
        private int? AddresseeEnd(int from, int end)
        {
            var words = Word.Split(text, from, Math.Min(end, from + 80));
            if (words.Count < 2)
            {
                return null;
            }

            var i = 0;
            if (words[0].Capitalised && !Lexicon.Pronouns.Contains(words[0].Norm))
            {
                while (
                    i + 1 < words.Count
                    && (words[i + 1].Capitalised || words[i + 1].Raw.All(char.IsUpper))
                    && text[words[i].End..words[i + 1].Start].Trim().Length == 0
                )
                {
                    i++;
                }

                // The listener ends where a known actor or outlet named first ends ("told Reuters North Korea had
                // ...").
                var first = speakers
                    .Find(words[0].Start, words[i].End)
                    .FirstOrDefault(k => k.Start == words[0].Start || k.Start == words[Math.Min(1, i)].Start);
                if (first is not null)
                {
                    return first.End;
                }

                var outlet = OutletIn(text[words[0].Start..words[i].End]);
                if (outlet is not null)
                {
                    var at = text.IndexOf(outlet, words[0].Start, StringComparison.Ordinal);
                    return at >= 0 ? at + outlet.Length : null;
                }

                return i + 1 < words.Count && i < 3 && speakers.Countries(words[0].Start, words[i].End).Count == 0
                    ? words[i].End
                    : null;
            }

            if (
                words[0].Norm
                is "the"
                    or "a"
                    or "an"
                    or "local"
                    or "state"
                    or "foreign"
                    or "visiting"
                    or "reporters"
                    or "journalists"
                    or "lawmakers"
                    or "parliament"
            )
            {
                for (i = 0; i < Math.Min(words.Count - 1, 4); i++)
                {
                    if (Lexicon.Listeners.Contains(words[i].Norm))
                    {
                        return words[i].End;
                    }
                }
            }

            return null;
        }

        private bool OpensQuote(int at) =>
            at < text.Length && (ArticleLayout.IsOpeningMark(text[at]) || text[at] == '"');

        private bool RestIsShort(int from, int end)
        {
            var words = Word.Split(text, from, end).Where(w => frame[w.Start] != Masked).ToList();
            return words.Count <= 3
                || words.All(w =>
                    w.Norm
                        is "on"
                            or "in"
                            or "a"
                            or "an"
                            or "the"
                            or "statement"
                            or "earlier"
                            or "later"
                            or "last"
                            or "week"
                            or "to"
                            or "reporters"
                            or "told"
                            or "at"
                            or "briefing"
                            or "friday"
                            or "monday"
                            or "tuesday"
                            or "wednesday"
                            or "thursday"
                            or "saturday"
                            or "sunday"
                    || w.Capitalised
                );
        }

        private int PhraseEnd(int from, int end)
        {
            // "said Joseph S Bermudez Jr, a North Korea defence expert at the Center ..., said." : name plus
            // appositive, to the end or the next verb.
            var segments = Segments(from, end);
            if (segments.Count == 0)
            {
                return end;
            }

            var last = segments[0].End;
            for (var i = 1; i < segments.Count && IsAppositive(segments[i].Start, segments[i].End); i++)
            {
                last = segments[i].End;
            }

            return last;
        }

        /// <summary>The content runs to the end of the sentence, or to the comma before another speaker's verb ("...,
        /// Russia denies these claims").</summary>
        private int ContentEnd(int start, int end)
        {
            var stop = end;
            for (var m = CuePattern().Match(frame, start, Math.Max(0, end - start)); m.Success; m = m.NextMatch())
            {
                var verb = m.Groups["cue"].Value;
                if (Lexicon.WeakCues.Contains(verb) || verb.StartsWith("according", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var comma = frame.LastIndexOf(',', m.Index, m.Index - start);
                if (comma <= start)
                {
                    continue;
                }

                var subject = Word.Split(text, comma + 1, m.Index);
                if (
                    subject.Count is > 0 and <= 6
                    && subject.Any(w => w.Capitalised || Lexicon.Pronouns.Contains(w.Norm))
                    && !subject.Any(w => w.Norm is "who" or "which" or "that")
                )
                {
                    stop = comma;
                    break;
                }

                if (subject.Count == 0 && IsParticiple(verb.ToLowerInvariant()))
                {
                    stop = comma;
                    break;
                }
            }

            return TrimBack(start, stop);
        }

        private int TrimBack(int start, int end)
        {
            while (
                end > start
                && (
                    char.IsWhiteSpace(text[end - 1])
                    || text[end - 1] is ',' or '.' or ';' or ':'
                    || ArticleLayout.IsClosingMark(text[end - 1])
                    || text[end - 1] == '"'
                )
            )
            {
                end--;
            }

            return end;
        }

        private int SkipSpace(int from)
        {
            while (from < text.Length && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            return from;
        }

        private string NextWord(int from)
        {
            var words = Word.Split(text, from, Math.Min(text.Length, from + 30));
            return words.Count == 0 ? string.Empty : words[0].Norm;
        }

        private int SkipAdverbials(int from, int end)
        {
            var at = SkipSpace(from);
            // "said on Tuesday it could not ...", "said Wednesday that": the time of saying is not content.
            var date = DateReader.Read(text[at..Math.Min(end, at + 40)], facts.Published, at).FirstOrDefault();
            var lead = date is null ? null : text[at..date.Start].Trim();
            if (date is not null && lead is "" or "on" or "in" or "On" or "In")
            {
                at = SkipSpace(date.End);
                while (at < end && text[at] is ',' or ' ')
                {
                    at++;
                }
            }

            var words = Word.Split(text, at, end);
            var i = 0;
            while (
                i < words.Count
                && i < 6
                && words[i].Norm
                    is "on"
                        or "in"
                        or "at"
                        or "last"
                        or "earlier"
                        or "later"
                        or "this"
                        or "to"
                        or "reporters"
                        or "week"
                        or "yesterday"
                        or "today"
                        or "a"
                        or "an"
                        or "the"
                        or "statement"
                        or "briefing"
                        or "interview"
            )
            {
                i++;
            }

            if (
                i > 0
                && i < words.Count
                && text[words[i - 1].End..words[i].Start].Contains(',', StringComparison.Ordinal)
            )
            {
                return words[i].Start;
            }

            while (at < end && text[at] is ',' or ':' or ' ')
            {
                at++;
            }

            return at;
        }

        /// <summary>Content that only points back ("these claims", "it", "the reports") says nothing of its
        /// own.</summary>
        private bool IsPointer(int start, int end)
        {
            var words = Word.Split(text, start, end);
            return words.Count <= 3
                && words.Count > 0
                && words[0].Norm is "these" or "those" or "this" or "that" or "it" or "the" or "such" or "them" or "so"
                && !IsClauseContent(start, end); // "It will hold" says something
        }

        private DraftStatement? Finish(Working w, int number)
        {
            if (w.ContentEnd <= w.ContentStart)
            {
                return null;
            }

            while (w.ContentEnd > w.ContentStart && text[w.ContentEnd - 1] is ',' or ';' or ':' or ' ')
            {
                w.ContentEnd--; // "“We will hold the line,” said": the comma belongs to the sentence, not to what was said
            }

            var content = TextQuoteSelector.For(text, w.ContentStart, w.ContentEnd);
            TextQuoteSelector? quote = null;
            while (
                w.QuoteEnd is { } end
                && w.QuoteStart is { } begin
                && end > begin
                && text[end - 1] is ',' or ';' or ':' or ' '
            )
            {
                w.QuoteEnd = end - 1;
            }

            if (w.QuoteStart is { } qs && w.QuoteEnd is { } qe && qe > qs)
            {
                quote = TextQuoteSelector.For(text, qs, qe);
            }

            var contentText = content.Exact;
            var lower = contentText.ToLowerInvariant();
            var frameAround = text[w.Sentence.Start..w.Sentence.End].ToLowerInvariant();
            var (stance, cue) = StanceOf(w, lower, frameAround);
            var figure = FigureReader.Read(contentText, w.ContentStart).FirstOrDefault();
            var period = DateReader.Period(contentText, facts.Published);
            var antecedent = Antecedent(w);
            var statedOn = StatedOn(w, antecedent);
            var places = Places(contentText);
            var previousSentence = w.Sentence.Index > 0 ? layout.Sentences[w.Sentence.Index - 1] : null;
            var context =
                FrameText(w.Sentence.Start, w.Sentence.End)
                + " "
                + (previousSentence is null ? string.Empty : text[previousSentence.Start..previousSentence.End]);
            var propositions = ranker.Rank(contentText, figure, context, topic);
            var role = Role(w, antecedent, statedOn, out var credit);
            w.ResolvedRole = role;
            w.ResolvedCredit = credit;
            w.ResolvedStatedOn = statedOn;
            var behalf = OnBehalfOf(w.Speaker, statedOn);
            var confidence = Confidence(w, contentText);
            return new DraftStatement
            {
                Number = number,
                Speaker = w.Speaker,
                OnBehalfOfId = behalf?.Id,
                OnBehalfOfName = behalf?.Name,
                Stance = stance,
                Cue = cue,
                Content = content,
                Quote = quote,
                Figure = figure,
                EventStart = period?.Start,
                EventEnd = period?.End,
                StatedOn = statedOn,
                PlaceIds = places,
                Propositions = propositions,
                CitationRole = role,
                CreditedTo = credit,
                Confidence = confidence,
                Sentence = w.Sentence.Index,
            };
        }

        private static (Stance, string) StanceOf(Working w, string content, string sentence)
        {
            if (w.Denial)
            {
                return (Stance.Denies, w.Verb);
            }

            foreach (var phrase in Lexicon.HedgePhrases)
            {
                if (
                    HasPhrase(content, phrase)
                    || (HasPhrase(sentence, phrase) && !HasPhrase(content, phrase) && PhraseNearCue(sentence, phrase))
                )
                {
                    return (Stance.Hedges, phrase);
                }
            }

            foreach (var phrase in Lexicon.DenialPhrases)
            {
                if (HasPhrase(content, phrase))
                {
                    return (Stance.Denies, phrase);
                }
            }

            if (w.Hedge)
            {
                return (Stance.Hedges, w.Verb);
            }

            // A modal as the main verb of the content: "North Korea might support ...". Only the first clause counts.
            var firstClause = content.Split(',', '.', ';')[0];
            var words = Gazetteer.Words(firstClause).Take(10).ToList();
            foreach (var word in words)
            {
                if (Lexicon.HedgeModals.Contains(word))
                {
                    return (Stance.Hedges, word);
                }
            }

            return (Stance.Affirms, w.Verb);
        }

        /// <summary>
        /// The phrase as whole words ("lies" is not in "supplies", "there are no" not in "there are now"); "lies"
        /// followed by a
        /// preposition is the verb ("the threat lies in"), not a denial.
        /// </summary>
        private static bool HasPhrase(string text, string phrase)
        {
            for (
                var at = text.IndexOf(phrase, StringComparison.Ordinal);
                at >= 0;
                at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal)
            )
            {
                var end = at + phrase.Length;
                if (
                    (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                    || (end < text.Length && char.IsLetterOrDigit(text[end]))
                )
                {
                    continue;
                }

                if (
                    phrase == "lies"
                    && Gazetteer.Words(text[end..Math.Min(text.Length, end + 12)]).FirstOrDefault()
                        is "in"
                            or "at"
                            or "with"
                            or "on"
                            or "behind"
                            or "ahead"
                            or "beyond"
                            or "between"
                            or "within"
                            or "outside"
                            or "near"
                            or "along"
                )
                {
                    continue;
                }

                return true;
            }

            return false;
        }

        /// <summary>The alias as a whole word of the phrase, in its own case ("AP" in "told AP", not in
        /// "APC").</summary>
        private static bool HasWord(string phrase, string word)
        {
            for (
                var at = phrase.IndexOf(word, StringComparison.Ordinal);
                at >= 0;
                at = phrase.IndexOf(word, at + 1, StringComparison.Ordinal)
            )
            {
                var end = at + word.Length;
                if (
                    (at == 0 || !char.IsLetterOrDigit(phrase[at - 1]))
                    && (end == phrase.Length || !char.IsLetterOrDigit(phrase[end]))
                )
                {
                    return true;
                }
            }

            return false;
        }

        private static bool PhraseNearCue(string sentence, string phrase) =>
            phrase.Contains("confirm", StringComparison.Ordinal)
            || phrase.Contains("rule out", StringComparison.Ordinal);

        /// <summary>
        /// The statement this one goes on from: the same speaker's last statement in the three sentences before, when
        /// this one points back to it ("he said", "the agency said", "Budanov said", "in the same address") and its
        /// verb is not in the present tense ("the agency believes" is the speaker's view as the article goes out).
        /// </summary>
        private Working? Antecedent(Working w)
        {
            if (Lexicon.PresentTenseCues.Contains(w.Verb))
            {
                return null;
            }

            var pointsBack =
                w.Speaker.Link is SpeakerLinkKind.Pronoun or SpeakerLinkKind.Anaphor or SpeakerLinkKind.Surname
                || SamePattern().IsMatch(FrameText(w.Sentence.Start, w.ContentStart));
            if (!pointsBack || Setting(w) is not null)
            {
                return null;
            }

            var antecedent = found.LastOrDefault(f =>
                f != w
                && f.ResolvedRole is not null
                && f.Sentence.Index < w.Sentence.Index
                && f.Sentence.Index >= w.Sentence.Index - 3
                && SameSpeaker(f.Speaker, w.Speaker)
            );
            var own = DateIn(w.Sentence, w);
            return
                antecedent is not null
                && (own is null || own.ToIsoString() == antecedent.ResolvedStatedOn?.ToIsoString())
                ? antecedent
                : null;
        }

        /// <summary>
        /// The sentence that sets the scene for a pronoun's statement when no statement of the speaker comes before it:
        /// "On Tuesday, during his daily call with reporters, Peskov had been more dismissive. “...,” he said."
        /// </summary>
        private Sentence? Setting(Working w)
        {
            if (
                w.Speaker.Link is not (SpeakerLinkKind.Pronoun or SpeakerLinkKind.Anaphor or SpeakerLinkKind.Surname)
                || w.Sentence.Index == 0
                || Lexicon.PresentTenseCues.Contains(w.Verb)
            )
            {
                return null;
            }

            var previous = layout.Sentences[w.Sentence.Index - 1];
            if (found.Any(f => f.Sentence.Index == previous.Index))
            {
                return null;
            }

            var named = speakers.Find(previous.Start, previous.End);
            return named.Any(n => SameSpeaker(n, w.Speaker) || SpeaksFor(n, w.Speaker)) ? previous : null;
        }

        /// <summary>True when the person <paramref name="member"/> speaks for the organisation <paramref
        /// name="organisation"/> ("Yoon chaired a meeting. A statement later said").</summary>
        private bool SpeaksFor(SpeakerLink member, SpeakerLink organisation) =>
            member.ActorId is { } m
            && organisation.ActorId is { } o
            && gazetteer.Affiliations(m).Any(a => a.Affiliation.SpeaksFor && a.Organisation.Id == o);

        private static bool SameSpeaker(SpeakerLink a, SpeakerLink b) =>
            a.ActorId is { } id ? id == b.ActorId : b.ActorId is null && Gazetteer.Key(a.Name) == Gazetteer.Key(b.Name);

        /// <summary>When the speaker said it: a date in the sentence outside the content, else the date of the
        /// statement it goes on from, else the article's.</summary>
        private PartialDate? StatedOn(Working w, Working? antecedent)
        {
            var date = DateIn(w.Sentence, w);
            if (date is not null)
            {
                return date;
            }

            if (antecedent is not null)
            {
                return antecedent.ResolvedStatedOn;
            }

            if (Setting(w) is { } setting && DateIn(setting, null) is { } set)
            {
                return set;
            }

            // "told the council" after "At an emergency meeting of the UN Security Council on Wednesday, ...": the same
            // event.
            var venue = VenueNounPattern().Match(Frame(w));
            if (venue.Success)
            {
                var noun = venue.Groups["noun"].Value;
                for (var i = w.Sentence.Index - 1; i >= Math.Max(0, w.Sentence.Index - 2); i--)
                {
                    var earlier = layout.Sentences[i];
                    if (
                        Gazetteer.Words(text[earlier.Start..earlier.End]).Contains(noun.ToLowerInvariant())
                        && DateIn(earlier, null) is { } then
                    )
                    {
                        return then;
                    }
                }
            }

            return facts.Published;
        }

        private PartialDate? DateIn(Sentence sentence, Working? w)
        {
            var dates = DateReader
                .Read(text[sentence.Start..sentence.End], facts.Published, sentence.Start)
                .Where(d => w is null || d.End <= w.ContentStart || d.Start >= w.ContentEnd)
                .Where(d => frame[d.Start] != Masked)
                .ToList();
            if (dates.Count == 0)
            {
                return null;
            }

            // Where the date stands says what it dates: after the verb ("told Bloomberg News in March that") before
            // anywhere else; a date in the speaker's description ("who was minister until September") only when no
            // other.
            var cueAt = w?.CueStart ?? sentence.End;
            return dates
                .OrderBy(d => w is null ? 0 : DatePlace(w, d))
                .ThenByDescending(d => d.Explicit)
                .ThenBy(d => Math.Abs(d.Start - cueAt))
                .First()
                .Date;
        }

        /// <summary>
        /// Republication when the article credits another outlet or a public origin elsewhere (a statement, an address,
        /// parliament, a briefing), when the statement goes on from one that was, or when it was said before the
        /// article's news cycle; FirstReport otherwise.
        /// </summary>
        /// <summary>0 for a date after the verb (or after the content that opens the sentence), 1 before the speaker, 2
        /// inside the speaker's phrase.</summary>
        private static int DatePlace(Working w, FoundDate d)
        {
            if (d.Start >= w.CueEnd)
            {
                return 0;
            }

            var speakerStart = Math.Min(w.Speaker.Start, w.CueStart);
            if (w.Speaker.Link is SpeakerLinkKind.Pronoun || d.End <= speakerStart)
            {
                return 1;
            }

            return 2;
        }

        private CitationRole Role(Working w, Working? antecedent, PartialDate? statedOn, out string? credit)
        {
            credit = w.Credit;
            if (w.Speaker.Kind == ActorKind.MediaOutlet && w.Speaker.Link != SpeakerLinkKind.Media)
            {
                credit ??= w.Speaker.Name;
                return IsPublisher(w.Speaker.Name) ? CitationRole.FirstReport : CitationRole.Republication;
            }

            if (w.Republication)
            {
                return CitationRole.Republication;
            }

            if (
                w.Media && w.Speaker.Name == "@publisher"
                || (w.Media && w.Speaker.ActorId == facts.PublisherId && facts.PublisherId is not null)
                || (w.Media && IsPublisher(w.Speaker.Name))
            )
            {
                return CitationRole.FirstReport;
            }

            if (w.Media)
            {
                // Footage, images or an analysis someone else released: a public origin elsewhere.
                credit ??= w.Speaker.Name;
                return CitationRole.Republication;
            }

            var frameText = Frame(w);
            if (credit is not null)
            {
                var outlet = OutletIn(credit);
                if (outlet is not null)
                {
                    credit = outlet;
                    return IsPublisher(outlet) ? CitationRole.FirstReport : CitationRole.Republication;
                }
            }

            var venue = Lexicon.Venue(frameText);
            if (venue is not null)
            {
                credit ??= venue;
                return CitationRole.Republication;
            }

            if (antecedent?.ResolvedRole is { } inherited)
            {
                credit ??= antecedent.ResolvedCredit;
                return inherited;
            }

            if (Setting(w) is { } setting)
            {
                var set = FrameText(setting.Start, setting.End);
                venue = Lexicon.Venue(set);
                if (venue is not null)
                {
                    credit ??= venue;
                    return CitationRole.Republication;
                }
            }

            return IsOld(statedOn) ? CitationRole.Republication : CitationRole.FirstReport;
        }

        /// <summary>
        /// Said before the article's news cycle, so made public elsewhere first: more than a week before a day-dated
        /// article; before the month (or year) of an article dated only to a month (or year), or on a given day when
        /// the article gives only its month.
        /// </summary>
        private bool IsOld(PartialDate? statedOn)
        {
            if (statedOn is null || facts.Published is not { } published)
            {
                return false;
            }

            return published.Precision == DatePrecision.Day
                ? statedOn.Latest < published.Date.AddDays(-7)
                : statedOn.Latest < published.Earliest || statedOn.Precision == DatePrecision.Day;
        }

        /// <summary>The sentence's words outside the statement's content, and the speaker tag inside an interrupted
        /// quotation ("“A,” X said in an interview. “B”").</summary>
        private string Frame(Working w)
        {
            var builder = new System.Text.StringBuilder();
            builder.Append(FrameText(w.Sentence.Start, w.ContentStart)).Append(' ');
            var inner = layout
                .Quotes.Where(q => q.Start >= w.ContentStart && q.End <= w.ContentEnd + 1)
                .OrderBy(q => q.Start)
                .ToList();
            for (var i = 1; i < inner.Count; i++)
            {
                builder.Append(FrameText(inner[i - 1].End, inner[i].Start)).Append(' ');
            }

            builder.Append(FrameText(w.ContentEnd, w.Sentence.End));
            return builder.ToString();
        }

        /// <summary>True when an outlet named in the text is the article's publisher: "Yonhap" in a Yonhap News Agency
        /// article, "The Associated Press" in an Associated Press one.</summary>
        private bool IsPublisher(string outlet)
        {
            if (facts.PublisherName is null)
            {
                return false;
            }

            var named = Gazetteer.NameWords(outlet).Where(x => x != "the").ToHashSet(StringComparer.Ordinal);
            var publisher = Gazetteer
                .NameWords(facts.PublisherName)
                .Where(x => x != "the")
                .ToHashSet(StringComparer.Ordinal);
            if (named.Count == 0 || publisher.Count == 0)
            {
                return false;
            }

            var aliases = gazetteer
                .ByName(facts.PublisherName)
                .SelectMany(a => a.Aliases.Append(a.Name))
                .Select(Gazetteer.Key);
            var initials = string.Concat(
                Gazetteer.NameWords(facts.PublisherName).Where(x => x is not ("the" or "of" or "and")).Select(x => x[0])
            );
            var acronym =
                outlet.Trim().Length >= 2
                && outlet.Trim().All(char.IsUpper)
                && string.Equals(outlet.Trim(), initials, StringComparison.OrdinalIgnoreCase);
            return acronym
                || named.IsSubsetOf(publisher)
                || publisher.IsSubsetOf(named)
                || aliases.Contains(string.Join(' ', Gazetteer.NameWords(outlet)));
        }

        private string FrameText(int start, int end) =>
            start >= end ? string.Empty : frame[start..end].Replace(Masked, ' ');

        /// <summary>The outlet a credit phrase names ("Yonhap yesterday" is Yonhap, "The Associated Press" a known
        /// outlet), or null.</summary>
        private string? OutletIn(string phrase)
        {
            var outlets = gazetteer.Actors.Where(a => a.Kind == ActorKind.MediaOutlet);
            var phraseKey = " " + Gazetteer.Key(phrase) + " ";
            foreach (var outlet in outlets)
            {
                var key = Gazetteer.Key(outlet.Name);
                if (
                    key.Length > 0 && phraseKey.Contains($" {key} ", StringComparison.Ordinal)
                    || outlet.Aliases.Any(al => al.Length > 1 && HasWord(phrase, al))
                )
                {
                    return outlet.Name;
                }
            }

            // A capitalised run holding an outlet word ("Yonhap", "the state news agency TASS", "Radio Free Asia").
            var words = Word.Split(phrase, 0, phrase.Length);
            for (var i = 0; i < words.Count; i++)
            {
                if (
                    !Lexicon.OutletWords.Contains(words[i].Norm)
                    || !(words[i].Capitalised || words[i].Raw.All(char.IsUpper))
                )
                {
                    continue;
                }

                var from = i;
                while (
                    from > 0
                    && (words[from - 1].Capitalised || words[from - 1].Norm is "of" or "for")
                    && phrase[words[from - 1].End..words[from].Start].Trim().Length == 0
                )
                {
                    from--;
                }

                var to = i;
                while (
                    to + 1 < words.Count
                    && (words[to + 1].Capitalised || words[to + 1].Raw.All(char.IsUpper))
                    && phrase[words[to].End..words[to + 1].Start].Trim().Length == 0
                    && DateReader.MonthNumber(words[to + 1].Raw) is null
                    && !IsWeekday(words[to + 1].Norm)
                )
                {
                    to++;
                }

                return phrase[words[from].Start..words[to].End];
            }

            return null;
        }

        private static bool IsWeekday(string word) =>
            word is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday";

        private KnownActor? OnBehalfOf(SpeakerLink speaker, PartialDate? statedOn)
        {
            if (speaker.ActorId is not { } id || speaker.Kind != ActorKind.Person)
            {
                return null;
            }

            var on = statedOn?.Earliest;
            var affiliation =
                gazetteer
                    .Affiliations(id, on)
                    .Where(a => a.Affiliation.SpeaksFor)
                    .Select(a => a.Organisation)
                    .FirstOrDefault()
                ?? gazetteer
                    .Affiliations(id)
                    .Where(a => a.Affiliation.SpeaksFor)
                    .Select(a => a.Organisation)
                    .FirstOrDefault();
            return affiliation;
        }

        private List<Guid> Places(string content)
        {
            var words = Gazetteer.Words(content);
            var joined = " " + string.Join(' ', words) + " ";
            var result = new List<Guid>();
            foreach (var (id, key, distinctive) in places)
            {
                if (
                    joined.Contains($" {key} ", StringComparison.Ordinal)
                    || (
                        distinctive.Count == 1
                        && distinctive[0].Length >= 4
                        && words.Any(w => w == distinctive[0] || (w.Length >= 7 && Near(w, distinctive[0])))
                    )
                )
                {
                    result.Add(id);
                }
            }

            return result;
        }

        /// <summary>Each known place's key and the words of its name that are not generic ("Kursk" of "Kursk
        /// region").</summary>
        private static List<(Guid Id, string Key, List<string> Distinctive)> PlaceWords(Gazetteer gazetteer)
        {
            var generic = new HashSet<string>(
                ["region", "oblast", "province", "training", "ground", "city", "the", "of", "base", "area", "district"],
                StringComparer.Ordinal
            );
            return gazetteer
                .Places.Select(p =>
                    (p.Id, Gazetteer.Key(p.Name), Gazetteer.NameWords(p.Name).Where(w => !generic.Contains(w)).ToList())
                )
                .ToList();
        }

        private static bool Near(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(
                        Math.Min(current[j - 1] + 1, previous[j] + 1),
                        previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    );
                }

                previous = current;
            }

            return previous[b.Length] <= 1;
        }

        private static double Confidence(Working w, string content)
        {
            var score = w.Speaker.Link switch
            {
                SpeakerLinkKind.Name => w.Speaker.ActorId is null ? 0.8 : 0.95,
                SpeakerLinkKind.Surname => 0.9,
                SpeakerLinkKind.Pronoun => 0.85,
                SpeakerLinkKind.Title => 0.85,
                SpeakerLinkKind.Anaphor => 0.75,
                SpeakerLinkKind.Country => 0.75,
                SpeakerLinkKind.Media => 0.7,
                _ => 0.7,
            };
            var words = ArticleText.WordCount(content);
            if (words < 4 || words > 90)
            {
                score -= 0.1;
            }

            if (w.QuoteStart is not null)
            {
                score += 0.03;
            }

            return Math.Round(Math.Clamp(score, 0, 1), 2);
        }

        private static string Mask(ArticleLayout layout)
        {
            var chars = layout.Text.ToCharArray();
            foreach (var q in layout.Quotes)
            {
                for (var i = q.Start; i < q.End; i++)
                {
                    if (!char.IsWhiteSpace(chars[i]))
                    {
                        chars[i] = Masked;
                    }
                }
            }

            return new string(chars);
        }
    }

    /// <summary>A statement being put together, before its stance, figures and dates are read.</summary>
    private sealed class Working(Sentence sentence, SpeakerLink speaker, string verb, int contentStart, int contentEnd)
    {
        public Sentence Sentence { get; } = sentence;

        public SpeakerLink Speaker { get; } = speaker;

        public string Verb { get; } = verb;

        public int ContentStart { get; set; } = contentStart;

        public int ContentEnd { get; set; } = contentEnd;

        public int? QuoteStart { get; set; }

        public int? QuoteEnd { get; set; }

        public int CueStart { get; set; }

        public int CueEnd { get; set; }

        public int SpeakerEnd { get; set; }

        public string? Credit { get; set; }

        public bool Denial { get; set; }

        public bool Hedge { get; set; }

        public bool Media { get; set; }

        public bool Republication { get; set; }

        public CitationRole? ResolvedRole { get; set; }

        public string? ResolvedCredit { get; set; }

        public PartialDate? ResolvedStatedOn { get; set; }

        public List<Working> Companions { get; } = [];
    }

    [GeneratedRegex(
        @"\b(?<cue>according\s+to|(?:was|were|is)\s+(?:quoted|cited)\s+by\s+(?<by>[^,.;:\u201C""]{2,60}?)\s+as\s+saying|was\s+quoted\s+as\s+saying|were\s+quoted\s+as\s+saying|is\s+quoted\s+as\s+saying|said|says|say|saying|told|tells|tell|telling|added|adds|adding|warned|warns|warning|denied|denies|deny|denying|claimed|claims|claim|confirmed|confirms|confirming|stated|states|noted|notes|insisted|insists|dismissed|dismisses|rejected|rejects|acknowledged|acknowledges|announced|announces|argued|argues|estimated|estimates|believes|believed|believe|assessed|assesses|reported|reports|wrote|writes|posted|tweeted|accused|accuses|alleged|alleges|maintain|maintains|maintained|suggested|suggests|predicted|predicts|explained|stressed|reiterated|conceded|admitted|admits|revealed|reveals|disclosed|declared|refuted|refutes|asserted|asserts|cautioned|emphasised|emphasized|disputed|disputes|speculated|indicated|show|shows|showed|contended|contends|countered|replied|responded|concluded)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex CuePattern();

    [GeneratedRegex(
        @"\b(?:the\s+same|that)\s+(?:briefing|address|interview|news\s+conference|press\s+conference|conference|meeting|session|hearing|statement|speech|post|call|video)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex SamePattern();

    [GeneratedRegex(
        @"(?<subject>(?<possessive>\b(?:his|her|its|their)\s+(?<noun>\w+))|\b[A-Z][\w’'\-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'\-]*){0,6})\s+(?:has\s+|had\s+|have\s+)?(?:published|released|posted|shared|filmed|obtained|put\s+out)\s+(?:a|the|new|its|their|his|her)?\s*(?:\w+\s+)?(?:video|videos|footage|images|photos|photographs|clip)\b",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex ReleasePattern();

    [GeneratedRegex(
        @"\bthe\s+(?<noun>council|meeting|session|hearing|summit|conference|briefing|assembly|committee|forum|gathering|talks)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex VenueNounPattern();

    [GeneratedRegex(
        @"^(?:pic\.\s*twitter\.com/\S+|https?://\S+|twitter\.com/\S+)(?:\s+\S+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@",\s+(?:which|and)\s+(?:could|would|can|may|might|will)?", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseSplit();
}
