using ConflictTracker.Domain.Actors;

namespace ConflictTracker.Intake;

/// <summary>An actor named somewhere in the article, known or not, in the order met.</summary>
internal sealed record Mention(SpeakerLink Link, int At);

/// <summary>
/// Links a speaker phrase ("Kremlin spokesman Dmitry Peskov", "he", "the ministry", "South Korea's spy
/// agency", "Seoul") to an actor, remembering who the article has named so far for surnames,
/// pronouns and back-references.
/// </summary>
internal sealed class SpeakerResolver(Gazetteer gazetteer, string text, DateOnly? on)
{
    private readonly List<Mention> mentions = [];
    private readonly Dictionary<string, Mention> lastByLastName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Mention> lastNewByWord = new(StringComparer.Ordinal);

    public IReadOnlyList<Mention> Mentions => mentions;

    public SpeakerLink? LastPerson(int before) =>
        mentions
            .LastOrDefault(m =>
                m.At < before && m.Link.Kind == ActorKind.Person && m.Link.Link != SpeakerLinkKind.Pronoun
            )
            ?.Link;

    public SpeakerLink? LastOrganisation(int before) =>
        mentions.LastOrDefault(m => m.At < before && m.Link.Kind != ActorKind.Person)?.Link;

    public void Remember(SpeakerLink link, int at)
    {
        if (link.Link is SpeakerLinkKind.Pronoun or SpeakerLinkKind.Anaphor)
        {
            Add(new Mention(link with { Link = SpeakerLinkKind.Surname }, at));
            return;
        }

        Add(new Mention(link, at));
    }

    /// <summary>Adds a mention and indexes a person's last name (and a new person's every name word) for surnames
    /// later.</summary>
    private void Add(Mention mention)
    {
        mentions.Add(mention);
        if (mention.Link.Kind != ActorKind.Person)
        {
            return;
        }

        lastByLastName[LastName(mention.Link.Name)] = mention;
        if (mention.Link.Link == SpeakerLinkKind.New)
        {
            foreach (var word in Gazetteer.NameWords(mention.Link.Name))
            {
                lastNewByWord[word] = mention;
            }
        }
    }

    /// <summary>Records every actor named in text[start..end) (not as speakers: for "he" and "the ministry"
    /// later).</summary>
    public void Scan(int start, int end)
    {
        foreach (var found in Find(start, end))
        {
            Add(new Mention(found, found.Start));
        }
    }

    /// <summary>Known actors and new proper names in text[start..end), in order.</summary>
    public List<SpeakerLink> Find(int start, int end)
    {
        var words = Word.Split(text, start, end);
        var found = new List<SpeakerLink>();
        var i = 0;
        while (i < words.Count)
        {
            var match = KnownAt(words, i);
            if (match is not null)
            {
                found.Add(match.Value.Link);
                i += match.Value.Length;
                continue;
            }

            var surname = SurnameAt(words, i);
            if (surname is not null)
            {
                found.Add(surname);
                i++;
                continue;
            }

            i++;
        }

        return found;
    }

    private (SpeakerLink Link, int Length)? KnownAt(List<Word> words, int i)
    {
        for (var length = Math.Min(gazetteer.LongestNameFrom(words[i].Norm), words.Count - i); length >= 1; length--)
        {
            if (words[i + length - 1].End - words[i].Start > 200)
            {
                continue;
            }

            var key = string.Join(' ', words.Skip(i).Take(length).Select(w => w.Norm));
            var actors = gazetteer.ByName(key);
            if (actors.Count == 0)
            {
                continue;
            }

            var raw = text[words[i].Start..words[i + length - 1].End];
            // Short all-capital aliases ("AP", "NIS") only in capitals, and single lower-case words never.
            if (
                length == 1
                && (
                    !words[i].Capitalised
                    || (
                        key.Length <= 4
                        && !raw.All(c => !char.IsLetter(c) || char.IsUpper(c))
                        && actors.All(a =>
                            a.Name.Length > 4 && !string.Equals(a.Name, raw, StringComparison.OrdinalIgnoreCase)
                        )
                    )
                )
            )
            {
                continue;
            }

            var actor = actors[0];
            return (Link(actor, raw, words[i].Start, words[i + length - 1].End, SpeakerLinkKind.Name), length);
        }

        return null;
    }

