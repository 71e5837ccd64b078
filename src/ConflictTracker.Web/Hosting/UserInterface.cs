using ConflictTracker.Web.Components;
using ConflictTracker.Web.Components.Pages.Editing;
using ConflictTracker.Web.Components.Shared;
using MudBlazor.Services;
using Serilog;

namespace ConflictTracker.Web.Hosting;

internal static class UserInterface
{
    public static IServiceCollection AddUserInterface(this IServiceCollection services)
    {
        // SignalR's default of 32 KB dropped the connection, and the form with it, on a 10,000-character
        // Korean quote: every value a form accepts must fit in one message (TextLimits says how big).
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = TextLimits.LargestFieldMessage);
        services.AddMudServices();
        // Per circuit: the editor pages' script module and the drafts kept through it.
        services.AddScoped<EditingScript>();
        services.AddScoped<DraftStore>();
        return services;
    }

    public static WebApplication UsePipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");

        // The API answers every error with problem details. Registered after (inside) the pages'
        // handlers, so it answers first and they find the response already written.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Api.Prefix), api => api.UseExceptionHandler().UseStatusCodePages());
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSerilogRequestLogging();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapApiEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
