using System.Net;
using System.Net.Http.Json;
using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>An API change takes an optional <c>reason</c>, stored with its history (docs/rules/history.md).</summary>
public class ChangeReasonApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Deployment = DemoIds.For("proposition", "nk-troops-in-russia");

    private static HttpRequestMessage Put(Guid id, string etag, string statement, string description, string? reason) =>
        new(HttpMethod.Put, $"/api/v1/propositions/{id}")
        {
            Content = JsonContent.Create(
                new
                {
                    statement,
                    description,
                    reason,
                },
                options: ApiFixture.Json
            ),
            Headers = { IfMatch = { new System.Net.Http.Headers.EntityTagHeaderValue(etag) } },
        };

    private static async Task<string> ETagAsync(HttpClient client)
    {
        using var read = await client.GetAsync($"/api/v1/propositions/{Deployment}");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        return read.Headers.ETag!.Tag;
    }

    [Fact]
    public async Task APutsReasonIsStoredWithItsHistoryAndATooLongOneIsRefusedWithNothingSaved()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var statement = await StatementAsync();

        using var tooLong = await editor.SendAsync(
            Put(
                Deployment,
                await ETagAsync(editor),
                statement,
                "Too long",
                new string('r', MaxLengths.ChangeReason + 1)
            )
        );
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.JsonAsync())
            .GetProperty("errors")
            .EnumerateObject()
            .Select(p => p.Name)
            .Should()
            .Contain(name => string.Equals(name, "reason", StringComparison.OrdinalIgnoreCase));

        using var saved = await editor.SendAsync(
            Put(
                Deployment,
                await ETagAsync(editor),
                statement,
                "Neutral wording, as the sources use it.",
                "Wording agreed"
            )
        );
        saved.StatusCode.Should().Be(HttpStatusCode.NoContent, await saved.Content.ReadAsStringAsync());

        await using var db = fixture.Database.CreateContext();
        var rows = await db
            .ChangeHistory.Where(c => c.EntityId == Deployment && c.EntityType == "Proposition")
            .OrderByDescending(c => c.Id)
            .ToListAsync();
        rows[0].Reason.Should().Be("Wording agreed");
        rows[0].Changes.Should().Contain("Neutral wording, as the sources use it.");
        rows.Should().NotContain(r => r.Changes.Contains("Too long"), "the refused change saved nothing");
        (await StatementAsync()).Should().Be(statement);

        using var withoutReason = await editor.SendAsync(
            new HttpRequestMessage(HttpMethod.Put, $"/api/v1/propositions/{Deployment}")
            {
                Content = JsonContent.Create(
                    new { statement, description = "Without a reason" },
                    options: ApiFixture.Json
                ),
                Headers = { IfMatch = { new System.Net.Http.Headers.EntityTagHeaderValue(await ETagAsync(editor)) } },
            }
        );
        withoutReason.StatusCode.Should().Be(HttpStatusCode.NoContent, "the reason is optional, even in a PUT");
    }

    private async Task<string> StatementAsync()
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Propositions.Where(p => p.Id == Deployment).Select(p => p.Statement).SingleAsync();
    }
}
