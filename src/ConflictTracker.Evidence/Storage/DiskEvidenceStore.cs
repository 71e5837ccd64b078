using System.Runtime.CompilerServices;

namespace ConflictTracker.Evidence.Storage;

/// <summary>
/// Evidence blobs as plain files under a root folder: the key <c>sha256/ab/cd/abcd…</c> is the file
/// <c>root/sha256/ab/cd/abcd…</c>. A blob is written to a temporary file in its own folder, flushed to disk, made
/// read-only (0444), then moved into place without overwriting, so a reader never sees half a blob and two
/// writers of the same key leave one intact file. Backups: the folder is plain files, copied with rsync or tar
/// next to pg_dump (docs/rules/evidence-storage.md).
/// </summary>
public sealed class DiskEvidenceStore : IEvidenceStore
{
    /// <summary>Temporary files start with this; they never match a key, so listing skips them.</summary>
    internal const string TempPrefix = ".part-";

    private const int BufferSize = 1 << 16;

    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string _root;

    public DiskEvidenceStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Directory.CreateDirectory(_root);
    }

    public string Name => "disk";

    /// <summary>The folder the blobs are kept in (absolute).</summary>
    public string Root => _root;

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathOf(key)));

    public async Task PutFileAsync(
        string key,
        string localPath,
        string contentType,
        CancellationToken cancellationToken
    )
    {
        var target = PathOf(key);
        if (File.Exists(target))
        {
            return;
        }
        var source = new FileStream(
            localPath,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            BufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan
        );
        await using (source.ConfigureAwait(false))
        {
            await WriteOnceAsync(target, (file, ct) => source.CopyToAsync(file, BufferSize, ct), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public Task PutBytesAsync(
        string key,
        ReadOnlyMemory<byte> bytes,
        string contentType,
        CancellationToken cancellationToken
    )
    {
        var target = PathOf(key);
        return File.Exists(target)
            ? Task.CompletedTask
            : WriteOnceAsync(target, (file, ct) => file.WriteAsync(bytes, ct).AsTask(), cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(
                path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan
            );
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <summary>The keys under a prefix, in ordinal order (as S3 lists them), walking one folder at a time.</summary>
    public async IAsyncEnumerable<string> ListAsync(
        string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        EvidenceKeys.CheckedPrefix(prefix);
        var folder = Path.Combine(_root, prefix.Replace('/', Path.DirectorySeparatorChar));
        foreach (var key in Walk(folder, prefix, cancellationToken))
        {
            yield return key;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static IEnumerable<string> Walk(string folder, string prefix, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        var entries = new DirectoryInfo(folder)
            .EnumerateFileSystemInfos()
            .Select(entry => (entry.Name, Folder: entry is DirectoryInfo))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var (name, isFolder) in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (isFolder)
            {
                foreach (var key in Walk(Path.Combine(folder, name), $"{prefix}{name}/", cancellationToken))
                {
                    yield return key;
                }
            }
            else if (EvidenceKeys.IsKey(prefix + name))
            {
                yield return prefix + name;
            }
        }
    }

    private string PathOf(string key)
    {
        EvidenceKeys.CheckedKey(key);
        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        // Belt and braces: the key shapes already rule this out.
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"The key \"{key}\" leaves the store's folder.", nameof(key));
    }

    private static async Task WriteOnceAsync(
        string target,
        Func<FileStream, CancellationToken, Task> write,
        CancellationToken cancellationToken
    )
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"{TempPrefix}{Guid.NewGuid():N}");
        try
        {
            var file = new FileStream(
                temp,
                FileMode.CreateNew,
                FileAccess.Write,
                FileShare.None,
                BufferSize,
                FileOptions.Asynchronous
            );
            await using (file.ConfigureAwait(false))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();
            MakeReadOnly(temp);
            MoveIntoPlace(temp, target);
        }
        finally
        {
            File.Delete(temp); // Gone already after a successful move; no error when it is missing.
        }
    }

    private static void MoveIntoPlace(string temp, string target)
    {
        try
        {
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another writer stored the same key first: the same bytes, content addressing says. Keep theirs.
        }
    }

    private static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, ReadOnly);
        }
    }
}
