using System.Buffers;
using System.Security.Cryptography;
using ConflictTracker.Evidence.Analysis;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>
/// An upload written to the staging folder while its SHA-256 and size are worked out, in one pass with a
/// fixed buffer: a 500 MB video never sits in memory. Deleted when disposed, whatever happened.
/// </summary>
public sealed class StagedFile : IDisposable
{
    private const int BufferSize = 1 << 20;

    private StagedFile(string path, string sha256, long size)
    {
        Path = path;
        Sha256 = sha256;
        Size = size;
    }

    public string Path { get; }

    public string Sha256 { get; }

    public long Size { get; }

    /// <summary>Copies <paramref name="body"/> to a new file in <paramref name="folder"/>.</summary>
    /// <param name="expectedLength">The length the client announced: fewer bytes mean the upload was cut.</param>
    public static async Task<StagedFile> WriteAsync(
        Stream body,
        string folder,
        long maxBytes,
        long? expectedLength,
        CancellationToken cancellationToken
    )
    {
        if (expectedLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"{Guid.CreateVersion7():N}.upload");
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size;
            await using (var output = OpenNew(path))
            {
                size = await CopyAsync(body, output, maxBytes, maxBytes, sha, cancellationToken);
            }

            if (expectedLength is { } expected && size != expected)
            {
                throw new EvidenceRejectedException(
                    "incomplete",
                    $"The upload was cut short: {size:N0} of {expected:N0} bytes arrived. "
                        + "Nothing was stored; upload the file again."
                );
            }

            if (size == 0)
            {
                throw Empty();
            }

            return new StagedFile(path, Convert.ToHexStringLower(sha.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A staged file already complete on disk (a finished resumable upload): hashes it, at disk
    /// speed, and takes it over.</summary>
    public static async Task<StagedFile> HashAsync(string path, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            await using var input = new FileStream(
                path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan
            );
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                size += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (size == 0)
        {
            File.Delete(path);
            throw Empty();
        }

        return new StagedFile(path, Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    /// <summary>Opens a partial upload for writing, exclusively: a second request for the same upload fails with
    /// an <see cref="IOException"/> instead of interleaving its bytes.</summary>
    public static FileStream OpenPartial(string path) =>
        new(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous);

    /// <summary>Copies a request body to the end of an open partial upload, at most <paramref name="room"/>
    /// bytes.</summary>
    public static Task<long> AppendAsync(
        Stream body,
        FileStream output,
        long room,
        long limit,
        CancellationToken cancellationToken
    ) => CopyAsync(body, output, room, limit, null, cancellationToken);

    /// <summary>Reads the next piece of the body; a connection cut mid-body is the uploader's problem to retry,
    /// told plainly, not a server error.</summary>
    private static async Task<int> ReadAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken);
        }
        catch (Exception ex)
            when (ex is IOException or BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new EvidenceRejectedException(
                "incomplete",
                "The upload was cut short before the whole file arrived. Nothing was stored; upload the file again."
            );
        }
    }

    public static EvidenceRejectedException Empty() => new("empty", "The file is empty (0 bytes). Nothing was stored.");

    public static EvidenceRejectedException TooLarge(long maxBytes) =>
        new("too-large", $"The file is larger than the limit of {maxBytes:N0} bytes. Nothing was stored.");

    public void Dispose() => File.Delete(Path);

    private static FileStream OpenNew(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);

    private static async Task<long> CopyAsync(
        Stream body,
        FileStream output,
        long room,
        long limit,
        IncrementalHash? sha,
        CancellationToken cancellationToken
    )
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            int read;
            while ((read = await ReadAsync(body, buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > room)
                {
                    throw TooLarge(limit);
                }

                sha?.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await output.FlushAsync(cancellationToken);
            return size;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
