using System.Buffers;
using System.Data;
using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Evidence.Storage;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Evidence;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>An evidence file as the full backup carries it.</summary>
internal sealed record BackupFile(
    string Sha256,
    long Size,
    int PreviewCount,
    string ContentType,
    DateTimeOffset StoredAt
);

/// <summary>
/// The full backup as a tar (docs/import-export.md, "Full backup with the files"): <c>full.json</c> (the full
/// export) first, then every original under <c>files/sha256/ab/cd/&lt;sha256&gt;</c> and its previews under
/// <c>files/previews/&lt;sha256&gt;/&lt;n&gt;.jpg</c>, streamed one blob at a time. The restore takes the same tar:
/// it stages every blob, checks every hash and that every file record has its bytes, and only then writes
/// the rows (in one transaction) and the blobs (before that transaction commits).
/// </summary>
public sealed class FullBackup(
    FullExport export,
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    IEvidenceStore store,
    EvidencePaths paths,
    ILogger<FullBackup> logger
)
{
    public const string TarJsonName = "full.json";
    public const string TarFilesFolder = "files/";

    private const int BlobBuffer = 1 << 20;

    private const UnixFileMode ReadOnlyMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Writes the tar to <paramref name="output"/>. The document is written to a temporary file first (its size
    /// heads its tar entry), then each blob is copied from storage with a fixed buffer, its length and SHA-256
    /// checked on the way: a stored blob that no longer matches its record stops the backup with an error
    /// rather than carrying other bytes under its name. Each original's custody records the download.
    /// </summary>
    public async Task WriteTarAsync(Stream output, string? address, CancellationToken cancellationToken)
    {
        await export.DemandAsync();
        Directory.CreateDirectory(paths.Staging);
        await using var json = new FileStream(
            Path.Combine(paths.Staging, $"{Guid.CreateVersion7():N}.full.json"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose
        );
        var files = await export.WriteSnapshotAsync(json, cancellationToken);
        json.Position = 0;
        var exportedAt = DateTimeOffset.UtcNow;
        await RecordDownloadsAsync(files, address, cancellationToken);

        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        await tar.WriteEntryAsync(Entry(TarJsonName, json, exportedAt), cancellationToken);
        foreach (var file in files)
        {
            var key = EvidenceKeys.Original(file.Sha256);
            await using (
                var blob =
                    await store.OpenReadAsync(key, cancellationToken)
                    ?? throw new InvalidOperationException(
                        $"The original of {file.Sha256} is missing from storage ({store.Name}); the backup "
                            + "cannot carry it. 'admin verify-evidence' lists every missing file."
                    )
            )
            await using (var checkedBlob = new CheckedBlobStream(blob, file.Size, file.Sha256))
            {
                await tar.WriteEntryAsync(Entry(TarFilesFolder + key, checkedBlob, file.StoredAt), cancellationToken);
            }

            for (var i = 0; i < file.PreviewCount; i++)
            {
                var previewKey = EvidenceKeys.Preview(file.Sha256, i);
                await using var preview = await store.OpenReadAsync(previewKey, cancellationToken);
                if (preview is null)
                {
                    // Previews are the app's own pictures, not evidence: the backup goes on without it.
                    logger.LogWarning("The full backup found no preview {Key}; it goes on without it", previewKey);
                    continue;
                }

                // Previews are small JPEGs: one at a time in memory gives the entry its length.
                using var bytes = new MemoryStream();
                await preview.CopyToAsync(bytes, cancellationToken);
                bytes.Position = 0;
                await tar.WriteEntryAsync(Entry(TarFilesFolder + previewKey, bytes, file.StoredAt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Restores a tar made by <see cref="WriteTarAsync"/> into this instance, whose data tables must be empty.
    /// Refused as a whole (nothing written, no row, no blob) when a blob's bytes do not hash to its name, a file
    /// record's original is not in the tar, or the tar holds anything else.
    /// </summary>
    public async Task<RestoreResult> RestoreTarAsync(Stream input, CancellationToken cancellationToken)
    {
        await export.DemandAsync();
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            await FullExport.EnsureEmptyAsync(connection, null, cancellationToken);
        }

        var folder = Path.Combine(paths.Staging, $"restore-{Guid.CreateVersion7():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var staged = await StageTarAsync(input, folder, cancellationToken);
            await using var json = new FileStream(
                staged.Json,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                1 << 16,
                FileOptions.Asynchronous | FileOptions.SequentialScan
            );
            return await export.RestoreRowsAsync(
                json,
                async ct =>
                {
                    foreach (var blob in staged.Blobs)
                    {
                        await store.PutFileAsync(blob.Key, blob.Path, blob.ContentType, ct);
                        File.Delete(blob.Path); // the staged copy goes as soon as the store holds the blob
                    }
                },
                cancellationToken
            );
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record StagedBlob(string Key, string Path, string ContentType);

    private sealed record StagedTar(string Json, IReadOnlyList<StagedBlob> Blobs);

    /// <summary>Reads the tar entry by entry into <paramref name="folder"/>, checking each as it comes.</summary>
    private async Task<StagedTar> StageTarAsync(Stream input, string folder, CancellationToken cancellationToken)
    {
        string? json = null;
        Dictionary<string, BackupFile> named = [];
        var blobs = new List<StagedBlob>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = new TarReader(input, leaveOpen: true);
        while (await NextEntryAsync(reader, cancellationToken) is { } entry)
        {
            if (entry.EntryType is TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }

            var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                throw Refused($"'{name}' is not a plain file; a full backup holds only files.");
            }

            if (json is null)
            {
                if (name != TarJsonName)
                {
                    throw Refused($"A full backup starts with {TarJsonName}; this one starts with '{name}'.");
                }

                json = Path.Combine(folder, TarJsonName);
                await StageAsync(entry.DataStream, json, cancellationToken);
                named = await FilesNamedAsync(json, cancellationToken);
                continue;
            }

            var key = name.StartsWith(TarFilesFolder, StringComparison.Ordinal) ? name[TarFilesFolder.Length..] : "";
            if (!EvidenceKeys.IsKey(key))
            {
                throw Refused($"'{name}' is not part of a full backup.");
            }

            if (!seen.Add(key))
            {
                throw Refused($"'{name}' is in the file twice.");
            }

            var sha256 = EvidenceKeys.Sha256Of(key);
            var owner = sha256 ?? key.Split('/')[1];
            if (!named.TryGetValue(owner, out var file))
            {
                throw Refused($"'{name}' belongs to no file record of {TarJsonName}.");
            }

            if (sha256 is null && PreviewIndex(key) >= file.PreviewCount)
            {
                throw Refused($"'{name}' is a preview its file record does not count.");
            }

            var path = Path.Combine(folder, $"{blobs.Count}.blob");
            var (hash, size) = await StageAsync(entry.DataStream, path, cancellationToken);
            if (sha256 is not null && (hash != sha256 || size != file.Size))
            {
                throw Refused(
                    $"'{name}' does not hold the bytes its name and record promise (its {size:N0} bytes hash to "
                        + $"{hash}; the record says {file.Size:N0} bytes)."
                );
            }

            blobs.Add(new StagedBlob(key, path, sha256 is null ? "image/jpeg" : file.ContentType));
        }

        if (json is null)
        {
            throw Refused($"The file holds no {TarJsonName}.");
        }

        var missing = named.Keys.Where(sha => !seen.Contains(EvidenceKeys.Original(sha))).Order().ToList();
        if (missing.Count > 0)
        {
            throw Refused(
                $"{missing.Count} file record(s) have no bytes in the backup (the first: {missing[0]}); a restore "
                    + "with the files needs every original."
            );
        }

        // Originals first, then previews: the order a new upload stores them in.
        return new StagedTar(
            json,
            blobs.OrderBy(b => b.Key.StartsWith("previews/", StringComparison.Ordinal)).ToList()
        );
    }

    private static async Task<TarEntry?> NextEntryAsync(TarReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw Refused($"The file is not a whole tar archive: {ex.Message}");
        }
    }

    private static int PreviewIndex(string previewKey) =>
        int.Parse(previewKey[(previewKey.LastIndexOf('/') + 1)..^4], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The evidence files the document records, after checking its header (format and schema).</summary>
    private async Task<Dictionary<string, BackupFile>> FilesNamedAsync(
        string jsonPath,
        CancellationToken cancellationToken
    )
    {
        IEnumerable<string> migrations;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            migrations = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        }

        var files = new Dictionary<string, BackupFile>(StringComparer.Ordinal);
        await using var input = File.OpenRead(jsonPath);
        var first = true;
        try
        {
            await foreach (var section in FullExport.Sections(input, cancellationToken))
            {
                if (first)
                {
                    FullExport.CheckHeader(section, migrations);
                    first = false;
                    continue;
                }

                if (section["table"]?.GetValue<string>() != "evidence_files" || section["rows"] is not JsonArray rows)
                {
                    continue;
                }

                foreach (var row in rows.OfType<JsonObject>())
                {
                    var sha256 = Field(row, "sha256")?.GetValue<string>();
                    if (!EvidenceKeys.IsSha256(sha256))
                    {
                        throw Refused($"An evidence file record has no valid sha256 ('{sha256}').");
                    }

                    files[sha256!] = new BackupFile(
                        sha256!,
                        Field(row, "size").GetValue<long>(),
                        Field(row, "preview_count").GetValue<int>(),
                        Field(row, "content_type").GetValue<string>(),
                        default
                    );
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw Refused($"{TarJsonName} is not a faithful full export: {ex.Message}");
        }

        return first ? throw Refused($"{TarJsonName} is empty.") : files;

        static JsonNode Field(JsonObject row, string name) =>
            row[name] ?? throw Refused($"An evidence file record of {TarJsonName} has no {name}.");
    }

    /// <summary>Copies an entry's bytes to a new file with a fixed buffer, hashing them on the way.</summary>
    private static async Task<(string Sha256, long Size)> StageAsync(
        Stream? data,
        string path,
        CancellationToken cancellationToken
    )
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BlobBuffer);
        long size = 0;
        try
        {
            await using var output = new FileStream(
                path,
                FileMode.CreateNew,
                FileAccess.Write,
                FileShare.None,
                1 << 16,
                FileOptions.Asynchronous
            );
            int read;
            while (
                data is not null && (read = await data.ReadAsync(buffer.AsMemory(0, BlobBuffer), cancellationToken)) > 0
            )
            {
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    /// <summary>Every original leaves in the backup: each file's custody records the download, in one
    /// statement.</summary>
    private async Task RecordDownloadsAsync(
        IReadOnlyList<BackupFile> files,
        string? address,
        CancellationToken cancellationToken
    )
    {
        if (files.Count == 0)
        {
            return;
        }

        var actor =
            (await access.UserAsync()).Identity?.Name
            ?? throw new AccessDeniedException(Policies.Administer, "export the files without signing in");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO custody_events (file_id, action, actor, at, address, detail)
            SELECT id, {nameof(CustodyAction.Downloaded)}, {actor}, {DateTimeOffset.UtcNow}, {Trimmed(address)},
                   'In a full backup with the files (GET /api/v1/export/full.tar).'
            FROM evidence_files WHERE sha256 = ANY ({files.Select(f => f.Sha256).ToArray()})
            ORDER BY sha256
            """,
            cancellationToken
        );
    }

    private static string? Trimmed(string? address) =>
        address is { Length: > CustodyEvent.MaxAddress } ? address[..CustodyEvent.MaxAddress] : address;

    private static PaxTarEntry Entry(string name, Stream data, DateTimeOffset modified) =>
        new(TarEntryType.RegularFile, name)
        {
            DataStream = data,
            ModificationTime = modified,
            Mode = ReadOnlyMode,
        };

    private static DomainValidationException Refused(string message) => new("File", $"{message} Nothing was restored.");

    /// <summary>
    /// A stored blob as a tar entry's data: its length is the record's (so the entry's header can be written
    /// before the bytes), and the bytes are counted and hashed as they pass. Too few bytes, too many, or other
    /// bytes throw before the entry's last byte is written, so the broken backup is aborted, never completed.
    /// </summary>
    private sealed class CheckedBlobStream(Stream inner, long length, string sha256) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(
            Memory<byte> buffer,
            CancellationToken cancellationToken = default
        )
        {
            if (_position == length || buffer.Length == 0)
            {
                return 0;
            }

            var wanted = (int)Math.Min(buffer.Length, length - _position);
            var read = await inner.ReadAsync(buffer[..wanted], cancellationToken);
            Count(buffer.Span[..read]);
            if (_position == length && await inner.ReadAsync(new byte[1], cancellationToken) > 0)
            {
                throw Changed($"holds more than the {length:N0} bytes recorded");
            }

            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

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

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Count(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length == 0)
            {
                throw Changed($"ends after {_position:N0} of the {length:N0} bytes recorded");
            }

            _hash.AppendData(bytes);
            _position += bytes.Length;
            if (_position == length && Convert.ToHexStringLower(_hash.GetHashAndReset()) != sha256)
            {
                throw Changed("hash to another SHA-256 than their name");
            }
        }

        private InvalidOperationException Changed(string what) =>
            new(
                $"The stored bytes of {sha256} {what}; the backup stops here. 'admin verify-evidence' checks "
                    + "every stored file."
            );
    }
}
