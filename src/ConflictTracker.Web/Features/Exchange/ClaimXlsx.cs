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

    public static async Task WriteAsync(
        IAsyncEnumerable<ClaimExportRow> rows,
        Stream output,
        CancellationToken cancellationToken
    )
    {
        // The zip writer underneath writes its small trailers synchronously, which a response refuses.
        var body = new SyncWritesHeldBack(output);
        await WriteWorkbookAsync(rows, body, cancellationToken);
        await body.SendHeldBackAsync(cancellationToken);
    }

    private static async Task WriteWorkbookAsync(
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

    /// <summary>
    /// A response body for a writer that writes mostly asynchronously but sometimes synchronously (.NET's zip writer,
    /// closing an entry): a synchronous write is held in memory and sent, in order, before the next asynchronous
    /// write or by <see cref="SendHeldBackAsync"/>. What is held back is a zip entry's trailer or the archive's
    /// directory, a few kilobytes.
    /// </summary>
    private sealed class SyncWritesHeldBack(Stream inner) : Stream
    {
        private readonly MemoryStream held = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => held.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => held.Write(buffer);

        public override async ValueTask WriteAsync(
            ReadOnlyMemory<byte> buffer,
            CancellationToken cancellationToken = default
        )
        {
            await SendHeldBackAsync(cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public async Task SendHeldBackAsync(CancellationToken cancellationToken)
        {
            if (held.Length > 0)
            {
                await inner.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken);
                held.SetLength(0);
            }
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await SendHeldBackAsync(cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }

        // Flush is called synchronously by the zip writer too: what is held goes out with the next asynchronous call.
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                held.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
