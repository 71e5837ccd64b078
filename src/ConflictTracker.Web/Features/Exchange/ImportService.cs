using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// Imports actors, sources, propositions, claims and citations from CSV or JSON
/// (docs/import-export.md). The file is read as a stream, a batch of rows at a time, inside one
/// transaction: every row goes through the same domain rules as the forms, bad rows are collected
/// (line, field, message), and the transaction commits only when there is none and it is not a
/// dry run. Rows carry external ids, so importing the same file again adds nothing.
/// </summary>
public sealed partial class ImportService(
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    TimeProvider time,
    ILogger<ImportService> logger
)
{
    public const int BatchSize = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly JsonSerializerOptions FingerprintJson = new(JsonSerializerDefaults.Web);

    /// <summary>UTF-8 that throws on broken bytes instead of replacing them with U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    public async Task<ImportReport> ImportAsync(
        Stream input,
        ImportFormat format,
        RecordType? csvType,
        bool dryRun,
        long? totalBytes,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "import records");
        var clock = Stopwatch.StartNew();
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counting = new CountingStream(input);
        // PostgreSQL keeps microseconds: the run's time, read back from an earlier batch, must compare equal.
        var now = time.GetUtcNow();
        var run = new ImportRun(db, db.ChangedBy!, now.AddTicks(-(now.Ticks % 10)));

        var batch = new List<ParsedRow>(BatchSize);
        try
        {
            // Every format reads through a strict UTF-8 check: System.Text.Json would otherwise turn a
            // broken byte inside a string into U+FFFD without a word.
            await using var checkedUtf8 = Encoding.CreateTranscodingStream(
                counting,
                StrictUtf8,
                Encoding.UTF8,
                leaveOpen: true
            );
            await foreach (var row in ReadAsync(checkedUtf8, format, csvType, cancellationToken))
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await run.ApplyAsync(batch, cancellationToken);
                    batch.Clear();
                    progress?.Report(new ImportProgress(counting.BytesRead, totalBytes, run.Rows, run.ErrorCount));
                }
            }
        }
        catch (DecoderFallbackException)
        {
            // Replacing broken bytes with U+FFFD would store text nobody wrote: the whole file is refused.
            await run.ApplyAsync(batch, cancellationToken);
            batch.Clear();
            run.Fail(
                run.Rows + 1,
                null,
                $"The file is not valid UTF-8 (a broken byte sequence within its first {counting.BytesRead:N0} bytes): save it as UTF-8 and import it again."
            );
        }

        await run.ApplyAsync(batch, cancellationToken);
        if (run.Rows == 0 && run.ErrorCount == 0)
        {
            run.Fail(0, null, "The file has no rows.");
        }

        var commit = !dryRun && run.ErrorCount == 0;
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        progress?.Report(new ImportProgress(counting.BytesRead, totalBytes, run.Rows, run.ErrorCount));
        var report = new ImportReport(
            dryRun,
            commit,
            run.Rows,
            run.Counts(),
            run.Errors,
            run.ErrorCount,
            clock.Elapsed
        );
        LogImported(db.ChangedBy!, format, run.Rows, run.ErrorCount, commit, clock.Elapsed.TotalSeconds);
        return report;
    }

    /// <summary>The file's rows with their line numbers; a row that cannot be read becomes an error, not an
    /// exception.</summary>
    private static IAsyncEnumerable<ParsedRow> ReadAsync(
        Stream input,
        ImportFormat format,
        RecordType? csvType,
        CancellationToken cancellationToken
    ) =>
        format switch
        {
            ImportFormat.Csv => csvType is { } type
                ? ReadCsvAsync(input, type, cancellationToken)
                : Single(
                    new ParsedRow(
                        0,
                        null,
                        new ImportError(
                            0,
                            "type",
                            "Say which records the CSV file holds (type=actor, source, proposition, claim or citation)."
                        )
                    )
                ),
            _ => ReadJsonAsync(input, cancellationToken),
        };

    private static async IAsyncEnumerable<ParsedRow> Single(ParsedRow row)
    {
        await Task.CompletedTask;
        yield return row;
    }

    private static async IAsyncEnumerable<ParsedRow> ReadCsvAsync(
        Stream input,
        RecordType type,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var recordType = ClrType(type);
        var bad = new List<ImportError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = args =>
                bad.Add(
                    new ImportError(args.Context.Parser?.RawRow ?? 0, null, $"Malformed CSV: {Short(args.RawRecord)}")
                ),
            DetectColumnCountChanges = true,
        };
        using var reader = new StreamReader(input, StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvReader(reader, config);
        csv.Context.TypeConverterOptionsCache.GetOptions<string>().NullValues.Add("");

        ImportError? headerError = null;
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader())
            {
                headerError = new ImportError(1, null, "The file is empty: it needs a header row.");
            }
            else
            {
                // The claims export read back: its first column is the claim's id (docs/import-export.md).
                if (
                    type == RecordType.Claim
                    && csv.HeaderRecord!.Any(h => h.Trim().Equals("id", StringComparison.OrdinalIgnoreCase))
                )
                {
                    recordType = typeof(ExportedClaimRecord);
                }

                var known = recordType
                    .GetProperties()
                    .Select(p => p.Name.ToLowerInvariant())
                    .ToHashSet(StringComparer.Ordinal);
                var unknown = csv.HeaderRecord!.Where(h => !known.Contains(h.Trim().ToLowerInvariant())).ToList();
                if (unknown.Count > 0)
                {
                    headerError = new ImportError(
                        1,
                        string.Join(", ", unknown),
                        $"Unknown column(s) for {type} rows; the columns are: {string.Join(", ", recordType.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)))}."
                    );
                }
            }
        }
        catch (CsvHelperException ex)
        {
            headerError = new ImportError(1, null, $"Malformed CSV header: {ex.Message.Split('\n')[0]}");
        }

        if (headerError is not null)
        {
            yield return new ParsedRow(1, null, headerError);
            yield break;
        }

        while (true)
        {
            ParsedRow? row;
            try
            {
                if (!await csv.ReadAsync())
                {
                    break;
                }

                var line = csv.Parser.RawRow;
                row =
                    bad.Count > 0
                        ? new ParsedRow(line, null, bad[^1])
                        : new ParsedRow(line, (ImportRecord)csv.GetRecord(recordType)!, null);
                bad.Clear();
            }
            catch (CsvHelperException ex)
            {
                row = new ParsedRow(
                    csv.Parser.RawRow,
                    null,
                    new ImportError(
                        csv.Parser.RawRow,
                        ex is CsvHelper.TypeConversion.TypeConverterException tc
                            ? tc.MemberMapData?.Member?.Name
                            : null,
                        $"Cannot read the row: {ex.Message.Split('\n')[0]}"
                    )
                );
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>
    /// JSON: an array of records, or one record per line (JSON Lines). Each record names its
    /// <c>type</c>. Lines are counted in the file for JSON Lines, and as record numbers in an array.
    /// </summary>
    private static async IAsyncEnumerable<ParsedRow> ReadJsonAsync(
        Stream input,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var (peeked, first) = await PeekAsync(input, cancellationToken);
        var buffered = new BufferedStream(new PrefixedStream(peeked, input), 64 * 1024);
        if (first == '[')
        {
            var number = 0L;
            await using var records = JsonSerializer
                .DeserializeAsyncEnumerable<JsonElement>(buffered, Json, cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                ParsedRow row;
                var malformed = false;
                try
                {
                    if (!await records.MoveNextAsync())
                    {
                        break;
                    }

                    row = ParseJson(++number, records.Current);
                }
                catch (JsonException ex)
                {
                    row = new ParsedRow(
                        number + 1,
                        null,
                        new ImportError(
                            number + 1,
                            null,
                            $"Malformed JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine}: the rest of the file cannot be read."
                        )
                    );
                    malformed = true;
                }

                yield return row;
                if (malformed)
                {
                    yield break;
                }
            }

            yield break;
        }

        using var reader = new StreamReader(
            buffered,
            StrictUtf8,
            detectEncodingFromByteOrderMarks: true,
            leaveOpen: true
        );
        var lineNumber = 0L;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ParsedRow row;
            try
            {
                using var document = JsonDocument.Parse(line);
                row = ParseJson(lineNumber, document.RootElement);
            }
            catch (JsonException ex)
            {
                row = new ParsedRow(
                    lineNumber,
                    null,
                    new ImportError(
                        lineNumber,
                        null,
                        $"Malformed JSON at position {ex.BytePositionInLine}: {ex.Message.Split('.')[0]}."
                    )
                );
            }

            yield return row;
        }
    }

    private static ParsedRow ParseJson(long line, JsonElement element)
    {
        if (
            element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("type", out var typeProperty)
            || typeProperty.ValueKind != JsonValueKind.String
            || !Enum.TryParse<RecordType>(typeProperty.GetString(), ignoreCase: true, out var type)
            || !Enum.IsDefined(type)
        )
        {
            return new ParsedRow(
                line,
                null,
                new ImportError(
                    line,
                    "type",
                    "Each record needs \"type\": actor, source, proposition, claim or citation."
                )
            );
        }

        try
        {
            var withoutType = new Dictionary<string, JsonElement>();
            foreach (var property in element.EnumerateObject().Where(p => p.Name != "type"))
            {
                withoutType[property.Name] = property.Value;
            }

            var record = (ImportRecord)
                JsonSerializer.Deserialize(JsonSerializer.SerializeToElement(withoutType), ClrType(type), Json)!;
            return new ParsedRow(line, record, null);
        }
        catch (JsonException ex)
        {
            return new ParsedRow(
                line,
                null,
                new ImportError(
                    line,
                    ex.Path?.TrimStart('$', '.'),
                    $"Cannot read the {type.ToString().ToLowerInvariant()}: {ex.Message.Split(". Path")[0]}"
                )
            );
        }
    }

    /// <summary>Reads up to the first byte that is not white space (or a byte-order mark); returns the bytes read and
    /// that byte (-1 at the end).</summary>
    private static async Task<(byte[] Read, int First)> PeekAsync(Stream stream, CancellationToken cancellationToken)
    {
        var read = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            read.Add(one[0]);
            if (one[0] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0xEF or 0xBB or 0xBF))
            {
                return (read.ToArray(), one[0]);
            }
        }

        return (read.ToArray(), -1);
    }

    private static Type ClrType(RecordType type) =>
        type switch
        {
            RecordType.Actor => typeof(ActorRecord),
            RecordType.Source => typeof(SourceRecord),
            RecordType.Proposition => typeof(PropositionRecord),
            RecordType.Claim => typeof(ClaimRecord),
            _ => typeof(CitationRecord),
        };

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [LoggerMessage(
        EventId = 6001,
        Level = LogLevel.Information,
        Message = "Import by {User} ({Format}): {Rows} rows, {Errors} errors, committed {Committed}, {Seconds:0.0} s"
    )]
    private partial void LogImported(
        string user,
        ImportFormat format,
        long rows,
        int errors,
        bool committed,
        double seconds
    );

    internal sealed record ParsedRow(long Line, ImportRecord? Record, ImportError? Error);

    /// <summary>Bytes already read from a stream, then the rest of it.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - position);
                prefix.AsMemory(position, n).CopyTo(buffer);
                position += n;
                return ValueTask.FromResult(n);
            }

            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken
        ) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream that counts the bytes read through it, for the progress bar.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(
            Memory<byte> buffer,
            CancellationToken cancellationToken = default
        )
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += n;
            return n;
        }

        public override Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken
        ) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A fingerprint of a row as imported: the same row gives the same text.</summary>
    internal static string Fingerprint(ImportRecord record) =>
        Convert.ToHexStringLower(
            SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), FingerprintJson))
        );
}
