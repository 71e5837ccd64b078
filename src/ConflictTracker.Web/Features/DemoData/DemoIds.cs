using System.Security.Cryptography;
using System.Text;

namespace ConflictTracker.Web.Features.DemoData;

/// <summary>
/// Stable ids for demo records: a name-based (version 5 style) UUID of "kind:key", so every load of the
/// file gives every record the same id and a second load can tell what is already there.
/// </summary>
public static class DemoIds
{
    private static readonly byte[] Namespace = Guid.Parse("6f1c1a52-5a7e-4e39-9c3e-4e7f5d2b8a10")
        .ToByteArray(bigEndian: true);

    public static Guid For(string kind, string key)
    {
        var name = Encoding.UTF8.GetBytes($"{kind}:{key}");
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 name-based UUIDs use; not a security use.
        var hash = SHA1.HashData([.. Namespace, .. name]);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
