namespace ConflictTracker.Web.Features.Shared;

/// <summary>
/// The languages of ISO 639-1, with their English names (from Debian's iso-codes), for the language fields: an
/// editor picks "Korean" and "ko" is stored; the claim page shows "Korean". A tag with a region or script
/// ("en-GB", "zh-Hant") is named after its language.
/// </summary>
public static class Languages
{
    /// <summary>Every ISO 639-1 code with its English name, sorted by name.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("ab", "Abkhazian"),
        ("aa", "Afar"),
        ("af", "Afrikaans"),
        ("ak", "Akan"),
        ("sq", "Albanian"),
        ("am", "Amharic"),
        ("ar", "Arabic"),
        ("an", "Aragonese"),
        ("hy", "Armenian"),
        ("as", "Assamese"),
        ("av", "Avaric"),
        ("ae", "Avestan"),
        ("ay", "Aymara"),
        ("az", "Azerbaijani"),
        ("bm", "Bambara"),
        ("ba", "Bashkir"),
        ("eu", "Basque"),
        ("be", "Belarusian"),
        ("bn", "Bengali"),
        ("bh", "Bihari languages"),
        ("bi", "Bislama"),
        ("nb", "Bokmål, Norwegian"),
        ("bs", "Bosnian"),
        ("br", "Breton"),
        ("bg", "Bulgarian"),
        ("my", "Burmese"),
        ("ca", "Catalan"),
        ("km", "Central Khmer"),
        ("ch", "Chamorro"),
        ("ce", "Chechen"),
        ("ny", "Chichewa"),
        ("zh", "Chinese"),
        ("cu", "Church Slavic"),
        ("cv", "Chuvash"),
        ("kw", "Cornish"),
        ("co", "Corsican"),
        ("cr", "Cree"),
        ("hr", "Croatian"),
        ("cs", "Czech"),
        ("da", "Danish"),
        ("dv", "Divehi"),
        ("nl", "Dutch"),
        ("dz", "Dzongkha"),
        ("en", "English"),
        ("eo", "Esperanto"),
        ("et", "Estonian"),
        ("ee", "Ewe"),
        ("fo", "Faroese"),
        ("fj", "Fijian"),
        ("fi", "Finnish"),
        ("fr", "French"),
        ("ff", "Fulah"),
        ("gd", "Gaelic"),
        ("gl", "Galician"),
        ("lg", "Ganda"),
        ("ka", "Georgian"),
        ("de", "German"),
        ("el", "Greek, Modern (1453-)"),
        ("gn", "Guarani"),
        ("gu", "Gujarati"),
        ("ht", "Haitian"),
        ("ha", "Hausa"),
        ("he", "Hebrew"),
        ("hz", "Herero"),
        ("hi", "Hindi"),
        ("ho", "Hiri Motu"),
        ("hu", "Hungarian"),
        ("is", "Icelandic"),
        ("io", "Ido"),
        ("ig", "Igbo"),
        ("id", "Indonesian"),
        ("ia", "Interlingua (International Auxiliary Language Association)"),
        ("ie", "Interlingue"),
        ("iu", "Inuktitut"),
        ("ik", "Inupiaq"),
        ("ga", "Irish"),
        ("it", "Italian"),
        ("ja", "Japanese"),
        ("jv", "Javanese"),
        ("kl", "Kalaallisut"),
        ("kn", "Kannada"),
        ("kr", "Kanuri"),
        ("ks", "Kashmiri"),
        ("kk", "Kazakh"),
        ("ki", "Kikuyu"),
        ("rw", "Kinyarwanda"),
        ("ky", "Kirghiz"),
        ("kv", "Komi"),
        ("kg", "Kongo"),
        ("ko", "Korean"),
        ("kj", "Kuanyama"),
        ("ku", "Kurdish"),
        ("lo", "Lao"),
        ("la", "Latin"),
        ("lv", "Latvian"),
        ("li", "Limburgan"),
        ("ln", "Lingala"),
        ("lt", "Lithuanian"),
        ("lu", "Luba-Katanga"),
        ("lb", "Luxembourgish"),
        ("mk", "Macedonian"),
        ("mg", "Malagasy"),
        ("ms", "Malay"),
        ("ml", "Malayalam"),
        ("mt", "Maltese"),
        ("gv", "Manx"),
        ("mi", "Maori"),
        ("mr", "Marathi"),
        ("mh", "Marshallese"),
        ("mn", "Mongolian"),
        ("na", "Nauru"),
        ("nv", "Navajo"),
        ("nd", "Ndebele, North"),
        ("nr", "Ndebele, South"),
        ("ng", "Ndonga"),
        ("ne", "Nepali"),
        ("se", "Northern Sami"),
        ("no", "Norwegian"),
        ("nn", "Norwegian Nynorsk"),
        ("oc", "Occitan (post 1500)"),
        ("oj", "Ojibwa"),
        ("or", "Oriya"),
        ("om", "Oromo"),
        ("os", "Ossetian"),
        ("pi", "Pali"),
        ("pa", "Panjabi"),
        ("fa", "Persian"),
        ("pl", "Polish"),
        ("pt", "Portuguese"),
        ("ps", "Pushto"),
        ("qu", "Quechua"),
        ("ro", "Romanian"),
        ("rm", "Romansh"),
        ("rn", "Rundi"),
        ("ru", "Russian"),
        ("sm", "Samoan"),
        ("sg", "Sango"),
        ("sa", "Sanskrit"),
        ("sc", "Sardinian"),
        ("sr", "Serbian"),
        ("sn", "Shona"),
        ("ii", "Sichuan Yi"),
        ("sd", "Sindhi"),
        ("si", "Sinhala"),
        ("sk", "Slovak"),
        ("sl", "Slovenian"),
        ("so", "Somali"),
        ("st", "Sotho, Southern"),
        ("es", "Spanish"),
        ("su", "Sundanese"),
        ("sw", "Swahili"),
        ("ss", "Swati"),
        ("sv", "Swedish"),
        ("tl", "Tagalog"),
        ("ty", "Tahitian"),
        ("tg", "Tajik"),
        ("ta", "Tamil"),
        ("tt", "Tatar"),
        ("te", "Telugu"),
        ("th", "Thai"),
        ("bo", "Tibetan"),
        ("ti", "Tigrinya"),
        ("to", "Tonga (Tonga Islands)"),
        ("ts", "Tsonga"),
        ("tn", "Tswana"),
        ("tr", "Turkish"),
        ("tk", "Turkmen"),
        ("tw", "Twi"),
        ("ug", "Uighur"),
        ("uk", "Ukrainian"),
        ("ur", "Urdu"),
        ("uz", "Uzbek"),
        ("ve", "Venda"),
        ("vi", "Vietnamese"),
        ("vo", "Volapük"),
        ("wa", "Walloon"),
        ("cy", "Welsh"),
        ("fy", "Western Frisian"),
        ("wo", "Wolof"),
        ("xh", "Xhosa"),
        ("yi", "Yiddish"),
        ("yo", "Yoruba"),
        ("za", "Zhuang"),
        ("zu", "Zulu"),
    ];

    private static readonly Dictionary<string, string> ByCode = All.ToDictionary(
        l => l.Code,
        l => l.Name,
        StringComparer.OrdinalIgnoreCase
    );

    /// <summary>"Korean" for "ko", "English (en-GB)" for "en-GB"; the tag itself when its language is not in the
    /// list; null for none.</summary>
    public static string? Name(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var trimmed = tag.Trim();
        var language = trimmed.Split('-')[0];
        if (!ByCode.TryGetValue(language, out var name))
        {
            return trimmed;
        }

        return language.Length == trimmed.Length ? name : $"{name} ({trimmed})";
    }

    /// <summary>"Korean (ko)": how a picker shows a tag.</summary>
    public static string Label(string? tag) =>
        tag is not null && ByCode.TryGetValue(tag.Trim(), out var name) ? $"{name} ({tag.Trim()})" : Name(tag) ?? "";

    /// <summary>The codes whose name or code starts with (or whose name contains) <paramref name="text"/>, the
    /// code matches first.</summary>
    public static IEnumerable<string> Search(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All.Select(l => l.Code);
        }

        var t = text.Trim();
        return All.Where(l =>
                l.Code.Equals(t, StringComparison.OrdinalIgnoreCase)
                || l.Name.Contains(t, StringComparison.OrdinalIgnoreCase)
                || Label(l.Code).Equals(t, StringComparison.OrdinalIgnoreCase)
            )
            .OrderByDescending(l => l.Code.Equals(t, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(l => l.Name.StartsWith(t, StringComparison.OrdinalIgnoreCase))
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .Select(l => l.Code);
    }

    /// <summary>The tag for what an editor typed: a code or a tag as given, a name ("korean") as its code.</summary>
    public static string? Resolve(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var t = typed.Trim();
        var byName = All.FirstOrDefault(l =>
            l.Name.Equals(t, StringComparison.OrdinalIgnoreCase)
            || Label(l.Code).Equals(t, StringComparison.OrdinalIgnoreCase)
        );
        return byName.Code ?? t;
    }
}
