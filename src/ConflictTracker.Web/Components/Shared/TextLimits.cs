using System.Globalization;
using System.Reflection;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Web.Components.Shared;

/// <summary>
/// How text fields treat their limits in the browser, and what that means for the connection that
/// carries what is typed to the server.
/// </summary>
internal static class TextLimits
{
    /// <summary>
    /// The longest text any form accepts (<see cref="MaxLengths.Quote"/> today), found rather than
    /// named, so that a longer limit added to <see cref="MaxLengths"/> later is covered too.
    /// </summary>
    public static int Longest { get; } =
        typeof(MaxLengths)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(int))
            .Max(field => (int)field.GetRawConstantValue()!);

    /// <summary>
    /// Worst case bytes on the wire for one UTF-16 unit of typed text: 3 in UTF-8 (a Korean
    /// syllable), 6 when JSON escapes it (a control character becomes <c>\u001f</c>).
    /// </summary>
    public const int WireBytesPerCharacter = 6;

    /// <summary>What a message carries besides the text: event descriptor, ids, framing.</summary>
    public const int MessageOverhead = 16 * 1024;

    /// <summary>
    /// The largest message a form sends the server: a field sends its whole value on each change, and
    /// may hold up to <see cref="TypingCap"/> of the longest limit.
    /// </summary>
    public static long LargestFieldMessage => (long)TypingCap(Longest) * WireBytesPerCharacter + MessageOverhead;

    /// <summary>
    /// How much a field lets the editor type: past its limit, so that a long paste is kept and the
    /// editor is told how much to cut (nothing over the limit is ever stored), yet bounded, so that
    /// no value can outgrow the connection's message size and drop it.
    /// </summary>
    public static int TypingCap(int limit) => limit * 2;

    /// <summary>The length the rules check: trimmed, in UTF-16 units, as <c>Rules.RequiredText</c> counts it.</summary>
    public static int LengthOf(string? text) => text?.Trim().Length ?? 0;

    /// <summary>"Quote must be at most 10,000 characters (it has 10,412)." (the rules say the same after a
    /// save)</summary>
    public static string TooLong(string name, int limit, int length) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{name} must be at most {limit:N0} characters (it has {length:N0})."
        );
}
