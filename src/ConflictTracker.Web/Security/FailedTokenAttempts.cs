using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace ConflictTracker.Web.Security;

/// <summary>Failed API token attempts allowed per client address: <c>Api:AuthFailureLimit:PermitLimit</c> per
/// <c>Api:AuthFailureLimit:Window</c>.</summary>
public sealed class ApiAuthFailureLimitOptions
{
    public const string Section = "Api:AuthFailureLimit";

    public int PermitLimit { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Counts failed API token attempts per client address, so nobody can try tokens at full speed (the
/// per-token rate limit cannot: a wrong token has no budget). Past the limit, an address is refused
/// before its token is looked up, until its window ends. The address is the connection's, or the
/// one a known proxy forwarded (<see cref="Hosting.ProxyOptions"/>); IPv6 clients count per /64, the
/// block one subscriber usually gets.
/// </summary>
public sealed class FailedTokenAttempts(ApiAuthFailureLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
            }
        )
    );

    public ApiAuthFailureLimitOptions Options => options;

    /// <summary>How long <paramref name="client"/> must wait before its next attempt, or null when it may try
    /// now.</summary>
    public TimeSpan? WaitFor(string client)
    {
        // Asking for no permit tells whether any is left, without using one.
        using var lease = limiter.AttemptAcquire(client, 0);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : options.Window;
    }

    /// <summary>Counts a failed attempt; true when it used the address's last one.</summary>
    public bool CountFailure(string client)
    {
        using var lease = limiter.AttemptAcquire(client);
        return lease.IsAcquired && limiter.GetStatistics(client)?.CurrentAvailablePermits == 0;
    }

    /// <summary>The client's address as the limit counts it: IPv4 as it is, IPv6 by its /64 network.</summary>
    public static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => limiter.Dispose();
}
