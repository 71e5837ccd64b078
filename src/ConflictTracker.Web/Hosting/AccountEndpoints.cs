using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Hosting;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST (with the antiforgery token of the form that sends it), never a link.</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost(
                "/account/logout",
                async (HttpContext context, [FromServices] AccountService accounts) =>
                {
                    await accounts.SignOutAsync(context.User);
                    return TypedResults.LocalRedirect("/account/login?signedOut=true");
                }
            )
            .DisableAntiforgery()
            .AddEndpointFilter(ValidateAntiforgery)
            // The browser's sign-out form, not part of the API: out of the OpenAPI document.
            .ExcludeFromDescription();

    // The endpoint binds no form field, so the framework would not check the token by itself.
    private static async ValueTask<object?> ValidateAntiforgery(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        bool valid;
        try
        {
            valid = await antiforgery.IsRequestValidAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            // Thrown when the form itself cannot be read (a NUL in a field, a broken escape, too many
            // fields): the sender's mistake, so a 400 rather than a 500.
            return TypedResults.Problem(
                title: "The sign-out form could not be read",
                detail: "It holds characters a form cannot carry (such as NUL) or is malformed. Reload the page and sign out again.",
                statusCode: StatusCodes.Status400BadRequest
            );
        }

        if (!valid)
        {
            return TypedResults.Problem(
                title: "The sign-out form expired",
                detail: "Reload the page and sign out again.",
                statusCode: StatusCodes.Status400BadRequest
            );
        }

        return await next(context);
    }
}
