using System.Text.RegularExpressions;

namespace ConflictTracker.Evidence.Storage;

/// <summary>What the stores accept: only the shapes <see cref="EvidenceKeys"/> makes, so no key can name a path
/// outside the store (no "..", no backslash, no leading slash, nothing but lower-case hex and the fixed words).
/// </summary>
public static partial class EvidenceKeys
{
    /// <summary>Whether a key has the shape of an original's or a preview's key (and nothing else).</summary>
    public static bool IsKey(string? key)
    {
        if (key is null)
        {
            return false;
        }
        var original = OriginalKeyExact().Match(key);
        if (original.Success)
        {
            // sha256/ab/cd/abcd…: the two folders are the hash's first four characters.
            var hash = original.Groups[1].Value;
            return key.AsSpan(7, 2).SequenceEqual(hash.AsSpan(0, 2))
                && key.AsSpan(10, 2).SequenceEqual(hash.AsSpan(2, 2));
        }
        return PreviewKey().IsMatch(key);
    }

    /// <summary>Whether a prefix may be listed: "" or folder names of lower-case letters and digits, each
    /// ending with a slash ("sha256/", "sha256/ab/", "previews/abcd…/").</summary>
    public static bool IsPrefix(string? prefix) => prefix is not null && PrefixShape().IsMatch(prefix);

    /// <summary>The key itself, or an <see cref="ArgumentException"/> when it is not a key
    /// <see cref="EvidenceKeys"/> makes.</summary>
    public static string CheckedKey(string key) =>
        IsKey(key) ? key : throw new ArgumentException($"Not an evidence key: \"{key}\".", nameof(key));

    /// <summary>The prefix itself, or an <see cref="ArgumentException"/> when it is not a listable prefix.</summary>
    public static string CheckedPrefix(string prefix) =>
        IsPrefix(prefix)
            ? prefix
            : throw new ArgumentException($"Not an evidence prefix: \"{prefix}\".", nameof(prefix));

    // \z, not $: in .NET "$" also matches before a final "\n", and "key\n" is not a key.
    [GeneratedRegex("^sha256/[0-9a-f]{2}/[0-9a-f]{2}/([0-9a-f]{64})\\z")]
    private static partial Regex OriginalKeyExact();

    [GeneratedRegex("^previews/[0-9a-f]{64}/(0|[1-9][0-9]{0,8})\\.jpg\\z")]
    private static partial Regex PreviewKey();

    [GeneratedRegex("^([0-9a-z]+/)*\\z")]
    private static partial Regex PrefixShape();
}
