using System.Globalization;
using System.Reflection;
using CsvHelper.Configuration.Attributes;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// The claims export as an XLSX workbook (SpreadCheetah, written forward as the rows come, so memory does not grow
/// with the export): one sheet "Claims" with the CSV's columns in the CSV's order, the header row frozen, and typed
/// cells: figures, coordinates, the version and the credibility as numbers, dates as dates (shown yyyy-mm-dd), the
/// rest as text. A text cell in a workbook is never run as a formula, so nothing is neutralised here.
/// </summary>
internal static class ClaimXlsx
{
    /// <summary>The columns: the CSV's (<see cref="ClaimExportRow"/>'s properties, those CsvHelper ignores left
    /// out, under the names CsvHelper gives them).</summary>
    private static readonly (string Header, PropertyInfo Property)[] Columns = typeof(ClaimExportRow)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<IgnoreAttribute>() is null && p.Name != "EqualityContract")
        .Select(p => (p.GetCustomAttribute<NameAttribute>()?.Names[0] ?? p.Name, p))
        .ToArray();

    public static IReadOnlyList<string> Headers => Columns.Select(c => c.Header).ToList();

    public static async Task WriteAsync(
        IAsyncEnumerable<ClaimExportRow> rows,
        Stream output,
        CancellationToken cancellationToken
    )
    {
        await using var workbook = await Spreadsheet.CreateNewAsync(
            output,
            new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd") },
            cancellationToken
        );
        await workbook.StartWorksheetAsync("Claims", new WorksheetOptions { FrozenRows = 1 }, cancellationToken);
        var bold = workbook.AddStyle(new Style { Font = { Bold = true } });
        await workbook.AddRowAsync(Columns.Select(c => new Cell(c.Header, bold)).ToArray(), cancellationToken);
        var cells = new Cell[Columns.Length];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                cells[i] = ToCell(Columns[i].Property.GetValue(row));
            }

            await workbook.AddRowAsync(cells, cancellationToken);
        }

        await workbook.FinishAsync(cancellationToken);
    }

    private static Cell ToCell(object? value) =>
        value switch
        {
            null => new Cell((string?)null),
            string text => new Cell(text),
            decimal number => new Cell(number),
            double number => new Cell(number),
            int number => new Cell(number),
            uint number => new Cell((long)number),
            DateOnly date => new Cell(date.ToDateTime(TimeOnly.MinValue)),
            Guid id => new Cell(id.ToString()),
            Enum name => new Cell(name.ToString()),
            _ => new Cell(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
}
