using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ConflictTracker.Web.Data;

/// <summary>Used by <c>dotnet ef</c> only; adding a migration needs no database, so no real connection
/// string.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(
            options,
            Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=design-time-only"
        );
        return new AppDbContext(options.Options);
    }
}
