namespace ConflictTracker.Intake;

/// <summary>The English word lists the extractor applies (docs/intake.md lists them in prose).</summary>
public static class Lexicon
{
    /// <summary>Verbs of saying, thinking and reporting that introduce a statement.</summary>
    public static readonly HashSet<string> CueVerbs = new(
        ["said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding", "warned", "warns", "warning",
         "denied", "denies", "deny", "denying", "claimed", "confirmed", "confirms", "confirming", "stated", "noted", "insisted", "insists",
         "dismissed", "dismisses", "rejected", "rejects", "acknowledged", "acknowledges", "announced", "announces", "argued", "argues",
         "estimated", "believes", "believed", "assessed", "assesses", "reported", "wrote", "writes", "posted", "tweeted", "accused", "accuses",
         "alleged", "alleges", "maintain", "maintains", "maintained", "suggested", "suggests", "predicted", "predicts", "explained",
         "stressed", "reiterated", "conceded", "admitted", "admits", "revealed", "reveals", "disclosed", "declared", "refuted", "refutes",
         "asserted", "asserts", "cautioned", "emphasised", "emphasized", "disputed", "disputes", "speculated", "indicated", "warn",
         "claim", "claims", "reports", "notes", "states", "estimates", "show", "shows", "showed", "think", "thinks", "believe", "called",
         "described", "contended", "contends", "countered", "replied", "responded", "concluded", "found", "quoted"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Cue words that are often nouns or other verbs: a cue only when "that", a colon or a quotation follows, or a media subject shows.</summary>
    public static readonly HashSet<string> WeakCues = new(
        ["claim", "claims", "reports", "notes", "states", "estimates", "show", "shows", "showed", "think", "thinks", "believe", "called",
         "described", "found", "indicated", "quoted", "maintain", "say"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Cue verbs in the present tense: the speaker's view as the article goes out, not a past statement to date from the one before.</summary>
    public static readonly HashSet<string> PresentTenseCues = new(
        ["says", "believes", "thinks", "estimates", "maintains", "insists", "argues", "warns", "claims", "denies", "assesses", "suggests",
         "contends", "notes", "states", "admits", "predicts", "accuses", "alleges", "disputes", "rejects", "dismisses", "acknowledges", "confirms", "reports", "writes"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Irregular past forms: a content with one of these is a clause ("said Pyongyang sent troops").</summary>
    public static readonly HashSet<string> IrregularPast = new(
        ["sent", "sold", "gave", "given", "made", "went", "gone", "fought", "shot", "took", "taken", "hit", "held", "built", "left", "got",
         "began", "begun", "came", "saw", "seen", "found", "kept", "brought", "thought", "lost", "ran", "met", "led", "fell", "fallen", "put",
         "set", "spent", "paid", "sought", "taught", "bought", "caught", "struck", "flew", "flown", "drove", "wrote", "written", "spoke",
         "spoken", "broke", "broken", "chose", "rose", "risen", "knew", "known", "grew", "grown", "threw", "drew", "became", "become", "told",
         "said", "meant", "dealt", "fed", "hid", "hidden", "shut", "sank", "stood", "understood", "won", "wore", "worn"],
        StringComparer.Ordinal);

    public static readonly HashSet<string> ShowVerbs = new(["show", "shows", "showed"], StringComparer.OrdinalIgnoreCase);

    public static readonly HashSet<string> MediaNouns = new(
        ["video", "videos", "footage", "images", "image", "photos", "photographs", "photo", "pictures", "clip", "clips", "recording", "recordings", "satellite",
         "analysis", "investigation", "review"],
        StringComparer.OrdinalIgnoreCase);

    public static readonly HashSet<string> DenialCues = new(
        ["denied", "denies", "deny", "denying", "dismissed", "dismisses", "rejected", "rejects", "refuted", "refutes", "disputed", "disputes"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words in the content that make a statement a denial.</summary>
    public static readonly string[] DenialPhrases =
        ["fake news", "not true", "untrue", "no evidence", "baseless", "groundless", "nonsense", "fabricated", "fabrication", "a lie", "lies",
         "no truth", "false reports", "falsehood", "disinformation", "hoax", "there are no", "there were no", "not a single",
         "is false", "was false", "are false", "were false", "completely false", "totally false", "absolutely false", "entirely false", "unfounded"];

    /// <summary>Phrases that make a statement a hedge wherever they stand in it.</summary>
    public static readonly string[] HedgePhrases =
        ["could not rule out", "cannot rule out", "can't rule out", "can not rule out", "couldn't rule out", "did not rule out", "didn't rule out",
         "would not rule out", "wouldn't rule out", "not ruling out", "not rule out", "cannot exclude", "could not exclude", "cannot discount",
         "can't discount", "could not discount", "could not confirm", "cannot confirm", "can't confirm", "couldn't confirm", "could not verify",
         "cannot verify", "unable to confirm", "unable to verify", "declined to confirm", "neither confirm nor deny", "neither confirmed nor denied",
         "not possible to confirm", "it is possible", "it's possible", "it was possible", "possibly", "perhaps", "it is unclear", "it was unclear",
         "may have", "might have", "not clear whether", "could not say", "cannot say", "did not confirm", "would not confirm", "declined to say",
         "no information", "no knowledge", "not aware", "unaware"];

    public static readonly HashSet<string> HedgeModals = new(["may", "might"], StringComparer.OrdinalIgnoreCase);

    public static readonly HashSet<string> HedgeCues = new(["speculated", "suggested", "suggests"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Vague sources: a statement by one of these alone is not attributed to anyone.</summary>
    public static readonly HashSet<string> VagueHeads = new(
        ["experts", "analysts", "officials", "observers", "sources", "critics", "many", "some", "others", "people", "residents", "diplomats",
         "commentators", "reports", "media", "insiders", "witnesses", "lawmakers", "legislators", "observers", "researchers", "scholars",
         "bloggers", "activists", "journalists", "reporters", "correspondents", "soldiers", "troops", "veterans", "authorities"],
        StringComparer.OrdinalIgnoreCase);

    public static readonly HashSet<string> Pronouns = new(["he", "she", "it", "they"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns that point back to an organisation named before ("the ministry said").</summary>
    public static readonly HashSet<string> AnaphorHeads = new(
        ["ministry", "agency", "office", "service", "statement", "government", "council", "panel", "army", "military", "command", "spokesman",
         "spokeswoman", "spokesperson", "directorate", "centre", "center", "department", "administration", "embassy", "committee", "mission",
         "president", "minister", "chief", "official", "group", "institute", "organisation", "organization", "alliance", "report"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of a title or role before a name ("Lt Gen", "Defence Minister"), not part of the name.</summary>
    public static readonly HashSet<string> TitleWords = new(
        ["president", "prime", "minister", "defence", "defense", "foreign", "secretary", "general", "gen", "lt", "lieutenant", "col", "colonel",
         "major", "maj", "captain", "capt", "admiral", "adm", "sergeant", "sgt", "spokesman", "spokeswoman", "spokesperson", "ambassador", "chief",
         "director", "head", "commander", "deputy", "senator", "sen", "rep", "representative", "mr", "mrs", "ms", "dr", "prof", "professor",
         "chairman", "chairwoman", "chair", "press", "adviser", "advisor", "analyst", "lawmaker", "mp", "governor", "gov", "mayor", "king",
         "leader", "former", "acting", "vice", "unification", "intelligence", "military", "national", "security", "communications", "spy",
         "top", "senior", "junior", "lecturer", "researcher", "fellow", "expert", "editor", "correspondent", "reporter", "envoy", "officer",
         "staff", "marshal", "field", "brigadier", "brig", "commander-in-chief", "sir", "interior", "finance", "economy", "state", "assistant",
         "associate", "visiting", "retired", "ret", "coordinator", "the", "a", "an", "ukraine's", "russia's", "korea's", "said", "whose",
         "ukrainian", "russian", "korean", "american", "south", "north", "us", "u.s.", "kremlin", "white", "house", "pentagon", "nato", "un", "eu"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Title words that never belong to an organisation's name, wherever they stand ("the", "said", "former").</summary>
    public static readonly HashSet<string> TitleLeaders = new(
        ["the", "a", "an", "said", "whose", "former", "acting", "mr", "mrs", "ms", "dr", "prof", "lt", "gen", "col", "maj", "capt", "sgt", "adm",
         "sen", "rep", "gov", "sir", "top", "senior", "junior", "retired", "ret", "visiting", "ukraine's", "russia's", "korea's"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open a clause hanging off a sentence ("..., as Kyiv pressed its allies", "..., the first time the alliance confirmed it").</summary>
    public static readonly HashSet<string> Subordinators = new(
        ["as", "while", "when", "after", "before", "because", "amid", "although", "though", "since", "despite", "even", "until", "whereas",
         "days", "hours", "weeks", "the", "a", "an", "in", "on", "at", "and", "but", "its", "his", "her", "their"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that only say where, when, how or to whom something was said ("on Monday in a post on X", "in his nightly video address").</summary>
    public static readonly HashSet<string> CircumstanceWords = new(
        ["on", "in", "at", "during", "to", "after", "before", "last", "this", "earlier", "later", "late", "early", "week", "month", "year",
         "yesterday", "today", "tonight", "a", "an", "the", "his", "her", "its", "their", "reporters", "journalists", "lawmakers", "parliament",
         "via", "through", "news", "press", "conference", "briefing", "statement", "interview", "address", "video", "evening", "nightly",
         "daily", "televised", "speech", "post", "with", "by", "phone", "call", "meeting", "visit", "summit", "of", "from", "state", "media",
         "television", "tv", "radio", "broadcast", "online", "posted", "regular", "weekly", "emergency", "session", "hearing", "told", "x",
         "telegram", "morning", "afternoon", "night", "day", "days", "ago", "separately", "also", "privately", "publicly", "again"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whom a statement is told to, when no outlet is named ("told reporters", "told state television", "told the council").</summary>
    public static readonly HashSet<string> Listeners = new(
        ["reporters", "journalists", "lawmakers", "legislators", "parliament", "senators", "mps", "council", "assembly", "committee", "television",
         "tv", "radio", "media", "press", "newspaper", "broadcaster", "conference", "briefing", "audience", "crowd", "gathering", "summit",
         "delegates", "diplomats", "students", "agency"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>What an organisation issues: "a statement from the ministry" is the ministry speaking.</summary>
    public static readonly HashSet<string> Documents = new(
        ["statement", "report", "post", "video", "message", "communique", "release", "letter", "document", "assessment", "bulletin", "update", "note"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words reporters use for one thing, by the sense the proposition ranker folds them to (after its stem): troops,
    /// soldiers and personnel; sent, ferried and deployed; shells, ammunition and arms; and so on. English news usage,
    /// not the wording of any one proposition.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Senses = BuildSenses(
        ("troop", ["troops", "troop", "soldiers", "soldier", "personnel", "infantry", "units", "unit", "contingent", "servicemen", "fighters",
                   "men", "cadre", "reinforcements", "forces", "manpower", "recruits", "conscripts", "battalion", "battalions", "brigade",
                   "brigades", "regiment", "regiments", "paratroopers", "marines", "commandos", "army", "armies"]),
        ("deploy", ["deploy", "deployed", "deployment", "deploying", "send", "sends", "sent", "sending", "dispatch", "dispatched", "ferry",
                    "ferried", "move", "moved", "moving", "transfer", "transferred", "transferring", "station", "stationed", "arrive",
                    "arrived", "arriving", "arrival", "transport", "transported", "carried", "rotation"]),
        ("munition", ["weapons", "weapon", "munitions", "munition", "ammunition", "ammo", "arms", "shells", "shell", "artillery", "rounds",
                      "howitzers", "howitzer", "launchers", "launcher", "rockets", "rocket", "containers", "container"]),
        ("supply", ["supply", "supplies", "supplied", "supplying", "supplier", "export",
                    "exported", "exports", "deliver", "delivered", "deliveries", "delivery", "ship", "shipped", "shipment", "shipments",
                    "shipping"]),
        ("missile", ["missile", "missiles", "ballistic", "hwasong", "kn"]),
        ("fire", ["fire", "fired", "firing", "launch", "launched", "launches", "strike", "strikes", "struck", "hit", "hits", "used", "use"]),
        ("combat", ["combat", "fight", "fighting", "fought", "battle", "battles", "battlefield", "front", "frontline", "assault", "assaults",
                    "attack", "attacks", "clash", "clashes", "killed", "wounded", "casualties", "losses", "offensive", "war"]),
        ("gain", ["paid", "pay", "pays", "payment", "payments", "money", "cash", "currency", "gain", "gains", "reward", "rewards", "benefit",
                  "benefits", "technology", "technologies", "exchange", "return", "experience", "data", "expertise", "profit", "prize",
                  "laboratory", "financially", "financial", "earn", "earns", "earned", "revenue"]),
        ("specialist", ["engineers", "engineer", "specialists", "specialist", "technicians", "technician", "workers", "worker",
                        "instructors", "scientists", "advisers"]),
        ("burden", ["burden", "pressure", "problem", "strain", "shortage", "reserves", "stretched", "overstretched", "harder"]),
        ("train", ["training", "trained", "train", "drills", "drill", "exercise", "exercises", "bases", "base", "camp", "camps", "ground",
                   "grounds", "range"]),
        ("north-korea", ["north", "korean", "koreans", "pyongyang", "dprk"]),
        ("russia", ["russia", "russian", "russians", "moscow", "kremlin"]),
        ("ukraine", ["ukraine", "ukrainian", "ukrainians", "kyiv"]));

    /// <summary>Senses that only say where or whose (countries), not what happens.</summary>
    public static readonly HashSet<string> PlaceSenses = new(["north-korea", "russia", "ukraine"], StringComparer.Ordinal);

    /// <summary>The names of the senses in <see cref="Senses"/>.</summary>
    public static readonly HashSet<string> SenseNames = Senses.Values.ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> BuildSenses(params (string Sense, string[] Words)[] senses)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (sense, words) in senses)
        {
            foreach (var word in words)
            {
                map.TryAdd(PropositionRanker.Stem(word), sense);
            }
        }

        return map;
    }

    /// <summary>Nouns of a person's role that open a description after a name ("director of the Korea Risk Group").</summary>
    public static readonly HashSet<string> RoleNouns = new(
        ["member", "founder", "co-founder", "cofounder", "author", "spokesperson", "official", "head", "leader", "fellow", "scholar", "specialist",
         "expert", "analyst", "researcher", "lecturer", "professor", "director", "chief", "chairman", "president", "minister", "commander",
         "adviser", "advisor", "aide", "envoy", "ambassador", "deputy", "secretary", "sister", "brother", "wife", "husband", "son", "daughter",
         "veteran", "colonel", "general", "officer", "manager", "editor", "investigator", "economist", "historian", "one", "part", "former"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns of a country's bodies: "Russia's embassy", "North Korea's foreign ministry", "Ukraine's air force".</summary>
    public static readonly HashSet<string> BodyNouns = new(
        ["embassy", "consulate", "mission", "ministry", "force", "forces", "navy", "army", "staff", "parliament", "guard", "service", "agency",
         "cabinet", "police", "military", "command", "office", "council", "committee", "bank", "court", "prosecutors", "legislature", "delegation"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that may come between a country and its body's noun ("foreign ministry", "general staff", "air force", "state security service").</summary>
    public static readonly HashSet<string> BodyModifiers = new(
        ["foreign", "defence", "defense", "interior", "justice", "finance", "economy", "emergency", "emergencies", "general", "air", "armed",
         "border", "coast", "state", "security", "national", "central", "supreme", "federal", "presidential", "border", "special", "operations",
         "strategic", "rocket", "space", "naval", "ground", "land", "energy", "health", "unification", "intelligence", "military"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a capitalised name an organisation rather than a person.</summary>
    public static readonly HashSet<string> OrganisationWords = new(
        ["ministry", "agency", "office", "council", "service", "group", "institute", "university", "centre", "center", "forces", "force", "army",
         "command", "news", "press", "committee", "government", "department", "directorate", "administration", "bureau", "commission", "foundation",
         "association", "company", "corporation", "times", "post", "journal", "radio", "television", "tv", "network", "party", "parliament",
         "assembly", "embassy", "mission", "staff", "guard", "navy", "fleet", "alliance", "organisation", "organization", "union", "nations",
         "studies", "research", "project", "observatory", "monitor", "watch", "review", "tribune", "herald", "daily", "telegraph", "guardian",
         "kremlin", "pentagon", "white", "house", "reuters", "yonhap", "tass", "interfax", "ria", "afp", "kyodo", "nhk", "kcna", "bbc", "cnn", "ap"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a name a news outlet.</summary>
    public static readonly HashSet<string> OutletWords = new(
        ["news", "press", "times", "post", "journal", "radio", "television", "tv", "agency", "reuters", "yonhap", "tass", "interfax", "ria",
         "afp", "kyodo", "nhk", "bbc", "cnn", "ap", "bloomberg", "guardian", "telegraph", "herald", "tribune", "daily", "zone", "wire",
         "broadcasting", "network", "magazine", "newspaper", "insider", "politico", "axios", "nikkei", "kcna", "ukrinform", "suspilne",
         "pravda", "kommersant", "izvestia", "sputnik", "rt", "jazeera", "cbs", "nbc", "abc", "fox", "npr", "pbs", "dpa", "efe", "ansa"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Where a statement was first made, when the article credits it elsewhere: a republication.</summary>
    public static readonly string[] VenuePhrases =
        ["in a statement", "a statement", "statement", "video address", "address", "in parliament", "told parliament", "to parliament", "lawmakers",
         "briefing", "press conference", "news conference", "conference call", "call with reporters", "gathering", "summit", "interview", "on telegram", "on x", "on twitter", "on facebook",
         "social media", "posted", "wrote", "telegram post", "facebook post", "in a post", "a post on", "was quoted", "were quoted", "is quoted", "quoted as", "security council", "in a report", "report",
         "state media", "state tv", "state television", "speech", "televised", "on television", "told reporters in", "told a", "told the", "hearing",
         "testimony", "parliamentary", "committee", "forum", "podcast", "told local media", "told state"];

    private static readonly System.Text.RegularExpressions.Regex VenueRegex = new(
        @"\b(?:" + string.Join('|', VenuePhrases.Select(System.Text.RegularExpressions.Regex.Escape)) + @")\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>The first venue phrase in <paramref name="text"/> in list order ("in a statement" before "statement"), or null.</summary>
    public static string? Venue(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = VenueRegex.Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (found.Count == 0)
        {
            return null;
        }

        // Overlapping phrases: the list's order decides, as it did phrase by phrase.
        return VenuePhrases.FirstOrDefault(v => found.Contains(v) || found.Any(f => f.Contains(v, StringComparison.Ordinal) && HasWords(f, v))) ?? found.First();
    }

    private static bool HasWords(string text, string phrase)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        var end = at + phrase.Length;
        return at >= 0 && (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
    }

    /// <summary>Countries by the words that name them, for "Seoul said" and "South Korea's spy agency".</summary>
    public static readonly (string Code, string[] Names)[] Countries =
    [
        ("KR", ["south korea", "south korean", "south koreans", "seoul", "republic of korea", "rok"]),
        ("KP", ["north korea", "north korean", "north koreans", "pyongyang", "dprk"]),
        ("UA", ["ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"]),
        ("RU", ["russia", "russian", "russians", "moscow"]),
        ("US", ["united states", "us", "u s", "american", "americans", "washington", "america"]),
        ("CN", ["china", "chinese", "beijing"]),
        ("JP", ["japan", "japanese", "tokyo"]),
        ("GB", ["britain", "british", "uk", "united kingdom", "london"]),
        ("FR", ["france", "french", "paris"]),
        ("DE", ["germany", "german", "berlin"]),
        ("PL", ["poland", "polish", "warsaw"]),
        ("BY", ["belarus", "belarusian", "minsk"]),
        ("IR", ["iran", "iranian", "tehran"]),
    ];

    /// <summary>Role words and the kind of actor they name ("spy agency" is an intelligence service).</summary>
    public static readonly (string[] Words, Domain.Actors.ActorKind Kind, string? NameWord)[] Titles =
    [
        (["spy", "agency"], Domain.Actors.ActorKind.IntelligenceService, null),
        (["intelligence", "agency"], Domain.Actors.ActorKind.IntelligenceService, null),
        (["intelligence", "service"], Domain.Actors.ActorKind.IntelligenceService, null),
        (["military", "intelligence"], Domain.Actors.ActorKind.IntelligenceService, null),
        (["defence", "intelligence"], Domain.Actors.ActorKind.IntelligenceService, null),
        (["defense", "intelligence"], Domain.Actors.ActorKind.IntelligenceService, null),
        (["intelligence"], Domain.Actors.ActorKind.IntelligenceService, null),
        (["defence", "ministry"], Domain.Actors.ActorKind.GovernmentBody, "defense"),
        (["defense", "ministry"], Domain.Actors.ActorKind.GovernmentBody, "defense"),
        (["ministry", "of", "defence"], Domain.Actors.ActorKind.GovernmentBody, "defense"),
        (["ministry", "of", "defense"], Domain.Actors.ActorKind.GovernmentBody, "defense"),
        (["military"], Domain.Actors.ActorKind.Military, null),
        (["armed", "forces"], Domain.Actors.ActorKind.Military, null),
        (["general", "staff"], Domain.Actors.ActorKind.Military, null),
        (["presidential", "office"], Domain.Actors.ActorKind.GovernmentBody, "president"),
        (["president's", "office"], Domain.Actors.ActorKind.GovernmentBody, "president"),
        (["government"], Domain.Actors.ActorKind.GovernmentBody, null),
    ];
}
