using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.HttpOverrides;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// The proxies allowed to tell the app who the client is and whether it came over HTTPS
/// (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>): addresses in <c>Proxy:KnownProxies</c> and
/// networks in <c>Proxy:KnownNetworks</c> (CIDR), each a list separated by commas or spaces. Unset,
/// only a proxy on the same machine (loopback) is believed.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public string? KnownProxies { get; set; }

    public string? KnownNetworks { get; set; }
}

/// <summary>
/// What the browser is told to enforce, and what the app believes of a proxy (ADR-010):
/// forwarded headers from known proxies only, HSTS outside Development (behind a TLS proxy too),
/// a Secure antiforgery cookie over HTTPS, and on every response <c>nosniff</c>, no
/// referrer, no framing and a Content-Security-Policy that allows only the app's own scripts.
/// </summary>
internal static class WebSecurity
{
    private const string NonceKey = "csp-nonce";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, so a mistyped address stops the app at start-up rather than at the first request.
        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var knownProxies = Split(proxies.KnownProxies).Select(ParseAddress).ToList();
        var knownNetworks = Split(proxies.KnownNetworks).Select(ParseNetwork).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The middleware steps from the right over each address it trusts, so the first untrusted
            // one is the client, however many trusted proxies there are.
            options.ForwardLimit = null;
            if (knownProxies.Count > 0 || knownNetworks.Count > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                knownProxies.ForEach(options.KnownProxies.Add);
                knownNetworks.ForEach(options.KnownIPNetworks.Add);
            }
        });

        // ASVS V3.4.1: a year. No subdomains and no preload: those are the operator's to decide for the whole domain.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        // Secure whenever the request came over HTTPS, directly or through a known TLS proxy (the
        // forwarded scheme counts). Not Always, as the sign-in cookie is: antiforgery then refuses
        // every plain-HTTP request with an exception, and http://localhost (docker-compose.yml) must work.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the proxy saw them, for everything
    /// after.</summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>Adds the headers to every response, error pages included (set as the response starts, so an exception
    /// handler clearing it does not lose them).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(
            (context, next) =>
            {
                // base64url: nothing in it that HTML would escape in the attribute.
                var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
                context.Items[NonceKey] = nonce;
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers.XFrameOptions = "DENY";
                    // A response that set its own, stricter policy keeps it (an evidence file: "sandbox").
                    // Blazor's own header on its pages (frame-ancestors only) is replaced by the full policy.
                    if (!headers.ContentSecurityPolicy.ToString().Contains("sandbox", StringComparison.Ordinal))
                    {
                        headers.ContentSecurityPolicy = ContentSecurityPolicy(
                            context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string ?? nonce
                        );
                    }
                    return Task.CompletedTask;
                });
                return next(context);
            }
        );

    /// <summary>This request's script nonce, for the one inline script the app renders (the import map in
    /// App.razor).</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceKey] as string;

    /// <summary>
    /// Scripts: the app's own files, and inline ones only with this response's nonce (the import map;
    /// on <c>/api/docs</c> Scalar's start-up script, for which Scalar makes the nonce). Styles may be
    /// inline: MudBlazor writes its theme as a style element and positions popovers with style
    /// attributes, and Blazor's reconnection dialog brings its own style. Images may be data: URLs
    /// (the two-factor QR code, MudBlazor's CSS). Connections (the Blazor circuit's WebSocket, fetches)
    /// go to this origin only. Nothing from another origin, no plugins, no framing.
    /// </summary>
    private static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self'; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    private static IPAddress ParseAddress(string address) =>
        IPAddress.TryParse(address, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Proxy:KnownProxies: '{address}' is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string network) =>
        System.Net.IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new InvalidOperationException(
                $"Proxy:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8, fd00::/8)."
            );

    private static string[] Split(string? list) =>
        list?.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
