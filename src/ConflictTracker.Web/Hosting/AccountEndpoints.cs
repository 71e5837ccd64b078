using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Hosting;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST (with the antiforgery token of the form that sends it), never a link.</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (HttpContext context, [FromServices] AccountService accounts) =>
        {
            await accounts.SignOutAsync(context.User);
            return TypedResults.LocalRedirect("/account/login?signedOut=true");
        }).DisableAntiforgery().AddEndpointFilter(ValidateAntiforgery);

    // The endpoint binds no form field, so the framework would not check the token by itself.
    private static async ValueTask<object?> ValidateAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return TypedResults.Problem(title: "The sign-out form expired", detail: "Reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