    private SpeakerLink? SurnameAt(List<Word> words, int i)
    {
        var word = words[i];
        if (!word.Capitalised || word.Norm.Length < 3 || Lexicon.TitleWords.Contains(word.Norm))
        {
            return null;
        }

        // A surname met before in this article (known or new person), else a known person's unique surname.
        var earlier = lastByLastName.GetValueOrDefault(word.Norm) ?? lastNewByWord.GetValueOrDefault(word.Norm);
        if (earlier is not null)
        {
            return earlier.Link with
            {
                Mention = word.Raw,
                Start = word.Start,
                End = word.End,
                Link = SpeakerLinkKind.Surname,
            };
        }

        var people = gazetteer.BySurname(word.Norm);
        if (people.Count == 1 && (i + 1 >= words.Count || !words[i + 1].Capitalised))
        {
            return Link(people[0], word.Raw, word.Start, word.End, SpeakerLinkKind.Surname);
        }

        return null;
    }

    public static string LastName(string name)
    {
        var words = Gazetteer.NameWords(name).Where(w => w is not ("jr" or "sr" or "ii" or "iii")).ToList();
        return words.Count == 0 ? string.Empty : words[^1];
    }

    public static SpeakerLink Link(KnownActor actor, string mention, int start, int end, SpeakerLinkKind how) =>
        new(mention, start, end, how, actor.Id, actor.Name, actor.Kind, null);

    /// <summary>Countries named in text[start..end): code, display name and offsets.</summary>
    public List<(string Code, int Start, int End)> Countries(int start, int end)
    {
        var words = Word.Split(text, start, end);
        var found = new List<(string, int, int)>();
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var (code, names) in Lexicon.Countries)
            {
                foreach (var name in names)
                {
                    var parts = name.Split(' ');
                    if (i + parts.Length > words.Count)
                    {
                        continue;
                    }

                    var ok = true;
                    for (var k = 0; k < parts.Length && ok; k++)
                    {
                        ok = words[i + k].Norm == parts[k];
                    }

                    // "us" only as "US"; country words are capitalised.
                    if (ok && words[i].Capitalised && (name != "us" || words[i].Raw == "US"))
                    {
                        found.Add((code, words[i].Start, words[i + parts.Length - 1].End));
                        i += parts.Length - 1;
                        goto next;
                    }
                }
            }

