using System.Globalization;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ConflictTracker.Web.Hosting;

internal static class Logging
{
    private const string ReadableTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Logs start-up failures before configuration is read, in the format the app will log in: the
    /// host that knows the environment does not exist yet, so its variables are read here directly
    /// (ASPNETCORE_ENVIRONMENT wins over DOTNET_ENVIRONMENT, as in the host; unset means Production).
    /// </summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.AppConsole(
                IsDevelopment(
                    Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                )
            )
            .CreateBootstrapLogger();

    private static bool IsDevelopment(string? environment) =>
        string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase);

    /// <summary>Readable console lines in Development, compact JSON (one event a line) elsewhere.</summary>
    public static void AddLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var outageLogInterval = DatabaseOutage.LogInterval(builder.Configuration);

        // preserveStaticLogger: the static bootstrap logger stays as it is, so several hosts in one
        // process (the integration tests) each get their own logger instead of racing to freeze one.
        // Everything the app logs must therefore go through this logger, never the static one.
        builder.Services.AddSerilog(
            (services, logger) =>
                logger
                    .ReadFrom.Configuration(builder.Configuration)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext()
                    .Filter.With(
                        new DatabaseOutageLogFilter(
                            outageLogInterval,
                            TimeProvider.System,
                            services.GetRequiredService<Serilog.ILogger>
                        )
                    )
                    .WriteTo.AppConsole(development),
            preserveStaticLogger: true
        );
    }

    /// <summary>
    /// One line per request, written by the app's logger (the request logger would otherwise use the
    /// static bootstrap one). Registered first, outside the exception handlers, so the line carries
    /// the status the client got: a request the handlers turned into a 400 or a 503 is not an error.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // 503 is the honest answer during a database outage (DatabaseOutage), not a failure of the app.
            options.GetLevel = (context, _, exception) =>
                (exception, context.Response.StatusCode) switch
                {
                    (not null, _) => LogEventLevel.Error,
                    (_, StatusCodes.Status503ServiceUnavailable) => LogEventLevel.Warning,
                    (_, >= 500) => LogEventLevel.Error,
                    _ => LogEventLevel.Information,
                };
        });

    private static LoggerConfiguration AppConsole(this LoggerSinkConfiguration sink, bool development) =>
        development
            ? sink.Console(outputTemplate: ReadableTemplate, formatProvider: CultureInfo.InvariantCulture)
            : sink.Console(new RenderedCompactJsonFormatter());
}
