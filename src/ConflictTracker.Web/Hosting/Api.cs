using System.Globalization;
using System.Threading.RateLimiting;
using ConflictTracker.Domain.Common;
using ConflictTracker.Evidence.Analysis;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Features.Evidence;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ConflictTracker.Web.Hosting;

/// <summary>Rate limit of the API, per token: <c>Api:RateLimit:PermitLimit</c> requests per
/// <c>Api:RateLimit:Window</c>.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The REST API under <c>/api/v1</c> (docs/api.md): bearer-token authentication, problem details for
/// every error, a rate limit per token, the OpenAPI document at <c>/openapi/v1.json</c> and its
/// reference page at <c>/api/docs</c> (assets served by the app itself).
/// </summary>
internal static class Api
{
    public const string RateLimitPolicy = "api";
    public const string ApiPolicy = "ApiToken";
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokenService>();
        // Validated tokens in memory, dropped on every instance when a trigger notifies of a change (ApiTokenCache).
        services.AddSingleton<ApiTokenCache>();
        services.AddHostedService<ApiTokenCacheListener>();
        services
            .AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
                ApiTokenAuthenticationHandler.SchemeName,
                null
            );
        services
            .AddAuthorizationBuilder()
            .AddPolicy(
                ApiPolicy,
                policy =>
                    policy.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
            );
        services.AddProblemDetails();
        services.AddApiJson();

        // Malformed JSON or a parameter of the wrong type throws, so its message reaches the client as a 400 problem.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequests>();
        services.AddExceptionHandler<SimultaneousSaves>();

        var failureLimit =
            configuration.GetSection(ApiAuthFailureLimitOptions.Section).Get<ApiAuthFailureLimitOptions>()
            ?? new ApiAuthFailureLimitOptions();
        services.AddSingleton(_ => new FailedTokenAttempts(failureLimit));

        var limits =
            configuration.GetSection(ApiRateLimitOptions.Section).Get<ApiRateLimitOptions>()
            ?? new ApiRateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(
                RateLimitPolicy,
                context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limits.PermitLimit,
                            Window = limits.Window,
                            QueueLimit = 0,
                        }
                    )
            );
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : limits.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results
                    .Problem(
                        title: "Too many requests",
                        detail: $"This token may make {limits.PermitLimit} requests per {limits.Window.TotalSeconds:0} s. Try again in {seconds} s.",
                        statusCode: StatusCodes.Status429TooManyRequests
                    )
                    .ExecuteAsync(context.HttpContext);
            };
        });

        services.AddOpenApi(
            "v1",
            options =>
            {
                // Responses may carry nulls (ApiEndpoints.Configure), but a property the type declares
                // non-nullable is refused as null in a request: the document says what the server reads.
                options.AddSchemaTransformer(
                    (schema, context, _) =>
                    {
                        if (
                            context.JsonPropertyInfo is { IsSetNullable: false, PropertyType.IsValueType: false }
                            && schema.Type is { } type
                            && type.HasFlag(JsonSchemaType.Null)
                        )
                        {
                            schema.Type = type & ~JsonSchemaType.Null;
                        }

                        return Task.CompletedTask;
                    }
                );
                options.AddDocumentTransformer(
                    (document, _, _) =>
                    {
                        document.Info = new OpenApiInfo
                        {
                            Title = "ConflictTracker API",
                            Version = "v1",
                            Description =
                                "Claims about a war: who asserted what, when, where it was published, how reliable it is, and which claims support or contradict each other. "
                                + "Authenticate with a personal access token: 'Authorization: Bearer ctpat_…'. Errors are RFC 7807 problem details.",
                        };
                        document.Components ??= new OpenApiComponents();
                        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                        {
                            Type = SecuritySchemeType.Http,
                            Scheme = "bearer",
                            Description =
                                "A personal access token (ctpat_…), created on /account/tokens or with 'admin create-token'.",
                        };
                        document.Security =
                        [
                            new OpenApiSecurityRequirement
                            {
                                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
                            },
                        ];
                        return Task.CompletedTask;
                    }
                );
            }
        );
        return services;
    }

    private const string BackToTheApp =
        "<nav aria-label=\"ConflictTracker\" data-testid=\"back-to-app\" "
        + "style=\"padding:0.5rem 1rem;font:14px system-ui,sans-serif;border-bottom:1px solid #ddd\">"
        + "<a href=\"/\">← Back to ConflictTracker</a> · <a href=\"/account/tokens\">Your API tokens</a></nav>";

    /// <summary>The API's route group: token authentication, the rate limit, and errors as problem details.</summary>
    public static RouteGroupBuilder MapApiGroup(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // Nothing from a CDN and nothing sent elsewhere (fonts, telemetry, the AI chat), and a nonce
        // for its inline start-up script: the Content-Security-Policy allows nothing more (WebSecurity).
        // A line above the reference leads back to the app and to the reader's tokens.
        app.MapScalarApiReference(
                "/api/docs",
                options =>
                {
                    options
                        .WithTitle("ConflictTracker API")
                        .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                        .WithFavicon("/favicon.svg")
                        .DisableDefaultFonts()
                        .DisableTelemetry()
                        .DisableAgent()
                        .WithNonce();
                    options.HeaderContent = BackToTheApp;
                    // Its toolbar (share, generate an SDK, deploy) would send the document to scalar.com.
                    options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                }
            )
            .AllowAnonymous();

        var api = app.MapGroup(Prefix)
            .RequireAuthorization(ApiPolicy, Policies.Read)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter(ErrorsAsProblems)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    /// <summary>
    /// Makes the services see the token's user (they read it from the authentication state, as in
    /// pages), and turns refusals into problem details: bad input 400 with every field's messages,
    /// a role that does not allow it 403, a stale version 412.
    /// </summary>
    public static async ValueTask<object?> ErrorsAsProblems(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        var http = context.HttpContext;
        if (
            http.RequestServices.GetRequiredService<AuthenticationStateProvider>()
            is IHostEnvironmentAuthenticationStateProvider host
        )
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        }

        try
        {
            return await next(context);
        }
        catch (StaleVersionException ex)
        {
            if (ex.CurrentVersion is { } current)
            {
                http.Response.Headers.ETag = ETag(current);
            }

            return TypedResults.Problem(
                title: "The record changed since you read it",
                detail: ex.Message + " Nothing was saved.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["errors"] = ex.Errors }
            );
        }
        catch (DomainValidationException ex)
        {
            return TypedResults.ValidationProblem(
                ex.Errors,
                title: "The request has invalid fields",
                detail: "Nothing was saved. Correct the fields listed in 'errors'."
            );
        }
        catch (RecordNotFoundException ex)
        {
            return TypedResults.Problem(
                title: $"No such {ex.Kind}",
                detail: ex.Message,
                statusCode: StatusCodes.Status404NotFound
            );
        }
        catch (EvidenceRejectedException ex)
        {
            return TypedResults.Problem(
                title: "The file was not stored",
                detail: ex.Message,
                statusCode: ex.Code switch
                {
                    "too-large" => StatusCodes.Status413PayloadTooLarge,
                    "unsupported-type" or "name-mismatch" => StatusCodes.Status415UnsupportedMediaType,
                    _ => StatusCodes.Status400BadRequest,
                },
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = ex.Code,
                    ["errors"] = new Dictionary<string, string[]> { ["file"] = [ex.Message] },
                }
            );
        }
        catch (EvidenceMissingException ex)
        {
            return TypedResults.Problem(
                title: "Storage no longer holds this file",
                detail: ex.Message,
                statusCode: StatusCodes.Status500InternalServerError
            );
        }
        catch (AccessDeniedException ex)
        {
            return TypedResults.Problem(
                title: "Your role does not allow this",
                detail: ex.Message,
                statusCode: StatusCodes.Status403Forbidden
            );
        }
        catch (ConcurrencyConflictException ex)
        {
            http.Response.Headers.ETag = ETag(ex.CurrentVersion);
            return TypedResults.Problem(
                title: "The record changed since you read it",
                detail: $"{ex.ChangedBy} changed it at {ex.ChangedAt:O}. Read it again (ETag {ETag(ex.CurrentVersion)}) and re-apply your change.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?>
                {
                    ["changedBy"] = ex.ChangedBy,
                    ["changedAt"] = ex.ChangedAt,
                    ["theirChanges"] = ex
                        .TheirChanges.Select(c => new
                        {
                            c.Field,
                            c.Before,
                            c.After,
                        })
                        .ToList(),
                }
            );
        }
    }

    /// <summary>A record's version as an entity tag: <c>"42"</c>.</summary>
    public static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version an update was based on, from <c>If-Match</c>. Updates without it are refused
    /// with 428, so no client can overwrite a change it has not seen.
    /// </summary>
    /// <remarks>An If-Match that is there but is not one of our ETags is refused (400): the client meant to guard its
    /// change.</remarks>
    public static uint? IfMatch(HttpRequest request)
    {
        var sent = request.Headers.IfMatch.ToString().Trim();
        if (sent.Length == 0 || sent == "*")
        {
            // "*" (RFC 9110) matches any current version: the same as no condition.
            return null;
        }

        var header = sent.StartsWith("W/", StringComparison.Ordinal) ? sent[2..] : sent;
        return
            header.Length > 2
            && header[0] == '"'
            && header[^1] == '"'
            && uint.TryParse(header[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new DomainValidationException(
                "If-Match",
                $"If-Match must be an ETag this API gave out, such as \"42\" (it was {Shorten(sent)})."
            );
    }

    /// <summary>
    /// The version a reviewer's decision was based on (If-Match, optional), read only after the role is
    /// checked: someone who may not decide hears that first, whatever header they sent.
    /// </summary>
    public static async Task<uint?> DecisionVersionAsync(HttpRequest request)
    {
        await request
            .HttpContext.RequestServices.GetRequiredService<IAccess>()
            .DemandAsync(Policies.Review, "decide reviews");
        return IfMatch(request);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    public static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(
            title: "If-Match is required",
            detail: "Send the ETag you read (If-Match: \"42\") so a change made since then is not overwritten.",
            statusCode: StatusCodes.Status428PreconditionRequired
        );

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"No such {what}", statusCode: StatusCodes.Status404NotFound);
}