            next:
            ;
        }

        return found;
    }

    public static string CountryName(string code) =>
        code switch
        {
            "KR" => "South Korea",
            "KP" => "North Korea",
            "UA" => "Ukraine",
            "RU" => "Russia",
            "US" => "United States",
            "CN" => "China",
            "JP" => "Japan",
            "GB" => "United Kingdom",
            "FR" => "France",
            "DE" => "Germany",
            "PL" => "Poland",
            "BY" => "Belarus",
            "IR" => "Iran",
            _ => code,
        };

    /// <summary>The adjective of a country, for naming its bodies ("Russian Embassy in Seoul").</summary>
    public static string Demonym(string code) =>
        code switch
        {
            "KR" => "South Korean",
            "KP" => "North Korean",
            "UA" => "Ukrainian",
            "RU" => "Russian",
            "US" => "US",
            "CN" => "Chinese",
            "JP" => "Japanese",
            "GB" => "British",
            "FR" => "French",
            "DE" => "German",
            "PL" => "Polish",
            "BY" => "Belarusian",
            "IR" => "Iranian",
            _ => code,
        };

    /// <summary>A country standing for its government: the known government body named "Government", else a new
    /// actor.</summary>
    public SpeakerLink CountryGovernment(string code, string mention, int start, int end)
    {
        var bodies = gazetteer.Actors.Where(a => a.Kind == ActorKind.GovernmentBody && a.Country == code).ToList();
        var government = bodies.FirstOrDefault(a => Gazetteer.NameWords(a.Name).Contains("government"));
        if (government is not null)
        {
            return Link(government, mention, start, end, SpeakerLinkKind.Country);
        }

        return new SpeakerLink(
            mention,
            start,
            end,
            SpeakerLinkKind.Country,
            null,
            $"Government of {CountryName(code)}",
            ActorKind.GovernmentBody,
            null
        );
    }

    /// <summary>A role word with a country or organisation: "South Korea's spy agency", "the Kremlin's
    /// spokesman".</summary>
    public SpeakerLink? Title(
        int start,
        int end,
        IReadOnlyList<SpeakerLink> known,
        IReadOnlyList<(string Code, int Start, int End)> countries
    )
    {
        var words = Word.Split(text, start, end).Select(w => w.Norm).ToList();
        var spokes =
            words.Any(w => w.StartsWith("spokes", StringComparison.Ordinal))
            || (words.Contains("press") && words.Contains("secretary"));
        var leads = words.Any(w => w is "head" or "chief" or "director" or "commander" or "leader");
        var organisation =
            known.FirstOrDefault(k => k.Kind != ActorKind.Person && k.ActorId is not null)
            ?? (spokes || leads ? PartialOrganisation(start, end) : null); // "the White House national security spokesman"
        if (leads && !spokes)
        {
            var led =
                organisation?.ActorId
                ?? (countries.Count > 0 ? OrganisationByTitle(words, countries[0].Code)?.Id : null);
            if (led is { } ledId)
            {
                var heads = gazetteer
                    .Actors.Where(p =>
                        p.Kind == ActorKind.Person
                        && gazetteer
                            .Affiliations(p.Id, on)
                            .Any(a =>
                                a.Organisation.Id == ledId
                                && a.Affiliation.SpeaksFor
                                && Gazetteer
                                    .NameWords(a.Affiliation.Role)
                                    .Any(r => r is "head" or "chief" or "director" or "commander" or "leader")
                            )
                    )
                    .ToList();
                if (heads.Count == 1)
                {
                    return Link(heads[0], text[start..end].Trim(), start, end, SpeakerLinkKind.Title);
                }
            }
        }

        if (spokes && organisation is not null)
        {
            // A spokesperson's role is named in many ways: spokesman, press secretary, communications adviser.
            var members = gazetteer.MembersWithRole(organisation.ActorId!.Value, ["spokesman"]).ToList();
            foreach (
                var role in new[]
                {
                    new[] { "spokeswoman" },
                    ["spokesperson"],
                    ["press", "secretary"],
                    ["communications"],
                    ["press", "officer"],
                }
            )
            {
                if (members.Count == 0)
                {
                    members = gazetteer.MembersWithRole(organisation.ActorId.Value, role).ToList();
                }
            }

            if (members.Count == 1)
            {
                return Link(members[0], text[start..end].Trim(), start, end, SpeakerLinkKind.Title);
            }

            return organisation with
            {
                Link = SpeakerLinkKind.Title,
                Mention = text[start..end].Trim(),
                Start = start,
                End = end,
            };
        }

        // "The presidential office", "the defence minister" with no country: the country the story is filed from, else
        // the country of the last actor named.
        var code = countries.Count > 0 ? countries[0].Code : HomeCountry ?? LastCountry(start);
        if (code is null)
        {
            return null;
        }

        var byTitle = OrganisationByTitle(words, code);
        if (byTitle is not null)
        {
            return Link(byTitle, text[start..end].Trim(), start, end, SpeakerLinkKind.Title);
        }

        // "Ukraine's president", "the South Korean defence minister": a person whose role there says so.
        foreach (var role in new[] { "president", "minister", "spokesman", "chief", "head" })
        {
            if (!words.Contains(role))
            {
                continue;
            }

            var holders = gazetteer
                .Actors.Where(a => a.Kind == ActorKind.Person)
                .Where(p =>
                    gazetteer
                        .Affiliations(p.Id, on)
                        .Any(x =>
                            x.Organisation.Country == code
                            && Gazetteer.NameWords(x.Affiliation.Role).Contains(role)
                            && (
                                role != "minister"
                                || words
                                    .Intersect(
                                        Gazetteer
                                            .NameWords(x.Affiliation.Role)
                                            .Concat(Gazetteer.NameWords(x.Organisation.Name))
                                    )
                                    .Count() >= 2
                            )
                        )
                )
                .ToList();
            if (holders.Count == 1)
            {
                return Link(holders[0], text[start..end].Trim(), start, end, SpeakerLinkKind.Title);
            }
        }

        return null;
    }

    /// <summary>The country the story is filed from (its dateline), when known.</summary>
    public string? HomeCountry { get; set; }

    private string? LastCountry(int before) =>
        mentions
            .Where(m => m.At < before && m.Link.ActorId is not null)
            .Select(m => gazetteer.Actor(m.Link.ActorId!.Value)?.Country)
            .LastOrDefault(c => c is not null);

    private KnownActor? OrganisationByTitle(List<string> words, string code)
    {
        foreach (var (titleWords, kind, nameWord) in Lexicon.Titles)
        {
            if (!ContainsSequence(words, titleWords))
            {
                continue;
            }

            var candidates = gazetteer
                .Actors.Where(a =>
                    a.Kind == kind
                    && a.Country == code
                    && (
                        nameWord is null
                        || Gazetteer.NameWords(a.Name).Any(w => w.StartsWith(nameWord[..5], StringComparison.Ordinal))
                    )
                )
                .ToList();
            if (candidates.Count == 1)
            {
                return candidates[0];
            }
        }

        return null;
    }

    private static bool ContainsSequence(List<string> words, string[] sequence)
    {
        for (var i = 0; i + sequence.Length <= words.Count; i++)
        {
            var ok = true;
            for (var k = 0; k < sequence.Length && ok; k++)
            {
                ok = words[i + k] == sequence[k] || (sequence[k] == "president's" && words[i + k] == "president");
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"the ministry", "the agency", "a statement": the latest organisation named whose name has that word (a
    /// statement: whoever spoke last).</summary>
    public SpeakerLink? Anaphor(string head, int before, int start, int end)
    {
        var mention = text[start..end].Trim();
        if (head is "statement" or "report")
        {
            var last = mentions.LastOrDefault(m => m.At < before);
            if (last is null)
            {
                return null;
            }

            if (last.Link.Kind == ActorKind.Person && last.Link.ActorId is { } person)
            {
                var speaksFor = gazetteer.Affiliations(person).FirstOrDefault(a => a.Affiliation.SpeaksFor);
                if (speaksFor.Organisation is not null)
                {
                    return Link(speaksFor.Organisation, mention, start, end, SpeakerLinkKind.Anaphor);
                }
            }

            return last.Link with
            {
                Mention = mention,
                Start = start,
                End = end,
                Link = SpeakerLinkKind.Anaphor,
            };
        }

        var candidates = mentions.Where(m => m.At < before && m.Link.Kind != ActorKind.Person).ToList();
        var organisation =
            candidates.LastOrDefault(m => Gazetteer.NameWords(m.Link.Name).Contains(head))
            ?? candidates.LastOrDefault(m =>
                head is "agency" or "service" && m.Link.Kind == ActorKind.IntelligenceService
            )
            ?? candidates.LastOrDefault(m => KindFits(head, m.Link.Kind));
        return organisation is null
            ? null
            : organisation.Link with
            {
                Mention = mention,
                Start = start,
                End = end,
                Link = SpeakerLinkKind.Anaphor,
            };
    }

    private static bool KindFits(string head, ActorKind kind) =>
        head switch
        {
            "agency" or "service" => kind is ActorKind.IntelligenceService or ActorKind.GovernmentBody,
            "ministry" or "government" or "office" or "administration" or "department" => kind
                == ActorKind.GovernmentBody,
            "army" or "military" or "command" => kind == ActorKind.Military,
            "panel" or "council" or "mission" => kind == ActorKind.InternationalBody,
            "group" or "institute" or "centre" or "center" => kind == ActorKind.ResearchOrganisation,
            _ => false,
        };

    /// <summary>An organisation whose name holds every capitalised word of the phrase ("the UN monitors" is the UN
    /// Panel of Experts), when exactly one does.</summary>
    public SpeakerLink? PartialOrganisation(int start, int end)
    {
        // Title words count once the name has begun: "Defence Minister" is a title, the "Communications" of "Center for
        // Strategic Communications" is a name.
        var capitals = Word.Split(text, start, end)
            .Where(w => w.Capitalised || w.Raw is "UN" or "EU" or "NATO")
            .SkipWhile(w => Lexicon.TitleWords.Contains(w.Norm) && w.Raw is not ("UN" or "EU" or "NATO"))
            .Where(w =>
                !Lexicon.TitleWords.Contains(w.Norm)
                || w.Raw is "UN" or "EU" or "NATO"
                || !Lexicon.TitleLeaders.Contains(w.Norm)
            )
            .Select(w => w.Norm)
            .Distinct()
            .ToList();
        // Every capitalised word, titles too: "the White House national security spokesman" speaks for the White House
        // National Security
        // Council, and "the Interior Ministry" is not the defence ministry.
        var all = Word.Split(text, start, end)
            .Where(w => w.Capitalised && !Lexicon.TitleLeaders.Contains(w.Norm))
            .Select(w => w.Norm)
            .Distinct()
            .ToList();
        var named = Countries(start, end).Select(c => c.Code).ToHashSet(StringComparer.Ordinal); // "Ukraine's Defence Ministry" is no Korean body
        bool Fits(KnownActor a) =>
            a.Kind != ActorKind.Person && (named.Count == 0 || a.Country is null || named.Contains(a.Country));
        var distinct = all.Where(c => !Lexicon.Countries.Any(x => x.Names.Contains(c))).ToList();
        var fits =
            capitals.Count == 0
                ? []
                : gazetteer
                    .Actors.Where(a =>
                        Fits(a)
                        && capitals.All(c => Gazetteer.NameWords(a.Name).Contains(c))
                        && distinct.All(c =>
                            a.Aliases.Append(a.Name)
                                .SelectMany(Gazetteer.NameWords)
                                .Select(Variant)
                                .Contains(Variant(c))
                        )
                    )
                    .ToList();
        if (fits.Count == 1)
        {
            return Link(fits[0], text[start..end].Trim(), start, end, SpeakerLinkKind.Name);
        }

        var allFit =
            all.Count >= 2
                ? gazetteer.Actors.Where(a => Fits(a) && all.All(c => Gazetteer.NameWords(a.Name).Contains(c))).ToList()
                : [];
        if (allFit.Count == 1)
        {
            return Link(allFit[0], text[start..end].Trim(), start, end, SpeakerLinkKind.Name);
        }

        // Spelling variants: "Center for Strategic Communications" is the "Centre for Strategic Communication ...".
        var wanted = capitals
            .Where(c => !Lexicon.Countries.Any(x => x.Names.Contains(c)))
            .Select(Variant)
            .Where(c => c.Length > 2)
            .Distinct()
            .ToList();
        if (wanted.Count < 2)
        {
            return null;
        }

        var scored = gazetteer
            .Actors.Where(Fits)
            .Select(a =>
                (
                    Actor: a,
                    Share: (double)
                        wanted.Count(w =>
                            a.Aliases.Append(a.Name).SelectMany(Gazetteer.NameWords).Select(Variant).Contains(w)
                        ) / wanted.Count
                )
            )
            .Where(x => x.Share >= 0.75)
            .OrderByDescending(x => x.Share)
            .ToList();
        return scored.Count == 1 || (scored.Count > 1 && scored[0].Share > scored[1].Share)
            ? Link(scored[0].Actor, text[start..end].Trim(), start, end, SpeakerLinkKind.Name)
            : null;
    }

    /// <summary>British and American spellings and plurals folded together.</summary>
    private static string Variant(string word)
    {
        var w = word.Replace("center", "centre", StringComparison.Ordinal)
            .Replace("defense", "defence", StringComparison.Ordinal)
            .Replace("ization", "isation", StringComparison.Ordinal);
        return w.Length > 4 && w.EndsWith('s') ? w[..^1] : w;
    }

    /// <summary>A proper name the database does not know: a new person, or a new organisation when its words say
    /// so.</summary>
    public SpeakerLink? NewName(int start, int end, bool nearestLast)
    {
        var words = Word.Split(text, start, end);
        var runs = new List<List<Word>>();
        var run = new List<Word>();
        foreach (var w in words)
        {
            var connector = w.Norm is "of" or "for" or "and" or "the" or "on" && run.Count > 0;
            var gap =
                run.Count > 0
                && text[run[^1].End..w.Start]
                    .Any(c => c is ',' or '(' or ')' or ';' or ':' or '"' or '\u201C' or '\u201D');
            // "Lee Jae-sung", "Kim Yong-hyun": a part joined by a hyphen goes on with the name.
            var hyphened =
                run.Count > 0
                && w.Start == run[^1].End + 1
                && text[run[^1].End] is '-' or '\u2010'
                && run[^1].Capitalised;
            if (
                gap
                || !(
                    w.Capitalised
                    || connector
                    || hyphened
                    || (run.Count > 0 && w.Raw.Length <= 2 && char.IsUpper(w.Raw[0]))
                )
            )
            {
                if (run.Count > 0)
                {
                    runs.Add(run);
                }

                run = [];
                if (!w.Capitalised)
                {
                    continue;
                }
            }

            run.Add(w);
        }

        if (run.Count > 0)
        {
            runs.Add(run);
        }

        var candidates = runs.Select(r =>
                r.Count == 1 && r[0].Raw.Length is >= 2 and <= 6 && r[0].Raw.All(char.IsUpper) ? r
                : r.Any(w =>
                    Lexicon.OrganisationWords.Contains(w.Norm)
                    && w.Norm is not ("white" or "house" or "kremlin" or "pentagon")
                )
                    ? r.SkipWhile(w =>
                            Lexicon.TitleLeaders.Contains(w.Norm) || w.Norm is "of" or "for" or "and" or "the"
                        )
                        .ToList() // "Interior Ministry", "General Staff"
                : r.SkipWhile(w => Lexicon.TitleWords.Contains(w.Norm) || w.Norm is "of" or "for" or "and" or "the")
                    .ToList()
            )
            .Select(r =>
                r.Count > 0 && r[^1].Norm is "of" or "for" or "and" or "the" or "on" ? r.SkipLast(1).ToList() : r
            )
            .Where(r => r.Count > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        candidates = candidates
            .Where(r =>
                !r.Any(w =>
                    DateReader.MonthNumber(w.Raw) is not null && w.Capitalised
                    || w.Norm
                        is "monday"
                            or "tuesday"
                            or "wednesday"
                            or "thursday"
                            or "friday"
                            or "saturday"
                            or "sunday"
                )
                && r[0].Norm
                    is not (
                        "in"
                        or "on"
                        or "at"
                        or "by"
                        or "from"
                        or "with"
                        or "after"
                        or "before"
                        or "during"
                        or "while"
                        or "when"
                        or "as"
                        or "but"
                        or "and"
                        or "if"
                        or "for"
                        or "to"
                    )
            )
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = nearestLast ? candidates[^1] : candidates[0];
        if (!chosen.Any(w => Lexicon.OrganisationWords.Contains(w.Norm)))
        {
            // "Israeli Prime Minister Benjamin Netanyahu", "U.S. Secretary of State Antony Blinken": the name follows
            // the last title word.
            var lastTitle = chosen.FindLastIndex(w => Lexicon.TitleWords.Contains(w.Norm));
            if (lastTitle >= 0 && chosen.Count - lastTitle - 1 >= 2)
            {
                chosen = chosen.Skip(lastTitle + 1).ToList();
            }
        }

        var name = text[chosen[0].Start..chosen[^1].End];
        // An acronym in capitals ("NATO", "ASEAN") names an organisation, unless it names a country ("US", "UK").
        var acronym =
            (
                (chosen.Count == 1 && chosen[0].Raw.Length is >= 2 and <= 6 && chosen[0].Raw.All(char.IsUpper))
                || (chosen.Count >= 2 && chosen.All(w => w.Raw.Length == 1 && char.IsUpper(w.Raw[0])))
            )
            && Countries(chosen[0].Start, chosen[^1].End).Count == 0; // "NATO", "U.N."
        var organisation = acronym || chosen.Any(w => Lexicon.OrganisationWords.Contains(w.Norm));
        if (!organisation && chosen.Count < 2)
        {
            return null;
        }

        if (Countries(chosen[0].Start, chosen[^1].End).Count > 0 && chosen.Count <= 2 && !organisation)
        {
            return null;
        }

        var role = (text[start..chosen[0].Start] + " " + text[chosen[^1].End..end]).Trim(
            ' ',
            ',',
            '.',
            ';',
            ':',
            '(',
            ')'
        );
        var kind =
            !organisation ? ActorKind.Person
            : chosen.Any(w => Lexicon.OutletWords.Contains(w.Norm)) ? ActorKind.MediaOutlet
            : chosen.Any(w =>
                w.Norm is "university" or "institute" or "studies" or "research" or "centre" or "center" or "group"
            )
                ? ActorKind.ResearchOrganisation
            : chosen.Any(w => w.Norm is "army" or "forces" or "force" or "navy" or "command" or "staff" or "guard")
                ? ActorKind.Military
            : ActorKind.GovernmentBody;
        return new SpeakerLink(
            name,
            chosen[0].Start,
            chosen[^1].End,
            SpeakerLinkKind.New,
            null,
            name,
            kind,
            role.Length == 0 ? null : role
        );
    }
}
