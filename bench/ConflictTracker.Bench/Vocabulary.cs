namespace ConflictTracker.Bench;

/// <summary>Word lists the generated claims, sources and propositions are written from.</summary>
internal static class Vocabulary
{
    public static readonly string[] Subjects =
    [
        "Russian forces",
        "Ukrainian troops",
        "North Korean soldiers",
        "Belarusian units",
        "Wagner fighters",
        "Marines",
        "Artillery units",
        "Air defence crews",
        "Drone operators",
        "Border guards",
        "Naval infantry",
        "Territorial defence units",
        "Special forces",
        "Reserve battalions",
        "Volunteer units",
        "Engineers",
        "Tank crews",
        "Paratroopers",
        "Mechanised brigades",
        "Rocket artillery",
    ];

    public static readonly string[] Verbs =
    [
        "shelled",
        "advanced towards",
        "withdrew from",
        "were deployed to",
        "struck",
        "captured",
        "encircled",
        "reinforced",
        "were seen near",
        "crossed into",
        "attacked",
        "defended",
        "mined the approaches to",
        "evacuated",
        "redeployed from",
        "trained near",
        "were ferried to",
        "dug in around",
        "launched drones at",
        "lost positions near",
    ];

    public static readonly string[] Attributions =
    [
        "according to the daily briefing",
        "citing satellite images",
        "citing intercepted radio traffic",
        "according to local officials",
        "citing a video posted online",
        "according to a prisoner's testimony",
        "citing drone footage",
        "according to the general staff",
        "citing railway records",
        "according to residents",
        "citing a leaked document",
        "according to a parliamentary committee",
        "citing unnamed officials",
        "according to open-source analysts",
        "citing hospital records",
    ];

    public static readonly string[] HeadlineWords =
    [
        "offensive",
        "counteroffensive",
        "frontline",
        "shelling",
        "casualties",
        "drones",
        "missiles",
        "troops",
        "mobilisation",
        "ceasefire",
        "talks",
        "sanctions",
        "ammunition",
        "convoy",
        "bridge",
        "railway",
        "refinery",
        "airbase",
        "port",
        "grain",
        "evacuation",
        "prisoners",
        "exchange",
        "briefing",
        "intelligence",
        "report",
        "satellite",
        "analysis",
        "border",
        "reinforcements",
        "brigade",
        "artillery",
        "defence",
        "strike",
        "attack",
    ];

    public static readonly string[] Russian =
    [
        "войска",
        "обстреляли",
        "город",
        "наступление",
        "отступили",
        "сообщили",
        "военные",
        "колонна",
        "техника",
        "границу",
        "ракеты",
        "дроны",
        "позиции",
        "бригада",
        "штурм",
        "эшелон",
        "переброска",
        "учения",
    ];

    public static readonly string[] Ukrainian =
    [
        "війська",
        "обстріляли",
        "місто",
        "наступ",
        "відступили",
        "повідомили",
        "військові",
        "колона",
        "техніка",
        "кордон",
        "ракети",
        "дрони",
        "позиції",
        "бригада",
        "штурм",
        "ешелон",
        "перекидання",
        "навчання",
    ];

    public static readonly string[] Korean =
    [
        "군대",
        "포격",
        "도시",
        "진격",
        "후퇴",
        "발표",
        "병사",
        "기차",
        "탱크",
        "국경",
        "미사일",
        "드론",
        "진지",
        "여단",
        "공격",
        "파병",
        "훈련",
        "정보",
    ];

    public static readonly string[] Countries =
    [
        "UA",
        "RU",
        "KR",
        "KP",
        "US",
        "GB",
        "FR",
        "DE",
        "PL",
        "BY",
        "CN",
        "JP",
        "TR",
        "IR",
        "IL",
        "FI",
        "EE",
        "LV",
        "LT",
        "MD",
    ];

    public static readonly (string Name, string Unit, int Low, int High)[] Measures =
    [
        ("soldiers", "soldiers", 200, 20000),
        ("shells", "shells", 1000, 100000),
        ("casualties", "people", 10, 5000),
        ("drones", "drones", 5, 500),
        ("vehicles", "vehicles", 5, 400),
        ("containers", "containers", 50, 15000),
    ];

    public static readonly string[] RetractionReasons =
    [
        "The outlet withdrew the report.",
        "Entered against the wrong proposition.",
        "The quote was misattributed.",
    ];

    public static readonly string[] FlagComments =
    [
        "The translation does not match the quote.",
        "Source looks like a repost of a repost.",
        "Same statement entered twice?",
        "The date in the source differs.",
        "Is this the right speaker?",
    ];
}
