using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// Compressed responses (ADR-014). Static assets (the app's and MudBlazor's CSS and scripts) are
/// compressed once at build time and served precompressed and fingerprinted by <c>MapStaticAssets</c>;
/// this middleware compresses what is made per request: pages, the API's JSON, the OpenAPI document.
/// Brotli is preferred, gzip for clients without it; both over HTTPS too.
/// </summary>
/// <remarks>
/// BREACH: a compressed response leaks, through its length, how much a secret in it resembles text an
/// attacker put in the same response. The pages' only secret is the antiforgery token, which Data
/// Protection encrypts afresh for every response (a random IV each time), so there is nothing stable
/// to guess. The pages under <c>/account</c> are never compressed: they show a two-factor key and
/// reflect what was typed into sign-in forms. Tokens shown once on <c>/account/tokens</c> travel over
/// the circuit, not in an HTTP response.
/// </remarks>
internal static class Compression
{
    /// <summary>Responses under this path are sent as they are (secrets next to reflected input).</summary>
    public const string UncompressedPrefix = "/account";

    public static IServiceCollection AddCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            // The defaults (HTML, CSS, scripts, JSON, XML, plain text) and the API's problem details.
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json"]);
        });
        // Fastest: a page is compressed on every request, on a small machine; the static assets, which are
        // the bulk of a first visit, are compressed at build time at the highest level.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Compresses what follows, except the account pages (see the remarks on the class).</summary>
    public static IApplicationBuilder UseCompression(this IApplicationBuilder app) =>
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments(UncompressedPrefix),
            compressed => compressed.UseResponseCompression()
        );
}
