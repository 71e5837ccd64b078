using ConflictTracker.Web.Features.Evidence;
using ConflictTracker.Web.Hosting;
using Serilog;

Log.Logger = Logging.CreateBootstrapLogger();
try
{
    var (command, hostArgs) = CommandLine.Split(args);
    var builder = WebApplication.CreateBuilder(hostArgs);
    builder.AddLogging();
    builder.Services.AddDatabase(builder.Configuration);
    builder.Services.AddAccounts(builder.Configuration, builder.Environment);
    builder.Services.AddFeatures();
    builder.Services.AddEvidence(builder.Configuration);
    builder.Services.AddApi(builder.Configuration);
    builder.Services.AddUserInterface();
    builder.Services.AddWebSecurity(builder.Configuration);
    builder.Services.AddCompression();
    builder.Services.AddOperations();

    var app = builder.Build();
    if (command is not null)
    {
        return await CommandLine.RunAsync(app, command);
    }

    app.UsePipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "ConflictTracker stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Lets tests start the app with WebApplicationFactory.</summary>
public partial class Program;
