using System.Globalization;
using Serilog;
using Serilog.Formatting.Compact;

namespace ConflictTracker.Web.Hosting;

internal static class Logging
{
    /// <summary>Logs start-up failures before configuration is read.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    /// <summary>Readable console lines in Development, compact JSON (one event a line) elsewhere.</summary>
    public static void AddLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();

        // preserveStaticLogger: the static bootstrap logger stays as it is, so several hosts in one
        // process (the integration tests) each get their own logger instead of racing to freeze one.
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger
                    .ReadFrom.Configuration(builder.Configuration)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext();
                if (development)
                {
                    logger.WriteTo.Console(
                        outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                        formatProvider: CultureInfo.InvariantCulture);
                }
                else
                {
                    logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
            },
            preserveStaticLogger: true);
    }
}
