using System.Buffers;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// CSV that is safe to open in a spreadsheet (OWASP "CSV Injection"; docs/import-export.md): a text
/// cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be
/// run as a formula (<c>=HYPERLINK(…)</c> sending a reader's data elsewhere), so it is written with a
/// single quote in front, which spreadsheets read as "this is text". Every cell is quoted, so a
/// spreadsheet that splits at another separator (<c>;</c> in much of Europe) still keeps a cell whole.
/// Numbers, dates, ids and enum names the app writes are left as they are: they are never formulas.
/// Every CSV export writes through <see cref="CreateWriter"/>.
/// </summary>
public static class SpreadsheetCsv
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static CsvWriter CreateWriter(TextWriter writer, bool leaveOpen = false)
    {
        var csv = new CsvWriter(
            writer,
            new CsvConfiguration(CultureInfo.InvariantCulture) { ShouldQuote = _ => true },
            leaveOpen
        );
        csv.Context.TypeConverterCache.AddConverter<string>(new NeutralisingConverter());
        // ISO 8601: every spreadsheet in every locale reads it as the same day.
        csv.Context.TypeConverterOptionsCache.GetOptions<DateOnly>().Formats = ["yyyy-MM-dd"];
        csv.Context.TypeConverterOptionsCache.GetOptions<DateOnly?>().Formats = ["yyyy-MM-dd"];
        return csv;
    }

    /// <summary>The text as a spreadsheet should show it: with a leading <c>'</c> when it would otherwise be read as a
    /// formula. Text that already starts with quotes before such a character (<c>'=1</c>) gets one more, so <see
    /// cref="Restore"/> gives back exactly what was written.</summary>
    public static string? Neutralise(string? text) => text is not null && WouldRunAfterQuotes(text) ? "'" + text : text;

    /// <summary>The text <see cref="Neutralise"/> was given: the quote it put in front removed. Reading the claims
    /// export back (docs/import-export.md, "Round trip") goes through it.</summary>
    public static string? Restore(string? text) =>
        text is { Length: > 1 } && text[0] == '\'' && WouldRunAfterQuotes(text[1..]) ? text[1..] : text;

    /// <summary>Whether the text, after any leading quotes, starts a formula.</summary>
    private static bool WouldRunAfterQuotes(string text)
    {
        var rest = text.AsSpan().TrimStart('\'');
        return rest.Length > 0 && FormulaStarts.Contains(rest[0]);
    }

    private sealed class NeutralisingConverter : StringConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            Neutralise(base.ConvertToString(value, row, memberMapData));
    }
}
