using System.Text.Json;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>A save the database cancelled for meeting another (deadlock, serialization failure, lock timeout) is a
/// 409 problem saying nothing was saved, not a 500; any other database error is left to the default handler.</summary>
public class SimultaneousSavesTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.DeadlockDetected, true)]
    [InlineData(PostgresErrorCodes.SerializationFailure, true)]
    [InlineData(PostgresErrorCodes.LockNotAvailable, true)]
    [InlineData(PostgresErrorCodes.UndefinedTable, false)]
    public async Task ACancelledSaveIsA409ProblemThatSaysNothingWasSaved(string sqlState, bool handled)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new SimultaneousSaves(
            services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<SimultaneousSaves>.Instance
        );
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "PUT";
        http.Request.Path = "/api/v1/claims/1";
        http.Request.Headers.Accept = "application/json";
        http.Response.Body = new MemoryStream();
        var cancelled = new DbUpdateException(
            "An error occurred while saving the entity changes.",
            new PostgresException("cancelled", "ERROR", "ERROR", sqlState)
        );

        (await handler.TryHandleAsync(http, cancelled, CancellationToken.None)).Should().Be(handled);

        if (handled)
        {
            http.Response.StatusCode.Should().Be(StatusCodes.Status409Conflict);
            http.Response.Body.Position = 0;
            var problem = await JsonDocument.ParseAsync(http.Response.Body);
            problem.RootElement.GetProperty("status").GetInt32().Should().Be(409);
            problem.RootElement.GetProperty("detail").GetString().Should().StartWith("Nothing was saved");
        }
    }
}
