using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Hosting;

internal static class Database
{
    public const string ConnectionStringName = "Default";

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings__{ConnectionStringName} (an Npgsql connection string), "
                    + "or start the app with scripts/run.sh, which starts a local PostgreSQL."
            );
        }

        // Blazor components take a factory and make one short-lived context per operation;
        // the factory also registers AppDbContext as scoped for request-bound code.
        services.AddDbContextFactory<AppDbContext>(options => DatabaseOptions.Configure(options, connectionString));
        return services;
    }
}
