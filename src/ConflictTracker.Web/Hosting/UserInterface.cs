using ConflictTracker.Web.Components;
using ConflictTracker.Web.Components.Pages.Editing;
using ConflictTracker.Web.Components.Shared;
using MudBlazor.Services;

namespace ConflictTracker.Web.Hosting;

internal static class UserInterface
{
    public static IServiceCollection AddUserInterface(this IServiceCollection services)
    {
        // SignalR's default of 32 KB dropped the connection, and the form with it, on a 10,000-character
        // Korean quote: every value a form accepts must fit in one message (TextLimits says how big).
        services
            .AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = TextLimits.LargestFieldMessage);
        services.AddMudServices();
        // Per circuit: the editor pages' script module and the drafts kept through it.
        services.AddScoped<EditingScript>();
        services.AddScoped<DraftStore>();
        return services;
    }

    public static WebApplication UsePipeline(this WebApplication app)
    {
        // Outermost, in this order: the client's address and scheme as a known proxy forwarded them
        // (for HSTS, the failed-token limit and the log), then the request log, which so sees the
        // status the client finally got, then the security headers on every response.
        app.UseProxyHeaders();
        app.UseRequestLogging();
        app.UseSecurityHeaders();
        // Outside the error handlers, so error pages are compressed too; static assets come precompressed.
        app.UseCompression();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");

        // The API answers every error with problem details. Registered after (inside) the pages'
        // handlers, so it answers first and they find the response already written.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Api.Prefix),
            api => api.UseExceptionHandler().UseStatusCodePages()
        );
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestGuards();
        app.UseReadablePutBodies();
        // Inside the exception handlers, so a database outage is answered 503 before they see it.
        app.UseDatabaseOutageAnswers();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapApiEndpoints();
        // Blazor sends a frame-ancestors policy of its own ('self' by default): the same as ours, so the two never
        // disagree.
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = "'none'");
        return app;
    }
}
