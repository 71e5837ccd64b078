namespace ConflictTracker.Intake;

/// <summary>
/// A span of a snapshot, anchored as a W3C Web Annotation TextQuoteSelector (the exact words with up
/// to 32 characters either side) and as character offsets into the snapshot text (end exclusive).
/// The offsets find it fast; the quote selector finds it again if offsets ever disagree.
/// </summary>
public sealed record TextQuoteSelector(string Exact, string Prefix, string Suffix, int Start, int End)
{
    public const int ContextLength = 32;

    public static TextQuoteSelector For(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var prefixStart = Math.Max(0, start - ContextLength);
        var suffixEnd = Math.Min(text.Length, end + ContextLength);
        return new TextQuoteSelector(text[start..end], text[prefixStart..start], text[end..suffixEnd], start, end);
    }

    /// <summary>True when the offsets still point at the exact words in <paramref name="text"/>.</summary>
    public bool Fits(string text) =>
        End <= text.Length
        && Start <= End
        && string.CompareOrdinal(text, Start, Exact, 0, Exact.Length) == 0
        && End - Start == Exact.Length;
}
