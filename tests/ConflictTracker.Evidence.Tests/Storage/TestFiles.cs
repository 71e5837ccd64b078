using System.Security.Cryptography;

namespace ConflictTracker.Evidence.Tests.Storage;

/// <summary>Source files for the storage tests, in a temporary folder of their own.</summary>
internal sealed class TestFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("ct-evidence-src-").FullName;

    /// <summary>A file of pseudo-random bytes, written a megabyte at a time; returns its path and SHA-256.</summary>
    public async Task<(string Path, string Sha256)> CreateAsync(long length, int seed)
    {
        var path = System.IO.Path.Combine(Folder, $"{seed}-{length}.bin");
        var random = new Random(seed);
        var buffer = new byte[1 << 20];
        await using (var file = File.Create(path))
        {
            for (var left = length; left > 0; left -= buffer.Length)
            {
                random.NextBytes(buffer);
                await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(left, buffer.Length)));
            }
        }
        await using var read = File.OpenRead(path);
        return (path, Convert.ToHexStringLower(await SHA256.HashDataAsync(read)));
    }

    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Whether two streams hold the same bytes, compared a block at a time (never whole in memory).
    /// </summary>
    public static async Task<bool> SameBytesAsync(Stream expected, Stream actual)
    {
        var left = new byte[1 << 16];
        var right = new byte[1 << 16];
        while (true)
        {
            var read = await expected.ReadAtLeastAsync(left, left.Length, throwOnEndOfStream: false);
            var other = await actual.ReadAtLeastAsync(right, right.Length, throwOnEndOfStream: false);
            if (read != other || !left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, other)))
            {
                return false;
            }
            if (read == 0)
            {
                return true;
            }
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
