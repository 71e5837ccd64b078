using System.Text.RegularExpressions;

namespace ConflictTracker.Evidence.Storage;

/// <summary>The keys blobs are stored under: <c>sha256/ab/cd/abcd…</c> for an original, and
/// <c>previews/abcd…/N.jpg</c> for its previews.</summary>
public static partial class EvidenceKeys
{
    public static string Original(string sha256) => $"sha256/{Checked(sha256)[..2]}/{sha256[2..4]}/{sha256}";

    public static string Preview(string sha256, int index) => $"previews/{Checked(sha256)}/{index}.jpg";

    /// <summary>The SHA-256 an original's key names, or null for any other key.</summary>
    public static string? Sha256Of(string key)
    {
        var match = OriginalKey().Match(key);
        return match.Success ? match.Groups[1].Value : null;
    }

    public static bool IsSha256(string? value) => value is not null && Sha256Hex().IsMatch(value);

    private static string Checked(string sha256) =>
        IsSha256(sha256)
            ? sha256
            : throw new ArgumentException("A SHA-256 is 64 lower-case hexadecimal characters.", nameof(sha256));

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex(@"^sha256/[0-9a-f]{2}/[0-9a-f]{2}/([0-9a-f]{64})\z")]
    private static partial Regex OriginalKey();
}
