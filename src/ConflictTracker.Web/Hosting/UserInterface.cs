using ConflictTracker.Web.Components;
using MudBlazor.Services;
using Serilog;

namespace ConflictTracker.Web.Hosting;

internal static class UserInterface
{
    public static IServiceCollection AddUserInterface(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static WebApplication UsePipeline(this WebApplication app)
    {
        // The API answers every error with problem details; the pages with the app's error pages.
        static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(Api.Prefix);
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/error", createScopeForErrors: true);
            }

            pages.UseStatusCodePagesWithReExecute("/not-found");
        });
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
