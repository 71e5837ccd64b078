using System.Text;

namespace ConflictTracker.Bench;

/// <summary>
/// Renders a Latin name in Cyrillic and in Hangul, letter by letter: not a faithful transliteration,
/// but text with the shape of the real aliases (other scripts, same length, same word breaks), which
/// is what the trigram indexes and the search have to cope with.
/// </summary>
internal static class Names
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['a'] = "а",
        ['b'] = "б",
        ['c'] = "к",
        ['d'] = "д",
        ['e'] = "е",
        ['f'] = "ф",
        ['g'] = "г",
        ['h'] = "х",
        ['i'] = "и",
        ['j'] = "й",
        ['k'] = "к",
        ['l'] = "л",
        ['m'] = "м",
        ['n'] = "н",
        ['o'] = "о",
        ['p'] = "п",
        ['q'] = "к",
        ['r'] = "р",
        ['s'] = "с",
        ['t'] = "т",
        ['u'] = "у",
        ['v'] = "в",
        ['w'] = "в",
        ['x'] = "кс",
        ['y'] = "ы",
        ['z'] = "з",
    };

    // Initial consonants (choseong) and vowels (jungseong) of the Unicode Hangul syllable formula.
    private const string Consonants = "bcdfghjklmnpqrstvwxz";
    private static readonly int[] Choseong = [7, 14, 3, 5, 0, 18, 12, 15, 5, 6, 2, 17, 15, 5, 9, 16, 7, 11, 9, 12];
    private static readonly int[] Jungseong = [0, 5, 20, 8, 13, 18]; // a e i o u y

    public static string ToCyrillic(string latin)
    {
        var text = new StringBuilder(latin.Length);
        foreach (var ch in latin)
        {
            var lower = char.ToLowerInvariant(ch);
            if (Cyrillic.TryGetValue(lower, out var letter))
            {
                text.Append(char.IsUpper(ch) ? letter.ToUpperInvariant() : letter);
            }
            else
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }

    /// <summary>One Hangul syllable per consonant-vowel pair, words kept apart.</summary>
    public static string ToHangul(string latin)
    {
        var words = latin.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(
            ' ',
            words.Select(word =>
            {
                var text = new StringBuilder();
                var lower = word.ToLowerInvariant();
                for (var i = 0; i < lower.Length; i++)
                {
                    var c = Consonants.IndexOf(lower[i], StringComparison.Ordinal);
                    var initial = c >= 0 ? Choseong[c] : 11; // ㅇ before a vowel
                    var vowelAt = c >= 0 ? i + 1 : i;
                    var v = vowelAt < lower.Length ? "aeiouy".IndexOf(lower[vowelAt], StringComparison.Ordinal) : -1;
                    if (v < 0)
                    {
                        v = 0; // a consonant without a vowel gets "a"
                        vowelAt = i;
                    }

                    text.Append((char)(0xAC00 + ((initial * 21) + Jungseong[v]) * 28));
                    i = vowelAt;
                }

                return text.ToString();
            })
        );
    }
}
